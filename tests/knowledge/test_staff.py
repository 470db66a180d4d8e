"""Staff documents: title from the heading, front matter, Word styles or PDF metadata."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from knowledge.sources import load_staff_docs, read_staff_text
from knowledge.staff import is_title_like, read_staff_document

TITLE = "三明市中小企业应急转贷资金使用指南"
FIRST = "应急转贷资金由市级财政出资设立，帮助贷款即将到期的企业按期续贷。"
SECOND = "单次使用期限一般不超过10天。"


def _text_file(suffix: str, content: str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / f"zhuandai{suffix}"
        path.write_text(content, encoding="utf-8")
        return path

    return write


def _docx_file(title_style: str | None) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        document = docx.Document()
        if title_style:
            document.add_paragraph(TITLE, style=title_style)
            document.add_paragraph("一、资金用途", style="Heading 2")
        else:
            document.add_paragraph(TITLE)
        document.add_paragraph(FIRST)
        document.add_paragraph(SECOND)
        path = folder / "zhuandai.docx"
        document.save(str(path))
        return path

    return write


CASES = {
    "markdown heading": _text_file(".md", f"# {TITLE}\n\n## 一、资金用途\n\n{FIRST}\n{SECOND}\n"),
    "markdown second-level only": _text_file(".md", f"## {TITLE}\n\n{FIRST}\n- {SECOND}\n"),
    "front matter title": _text_file(
        ".md", f"---\ntitle: {TITLE}\n---\n# 内部草稿\n{FIRST}{SECOND}"
    ),
    "text first short line": _text_file(".txt", f"{TITLE}\n\n{FIRST}\n{SECOND}\n"),
    "markdown first short line": _text_file(".md", f"  {TITLE}  \n{FIRST}\n{SECOND}"),
    "docx Title style": _docx_file("Title"),
    "docx Heading 1 style": _docx_file("Heading 1"),
    "docx first short line": _docx_file(None),
}


@pytest.mark.parametrize("write", CASES.values(), ids=list(CASES))
def test_read_staff_document_takes_title_from_content(
    tmp_path: Path, write: Callable[[Path], Path]
) -> None:
    staff = read_staff_document(write(tmp_path))
    assert staff.title == TITLE
    assert staff.body.startswith(FIRST) and SECOND in staff.body
    assert TITLE not in staff.body and "资金用途" not in staff.body and "#" not in staff.body


@pytest.mark.parametrize("write", CASES.values(), ids=list(CASES))
def test_load_staff_docs_cites_the_title_not_the_file_name(
    tmp_path: Path, write: Callable[[Path], Path]
) -> None:
    path = write(tmp_path)
    docs = load_staff_docs(tmp_path)
    assert [d.title for d in docs] == [TITLE]
    assert docs[0].doc_id == "staff-zhuandai-1" and docs[0].source == path.name
    assert docs[0].text == f"{FIRST}{SECOND}"


@pytest.mark.parametrize(
    "content",
    [f"{FIRST}\n{SECOND}", f"{FIRST}{SECOND}{FIRST}", "说明。\n" + FIRST],
    ids=["sentence first", "one long line", "closed first line"],
)
def test_read_staff_document_without_title_line_keeps_all_text(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(content, encoding="utf-8")
    staff = read_staff_document(path)
    assert staff.title == ""
    assert load_staff_docs(tmp_path)[0].title == "notice"  # the file name, as a last resort
    assert staff.body.replace("\n", "") == content.replace("\n", "")


def test_read_staff_document_with_front_matter_title_keeps_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        f"---\ntitle: {TITLE}\naliases: 转贷基金\n---\n申请条件\n{FIRST}", encoding="utf-8"
    )
    staff = read_staff_document(path)
    assert (staff.title, staff.meta["aliases"]) == (TITLE, "转贷基金")
    assert staff.body == f"申请条件。\n{FIRST}"


def test_read_staff_document_closes_unpunctuated_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"# {TITLE}\n申请材料：\n- 营业执照\n- 贷款合同\n{SECOND}", encoding="utf-8")
    assert read_staff_document(path).body == f"申请材料：\n营业执照。\n贷款合同。\n{SECOND}"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (TITLE, True),
        ("三明市应急转贷资金使用指南（2025年版）", True),
        (FIRST, False),
        ("申请材料：", False),
        ("应急转贷资金" * 8, False),
        ("", False),
    ],
)
def test_is_title_like_accepts_short_unpunctuated_lines(line: str, expected: bool) -> None:
    assert is_title_like(line) is expected


def _pdf(path: Path, lines: list[str], title: str | None) -> Path:
    """A one-page PDF with ASCII text lines (Helvetica) and an optional metadata title."""
    writer = PdfWriter()
    page = writer.add_blank_page(400, 300)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    shown = " 0 -20 Td ".join(f"({line}) Tj" for line in lines)
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 20 250 Td {shown} ET".encode("ascii"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    if title is not None:
        writer.add_metadata({"/Title": title})
    writer.write(str(path))
    return path


@pytest.mark.parametrize(
    ("meta_title", "title", "body"),
    [
        (TITLE, TITLE, "Bridge loan guide The fund lends for ten days at most."),
        (
            "Microsoft Word - zhuandai.docx",
            "Bridge loan guide",
            "The fund lends for ten days at most.",
        ),
        (None, "Bridge loan guide", "The fund lends for ten days at most."),
    ],
    ids=["metadata title", "file name as metadata title", "no metadata"],
)
def test_read_staff_document_pdf_title_from_metadata_or_first_line(
    tmp_path: Path, meta_title: str | None, title: str, body: str
) -> None:
    path = _pdf(
        tmp_path / "guide.pdf",
        ["Bridge loan guide", "The fund lends for ten", "days at most."],
        meta_title,
    )
    staff = read_staff_document(path)
    assert (staff.title, staff.body) == (title, body)


def test_read_staff_text_of_empty_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text(" \n\n", encoding="utf-8")
    assert read_staff_text(path) == ""
    path.write_text(f"# {TITLE}\n{FIRST}", encoding="utf-8")
    assert read_staff_text(path) == f"{TITLE}\n{FIRST}"
