"""Hostile uploads (zip bombs, million-row sheets) are refused without stalling the server."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import httpx
import pytest
from openpyxl import Workbook

from core.settings import Settings
from knowledge.file_limits import (
    MAX_RATIO,
    MAX_UNCOMPRESSED_BYTES,
    FileLimitError,
    check_zip_limits,
)
from knowledge.sources import load_staff_docs, read_staff_text
from tests.helpers.staff import csrf_of
from tests.live_server import LiveServer

MIB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>统一社会信用代码</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>企业名称</t></is></c></row>'
)


def _replace_member(container: bytes, name: str, data: bytes) -> bytes:
    """The zip with one member's content replaced (deflated)."""
    source = zipfile.ZipFile(io.BytesIO(container))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = data if item.filename == name else source.read(item.filename)
            target.writestr(item, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def bomb_docx(inflated_mib: int = 120) -> bytes:
    """A readable .docx whose document.xml inflates to `inflated_mib` MiB (a long comment)."""
    document = docx.Document()
    document.add_paragraph("融资担保费率补贴的补充说明。")
    buffer = io.BytesIO()
    document.save(buffer)
    xml = zipfile.ZipFile(io.BytesIO(buffer.getvalue())).read("word/document.xml")
    declaration, _, rest = xml.partition(b"?>")
    padding = b"<!--" + b"a" * (inflated_mib * MIB) + b"-->"
    return _replace_member(
        buffer.getvalue(), "word/document.xml", declaration + b"?>" + padding + rest
    )


def sheet_xlsx(rows: int, *, varied: bool = True) -> bytes:
    """A whitelist .xlsx with a header and `rows` data rows written straight into the XML."""
    book = Workbook()
    book.active.append(["统一社会信用代码", "企业名称"])
    buffer = io.BytesIO()
    book.save(buffer)
    if varied:
        body = "".join(
            f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>9135{i:014d}</t></is></c>'
            f'<c r="B{i}" t="inlineStr"><is><t>企业{i}</t></is></c></row>'
            for i in range(2, rows + 2)
        )
    else:  # the same row a million times: a few hundred KB on disk
        body = '<row><c t="inlineStr"><is><t>x</t></is></c></row>' * rows
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f"{HEADER_ROW}{body}</sheetData></worksheet>"
    )
    return _replace_member(buffer.getvalue(), SHEET, xml.encode())


def _post_while_probing(
    server: LiveServer, client: httpx.Client, path: str, files: dict[str, tuple[str, bytes]]
) -> tuple[httpx.Response, list[float]]:
    """POST the file in a thread while timing /healthz every 50 ms; (response, probe times)."""
    page = "/admin/whitelist" if "whitelist" in path else "/admin/knowledge"
    token = csrf_of(client.get(page).text)
    result: list[httpx.Response] = []

    def upload() -> None:
        result.append(client.post(path, data={"csrf_token": token}, files=files, timeout=120))

    worker = threading.Thread(target=upload)
    latencies: list[float] = []
    with httpx.Client(base_url=server.url, timeout=30) as probe:
        worker.start()
        while worker.is_alive() or not latencies:
            started = time.monotonic()
            assert probe.get("/healthz").status_code == 200
            latencies.append(time.monotonic() - started)
            time.sleep(0.05)
    worker.join()
    return result[0], latencies


def test_zip_limits_accept_an_ordinary_docx() -> None:
    document = docx.Document()
    document.add_paragraph("普通文档" * 200)
    buffer = io.BytesIO()
    document.save(buffer)
    check_zip_limits(buffer.getvalue())  # no exception


