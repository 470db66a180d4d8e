"""The eligibility rules as data: every quote is in the document it cites; bad rules refused.

Generated over every condition of every packaged rule; the measures' quotes are also looked up
in the source file the knowledge is written from (/work/shared/corpus when present, else the
packaged copy knowledge/data/measures.txt).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.documents import Document
from knowledge.eligibility import (
    EligibilityFormatError,
    Rule,
    check_rules,
    parse_rules,
    quote_found,
    read_rules,
    select_rules,
)
from knowledge.eligibility.checks import comparable
from knowledge.qa_sources import qa_files
from knowledge.sources import load_packaged_docs

KNOWLEDGE = Path(__file__).parents[2] / "knowledge" / "data"
RULE_FILES = sorted((KNOWLEDGE / "eligibility").glob("*.yaml"))
CORPUS = Path("/work/shared/corpus/sanming-measures-2025.txt")
DOCUMENTS: dict[str, Document] = {d.doc_id: d for d in load_packaged_docs(KNOWLEDGE)}
RULES: list[Rule] = [
    r for path in RULE_FILES for r in parse_rules(path.read_text("utf-8"), path.name)
]
CONDITIONS = [(r, n, c) for r in RULES for n, c in enumerate(r.conditions)]


def test_packaged_rules_all_pass_their_checks() -> None:
    assert len(RULES) >= 20
    assert check_rules(RULES, DOCUMENTS) == []
    selection = select_rules(RULE_FILES, DOCUMENTS)
    assert selection.problems == () and len(selection.rules) == len(RULES)


@pytest.mark.parametrize(
    ("rule", "n", "condition"), CONDITIONS, ids=[f"{r.id}-{n}" for r, n, _ in CONDITIONS]
)
def test_every_quote_is_in_the_cited_document(rule: Rule, n: int, condition: object) -> None:
    source = rule.conditions[n].source
    document = DOCUMENTS[source.doc]
    assert quote_found(source.quote, document), (rule.where, source.quote)
    if source.doc.startswith("measure-"):
        raw = CORPUS if CORPUS.exists() else KNOWLEDGE / "measures.txt"
        assert comparable(source.quote) in comparable(raw.read_text("utf-8"))
        article = int(source.doc.split("-")[1])
        assert comparable(source.quote) in comparable(document.text), article


def test_each_item_stands_for_a_known_document_and_article() -> None:
    for rule in RULES:
        document = DOCUMENTS[rule.doc_id]
        assert rule.article is not None
        assert rule.article in document.articles, rule.id


def _one(quote: str = "积极探索知识产权、林权、碳权、股权等权利质押融资业务", **change: str) -> str:
    fields = {"field": "pledge", "op": "any", "value": "[林权]", "doc": "measure-7", **change}
    return (
        "rules:\n"
        "  - id: test-rule\n"
        "    doc_id: measure-7\n"
        "    article: 7\n"
        "    title: 测试\n"
        "    next_step: 问银行。\n"
        "    conditions:\n"
        "      - requires: 有林权\n"
        f"        when: {{{fields['field']}: {{{fields['op']}: {fields['value']}}}}}\n"
        "        unmet: 没有林权\n"
        f"        source: {{doc: {fields['doc']}, quote: {quote}}}\n"
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (_one(quote="银行必须发放林权贷款"), "找不到"),
        (_one(doc="measure-99"), "不存在"),
        (_one(field="revenue"), "未知的字段"),
        (_one(value="[山林]"), "没有取值"),
        (_one(op="at_most", value="5"), "不能用"),
    ],
    ids=["quote-not-in-text", "unknown-document", "unknown-field", "unknown-value", "wrong-op"],
)
def test_a_bad_rule_is_refused_naming_it(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "eligibility-staff.yaml"
    path.write_text(text, encoding="utf-8")
    selection = select_rules([*RULE_FILES, path], DOCUMENTS)
    assert any("test-rule" in p and problem in p for p in selection.problems), selection.problems
    assert "test-rule" not in {r.id for r in selection.rules}


def test_format_errors_name_file_and_line() -> None:
    bad = _one().replace(
        "        unmet: 没有林权\n", "        unmet: 没有林权\n        fail: sometimes\n"
    )
    with pytest.raises(EligibilityFormatError, match=r"x\.yaml:2"):
        parse_rules(bad, "x.yaml")
    with pytest.raises(EligibilityFormatError, match=r"x\.yaml:\d+: not valid YAML"):
        parse_rules("rules:\n  - id: a\n  - [unclosed\n", "x.yaml")


def test_staff_file_overrides_a_packaged_rule_and_is_not_read_as_qa(tmp_path: Path) -> None:
    class Settings:
        resolved_knowledge_dir = KNOWLEDGE
        data_dir = tmp_path

    staff = tmp_path / "knowledge"
    staff.mkdir()
    text = (
        _one().replace("id: test-rule", "id: measure-7-rights-pledge").replace("测试", "改过的标题")
    )
    (staff / "eligibility-local.yaml").write_text(text, encoding="utf-8")
    from knowledge.eligibility import rule_files

    selection = select_rules(rule_files(Settings()), DOCUMENTS)  # type: ignore[arg-type]
    titles = {r.id: r.title for r in selection.rules}
    assert titles["measure-7-rights-pledge"] == "改过的标题"
    staff_qa = qa_files(Settings())  # type: ignore[arg-type]
    assert not any(p.name.startswith("eligibility") for p in staff_qa)


def test_the_index_carries_the_rules(index_dir: Path) -> None:
    saved = read_rules(index_dir)
    assert saved is not None
    assert {r.id for r in saved} == {r.id for r in RULES}
    assert saved == list(select_rules(RULE_FILES, DOCUMENTS).rules)


def test_index_command_names_a_refused_staff_rule(
    monkeypatch: pytest.MonkeyPatch,
    index_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`policybot index` keeps the good rules, names the refused one and exits 1."""
    from policybot.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYBOT_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(tmp_path / "data"))
    staff = tmp_path / "data" / "knowledge"
    staff.mkdir(parents=True)
    bad = _one(quote="银行必须发放林权贷款").replace("id: test-rule", "id: staff-bad-rule")
    (staff / "eligibility-staff.yaml").write_text(bad, encoding="utf-8")
    assert main(["index", "--quiet"]) == 1
    captured = capsys.readouterr()
    assert f"体检规则 {len(RULES)} 条" in captured.out
    assert "体检规则未收录：staff-bad-rule" in captured.err and "找不到" in captured.err
    assert {r.id for r in read_rules(index_dir) or []} == {r.id for r in RULES}
