"""The learned scope gate's machinery on a tiny model of known weights: its probability and
nearest-wording judgement, the file format (byte-identical rewrites), the data format's errors,
the fit, and where the scope decision lets it decline (never over strong in-scope evidence)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

import bot.scope.learned as learned
from bot.scope import decide_scope, shows_scope_evidence
from bot.scope.gate import GRAM_BUCKETS, GateModel, gram_indices, read_gate, save_gate
from bot.scope.gate_fit import GateDataError, Knobs, Row, fit, read_rows

DIM = 4
OFF, IN = np.array([1.0, 0, 0, 0], np.float32), np.array([0, 1.0, 0, 0], np.float32)


def _model(threshold: float = 0.7, family: str = "tax", embedder: str = "fake") -> GateModel:
    """Off-topic along the first axis, in scope along the second; grams weigh nothing."""
    return GateModel(
        embedder=embedder,
        vector_weights=np.array([6.0, -6.0, 0, 0], np.float32),
        gram_weights=np.zeros(GRAM_BUCKETS, np.float32),
        bias=0.0,
        threshold=threshold,
        projection=np.eye(DIM, dtype=np.float32),
        bank=np.stack([OFF, IN]),
        bank_family=np.array([0, -1], np.int16),
        families=(family,),
    )


def test_probability_follows_the_weights() -> None:
    model = _model()
    assert model.probability(OFF, "随便") > 0.99
    assert model.probability(IN, "随便") < 0.01


@pytest.mark.parametrize(("vector", "family"), [(OFF, "tax"), (IN, "")])
def test_declines_only_when_confident_and_nearest_is_off_topic(
    vector: np.ndarray, family: str
) -> None:
    assert _model().declines(vector, "随便问问") == family


def test_threshold_above_one_turns_the_gate_off() -> None:
    assert _model(threshold=1.1).declines(OFF, "随便问问") == ""


def test_nearest_needs_the_margin_over_the_in_scope_wording() -> None:
    between = np.array([0.6, 0.55, 0, 0], np.float32)  # a little closer to the off-topic one
    model = _model()
    assert model.nearest(between)[0] == "tax" and model.nearest(between)[1] > 0
    strict = dataclasses.replace(model, margin=0.5)
    assert strict.declines(between / np.linalg.norm(between), "随便") == ""


@pytest.mark.parametrize(
    ("embedder", "vector"),
    [("other", OFF), ("fake", np.ones(DIM + 1, np.float32)), ("fake", None)],
)
def test_a_vector_of_another_embedder_or_size_is_not_read(
    embedder: str, vector: np.ndarray | None
) -> None:
    assert not _model().applies(embedder, vector)


@pytest.mark.parametrize("text", ["个人所得税怎么交", "LPR多少", "ETC怎么办理", "abc123 贷款"])
def test_grams_are_stable_buckets(text: str) -> None:
    grams = gram_indices(text)
    assert grams and all(0 <= g < GRAM_BUCKETS for g in grams)
    assert gram_indices(text.upper()) == grams  # read lower-cased
    assert gram_indices("，。？ ") == frozenset()


def test_saving_twice_gives_the_same_bytes_and_reads_back(tmp_path: Path) -> None:
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    save_gate(_model(), first)
    save_gate(_model(), second)
    assert first.read_bytes() == second.read_bytes()
    back = read_gate(first)
    assert back is not None and back.families == ("tax",) and back.declines(OFF, "x") == "tax"
    assert read_gate(tmp_path / "missing.npz") is None


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        '{"text": "", "kind": "oos", "family": "tax"}',
        '{"text": "个税", "kind": "maybe"}',
        '{"text": "个税", "kind": "oos"}',
    ],
)
def test_a_malformed_row_names_its_file_and_line(tmp_path: Path, line: str) -> None:
    (tmp_path / "rows.jsonl").write_text(f'{{"text": "续贷", "kind": "near"}}\n{line}\n', "utf-8")
    with pytest.raises(GateDataError, match=r"rows\.jsonl:2"):
        read_rows(tmp_path)


def test_fit_separates_two_clusters_and_names_the_family() -> None:
    rng = np.random.default_rng(0)
    off = OFF + 0.1 * rng.normal(size=(20, DIM))
    ins = IN + 0.1 * rng.normal(size=(40, DIM))
    vectors = np.vstack([off, ins]).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    rows = [Row(f"外{i}", True, "social") for i in range(20)]
    rows += [Row(f"内{i}", False) for i in range(40)]
    model = fit(rows, [r.text for r in rows], vectors, "fake", Knobs(axes=DIM))
    assert model.declines(OFF, "外") == "social"
    assert model.declines(IN, "内") == ""
    again = fit(rows, [r.text for r in rows], vectors, "fake", Knobs(axes=DIM))
    assert np.array_equal(model.vector_weights, again.vector_weights)  # deterministic


GLOSSARY = SimpleNamespace(terms=(), topical=False)
EVIDENCE = (
    "想贷点钱周转一下",  # the firm's financing need
    "开店的要借100来万",  # a sum to borrow, the firm named
    "公司的授信额度受影响吗",  # the firm's credit
    "首贷户有什么说法",  # a measure's own term
    "缴存数据银行会看吗",  # records weighed by a bank
    "案子结了 征信上的记录怎么修复",  # a credit record repaired
    "这个要交多少钱",  # a pointer back to the story
    "第5条怎么理解",  # an article
    "这份措施管几年",  # the measures as a whole
)


@pytest.mark.parametrize("text", EVIDENCE)
def test_strong_evidence_is_never_overridden(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(learned, "load_gate", lambda: _model())
    assert shows_scope_evidence(text, names_document=False)
    assert decide_scope(text, GLOSSARY, 0.9, vector=OFF, embedder="fake").in_scope


@pytest.mark.parametrize(
    ("family", "shown"),
    [
        ("tax", "tax"),
        ("housing_fund", "housing_fund"),
        *((f, "no_evidence") for f in sorted(learned.UNNAMED)),
    ],
)
def test_the_gate_declines_a_kept_message_without_evidence(
    monkeypatch: pytest.MonkeyPatch, family: str, shown: str
) -> None:
    monkeypatch.setattr(learned, "load_gate", lambda: _model(family=family))
    text = "银行利率政策咨询"  # kept by the wording (finance words), no strong evidence
    assert decide_scope(text, GLOSSARY, 0.9).in_scope  # no vector: the wording alone
    kept_in = decide_scope(text, GLOSSARY, 0.9, vector=IN, embedder="fake")
    assert kept_in.in_scope
    declined = decide_scope(text, GLOSSARY, 0.9, vector=OFF, embedder="fake")
    assert (declined.in_scope, declined.family) == (False, shown)
    named = decide_scope(text, GLOSSARY, 0.9, names_document=True, vector=OFF, embedder="fake")
    assert named.in_scope


@pytest.mark.parametrize("embedder", ["fake", "use-m3"])
def test_no_model_keeps_the_wordings_decision(
    monkeypatch: pytest.MonkeyPatch, embedder: str
) -> None:
    monkeypatch.setattr(learned, "load_gate", lambda: None)
    assert decide_scope("银行利率政策咨询", GLOSSARY, 0.9, vector=OFF, embedder=embedder).in_scope


def test_the_packaged_model_is_fitted_on_the_packaged_rows() -> None:
    """Rebuild with `python -m bot.scope.gate_train` after editing knowledge/data/scope/."""
    from bot.scope.gate import GATE_FILE
    from bot.scope.gate_fit import SCOPE_DIR, digest

    model = read_gate(GATE_FILE)
    assert model is not None
    assert model.digest == digest(read_rows(SCOPE_DIR))