@pytest.mark.parametrize(
    "members",
    [
        pytest.param({"a.xml": b"a" * (2 * MIB)}, id="ratio-over-limit"),
        pytest.param(
            {f"p{i}.bin": bytes(range(256)) * (MIB // 256) * 9 for i in range(12)},
            id="total-over-limit",
        ),
        pytest.param({f"m{i}": b"" for i in range(2_001)}, id="too-many-members"),
        pytest.param(None, id="not-a-zip"),
    ],
)
def test_zip_limits_refuse_hostile_containers(members: dict[str, bytes] | None) -> None:
    if members is None:
        content = b"PK\x03\x04 not really a zip"
    else:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in members.items():
                target.writestr(name, data)
        content = out.getvalue()
    with pytest.raises(FileLimitError):
        check_zip_limits(content)
    assert MAX_RATIO == 100 and MAX_UNCOMPRESSED_BYTES == 100 * MIB


def test_indexer_skips_a_zip_bomb_already_in_the_folder(tmp_path: Path) -> None:
    (tmp_path / "bomb.docx").write_bytes(bomb_docx(8))
    (tmp_path / "ok.md").write_text("# 说明\n\n应急转贷资金的申请材料清单。", encoding="utf-8")
    with pytest.raises(FileLimitError):
        read_staff_text(tmp_path / "bomb.docx")
    docs = load_staff_docs(tmp_path)
    assert docs and all("bomb" not in doc.doc_id + doc.source for doc in docs)


def test_zip_bomb_docx_upload_is_refused_while_server_stays_responsive(
    admin_live: LiveServer, as_user: Callable[[str], httpx.Client], settings: Settings
) -> None:
    coord = as_user("coord")
    files = {"document": ("补充说明.docx", bomb_docx())}
    response, latencies = _post_while_probing(admin_live, coord, "/admin/knowledge/upload", files)
    assert response.status_code == 400
    assert "压缩炸弹" in response.text
    assert max(latencies) < 1.0
    assert not (Path(settings.data_dir) / "knowledge" / "补充说明.docx").exists()


@pytest.mark.parametrize(
    ("rows", "varied", "message"),
    [
        pytest.param(1_000_000, False, "压缩炸弹", id="million-identical-rows"),
        pytest.param(100_000, True, "一次最多导入 5000 行", id="hundred-thousand-rows"),
    ],
)
def test_oversized_whitelist_sheet_is_refused_without_blocking(
    admin_live: LiveServer,
    as_user: Callable[[str], httpx.Client],
    rows: int,
    varied: bool,
    message: str,
) -> None:
    coord = as_user("coord")
    content = sheet_xlsx(rows, varied=varied)
    assert len(content) < 5 * MIB
    files = {"file": ("白名单.xlsx", content)}
    started = time.monotonic()
    response, latencies = _post_while_probing(admin_live, coord, "/admin/whitelist/import", files)
    assert response.status_code == 400 and message in response.text
    assert max(latencies) < 1.0
    assert time.monotonic() - started < 15  # stops at the limit instead of reading every row


_NS = "http://schemas.openxmlformats.org"
_PARTS = {
    "[Content_Types].xml": (
        f'<Types xmlns="{_NS}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_NS}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{_NS}/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_NS}/spreadsheetml/2006/main" xmlns:r="{_NS}/officeDocument/2006/'
        'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_NS}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{_NS}/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
        f'Type="{_NS}/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>'
    ),
    SHEET: (
        f'<worksheet xmlns="{_NS}/spreadsheetml/2006/main"><sheetData>{HEADER_ROW}'
        "</sheetData></worksheet>"
    ),
}


def shared_strings_xlsx(strings: int) -> bytes:
    """A valid sheet (header row only) whose shared-strings part lists `strings` distinct
    values: under 4 MB for a million, about half a minute of parsing for openpyxl."""
    items = "".join(f"<si><t>{i * 7919 % 1000003:x}</t></si>" for i in range(strings))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, xml in _PARTS.items():
            target.writestr(name, xml)
        sst = f'<sst xmlns="{_NS}/spreadsheetml/2006/main">{items}</sst>'
        target.writestr("xl/sharedStrings.xml", sst)
    return out.getvalue()


def test_million_shared_strings_sheet_is_refused_while_healthz_answers(
    admin_live: LiveServer, as_user: Callable[[str], httpx.Client]
) -> None:
    coord = as_user("coord")
    content = shared_strings_xlsx(1_000_000)
    assert len(content) < 5 * MIB
    started = time.monotonic()
    files = {"file": ("白名单.xlsx", content)}
    response, latencies = _post_while_probing(admin_live, coord, "/admin/whitelist/import", files)
    assert response.status_code == 400 and "一次最多导入" in response.text
    assert max(latencies) < 1.0
    assert time.monotonic() - started < 15


def test_isolated_parser_is_stopped_at_its_time_limit() -> None:
    from core.isolation import IsolationError, run_isolated

    started = time.monotonic()
    with pytest.raises(IsolationError, match="超过"):
        run_isolated(time.sleep, 30, timeout_s=2)
    assert time.monotonic() - started < 10


def test_isolated_parser_errors_come_back() -> None:
    from admin.errors import AdminError
    from admin.whitelist_import import parse_isolated

    with pytest.raises(AdminError, match="仅支持"):
        parse_isolated("名单.txt", b"x")
    rows = parse_isolated(
        "名单.csv", "统一社会信用代码,企业名称\n91350400MA2YB1234X,甲公司\n".encode()
    )
    assert rows == [(2, "91350400MA2YB1234X", "甲公司", "")]


def bomb_pdf(inflated_mib: int) -> bytes:
    """A one-page PDF whose content stream (a line of text, then spaces) inflates to
    `inflated_mib` MiB: tens of KB on disk, many seconds for a text extractor."""
    import zlib

    content = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n" + b" " * (inflated_mib * MIB)
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_pdf_with_large_compressed_streams_is_refused_while_healthz_answers(
    admin_live: LiveServer, as_user: Callable[[str], httpx.Client], settings: Settings
) -> None:
    coord = as_user("coord")
    files = {"document": ("补充说明.pdf", bomb_pdf(60))}
    started = time.monotonic()
    response, latencies = _post_while_probing(admin_live, coord, "/admin/knowledge/upload", files)
    assert response.status_code == 400 and "压缩炸弹" in response.text
    assert max(latencies) < 1.0
    assert time.monotonic() - started < 10
    assert not (Path(settings.data_dir) / "knowledge" / "补充说明.pdf").exists()


def test_pdf_limits_pass_an_ordinary_pdf_and_stop_a_bomb_early() -> None:
    from knowledge.file_limits import check_pdf_limits

    check_pdf_limits(bomb_pdf(1))  # 1 MiB inflated: fine
    bomb = bomb_pdf(200)
    started = time.monotonic()
    with pytest.raises(FileLimitError, match="压缩炸弹"):
        check_pdf_limits(bomb)
    assert time.monotonic() - started < 2
