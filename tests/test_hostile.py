"""Hostile input: every case ends with its one-line reason, no hang, no traceback, no partial
output, and the good files of the same batch are all converted.

The files are made here (nothing big is committed): truncated and random DOCX/PDF, zip
bombs (ratio, total size, member count), XML with a DTD (external entity, billion laughs,
also behind a long comment), tables nested past the XML depth limit, a PDF whose stream
inflates to 450 MB, a 1,000-page PDF, a 50 MB text file, binary garbage named .txt, an
empty file, wrong extensions, a dangling symlink, a symlink loop and a FIFO.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS_DIR, missing
from hostile_gen import pdf_pages
from kehoach import batch
from kehoach.i18n import MESSAGES

SEEDS = SEEDS_DIR
SEED_FILES = sorted(SEEDS.glob("*.txt"))
pytestmark = pytest.mark.skipif(len(SEED_FILES) < 5, reason=missing(SEEDS))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# ---------------------------------------------------------------- makers


def small_docx(*lines: str) -> bytes:
    document = docx.Document()
    for line in lines or ("KẾ HOẠCH", "Triển khai nhiệm vụ chuyển đổi số năm 2026"):
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def docx_with_body(xml: bytes, base: bytes | None = None) -> bytes:
    """A valid package whose word/document.xml is replaced by `xml`."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base or small_docx())) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, xml if info.filename == "word/document.xml" else src.read(info.filename))
    return out.getvalue()


def document_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document {W}><w:body>{body}</w:body></w:document>'.encode()
    )


def nested_tables(depth: int) -> bytes:
    inner = "<w:p><w:r><w:t>ô sâu nhất</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    return document_xml("<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>" + inner)


def zip_of_zeros(members: dict[str, int]) -> bytes:
    """A ZIP whose members are `size` zero bytes each (compressed ~1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        chunk = b"\0" * (1 << 20)
        for name, size in members.items():
            with zf.open(name, "w", force_zip64=True) as fh:
                for _ in range(size >> 20):
                    fh.write(chunk)
    return out.getvalue()


def text_pdf(pages: int) -> bytes:
    line = b"(Ke hoach trien khai nhiem vu chuyen doi so nam 2026, trang %d.) Tj 0 -16 Td (So Noi vu chu tri, thoi gian: Quy I.) Tj"
    return pdf_pages([b"BT /F1 12 Tf 72 720 Td " + line % (i + 1) + b" ET" for i in range(pages)])


def flate_bomb_pdf(megabytes: int) -> bytes:
    comp = zlib.compressobj(1)
    data = b"".join(comp.compress(b"\0" * (1 << 20)) for _ in range(megabytes)) + comp.flush()
    return pdf_pages([data], flate=True)


def _reason_start(key: str) -> str:
    """The fixed start of an English message (before any detail)."""
    return MESSAGES[key]["en"].split("{")[0].split("(")[0].strip()


# ---------------------------------------------------------------- the hostile batch

# file name -> the message keys its failure may carry (None: it must convert)
CASES: dict[str, tuple[str, ...] | None] = {
    "truncated.docx": ("bad_docx",),
    "random.docx": ("bad_docx",),
    "random.pdf": ("bad_pdf",),
    "truncated.pdf": ("bad_pdf",),
    "bomb-ratio.docx": ("zip_bomb",),
    "bomb-total.docx": ("zip_bomb",),
    "bomb-members.docx": ("zip_bomb",),
    "xxe.docx": ("bad_docx",),
    "xxe-behind-comment.docx": ("bad_docx",),
    "billion-laughs.docx": ("bad_docx",),
    "nested-300.docx": ("bad_docx", "too_deep"),
    "nested-40.docx": None,
    "inflates-450mb.pdf": ("pdf_too_complex",),  # the inflate is bounded (parsers/pdf/pdfminer_limits.py)
    "pages-1000.pdf": None,
    "garbage.txt": ("binary_text",),
    "empty.txt": ("empty",),
    "a-docx-named.pdf": None,
    "a-pdf-named.txt": None,
    "a-text-named.docx": ("bad_docx",),
    "dangling.docx": ("not_found",),
    "loop.txt": ("not_found",),
    "fifo.txt": ("not_a_file",),
}
GOOD = ["good-1.txt", "good-2.md", "good.docx"]


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "in"
    root.mkdir()
    rng = random.Random(7)
    good_docx = small_docx()
    pdf = text_pdf(3)
    files: dict[str, bytes] = {
        "truncated.docx": good_docx[: len(good_docx) // 2],
        "random.docx": rng.randbytes(6000),
        "random.pdf": b"%PDF-1.7\n" + rng.randbytes(6000),
        "truncated.pdf": pdf[: len(pdf) // 2],
        "bomb-ratio.docx": zip_of_zeros({"word/document.xml": 40 << 20}),
        "bomb-total.docx": zip_of_zeros({f"word/media/p{i}.xml": 16 << 20 for i in range(14)}),
        "xxe.docx": docx_with_body(
            document_xml(
                "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>", '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            )
        ),
        "xxe-behind-comment.docx": docx_with_body(
            document_xml(
                "<w:p><w:r><w:t>KẾ HOẠCH &x;</w:t></w:r></w:p>",
                "<!--" + "đệm " * 5000 + '--><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
            )
        ),
        "billion-laughs.docx": docx_with_body(
            document_xml(
                "<w:p><w:r><w:t>&a9;</w:t></w:r></w:p>",
                '<!DOCTYPE d [<!ENTITY a0 "lol">'
                + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
                + "]>",
            )
        ),
        "nested-300.docx": docx_with_body(nested_tables(300)),
        "nested-40.docx": docx_with_body(nested_tables(40)),
        "inflates-450mb.pdf": flate_bomb_pdf(450),
        "pages-1000.pdf": text_pdf(1000),
        "garbage.txt": bytes(rng.randrange(0, 32) for _ in range(4000)) + rng.randbytes(4000),
        "empty.txt": b"",
        "a-docx-named.pdf": good_docx,
        "a-pdf-named.txt": pdf,
        "a-text-named.docx": SEED_FILES[0].read_bytes(),
        "good-1.txt": SEED_FILES[1].read_bytes(),
        "good-2.md": SEED_FILES[2].read_bytes(),
        "good.docx": small_docx(
            "ỦY BAN NHÂN DÂN TỈNH A", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"
        ),
    }
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        for i in range(5000):
            zf.writestr(f"m/{i}", "")
    files["bomb-members.docx"] = many.getvalue()
    for name, data in files.items():
        (root / name).write_bytes(data)
    os.symlink(root / "nowhere" / "plan.docx", root / "dangling.docx")
    os.symlink(root / "loop.txt", root / "loop.txt")
    os.mkfifo(root / "fifo.txt")  # opening it would block forever
    assert sorted(CASES) + GOOD == sorted(CASES) + GOOD and set(CASES) | set(GOOD) == {p.name for p in root.iterdir()}
    return root


@pytest.fixture(scope="module")
def hostile_run(hostile_dir: Path) -> tuple[subprocess.CompletedProcess, Path]:
    out = hostile_dir.parent / "out"
    env = {**os.environ, "CI": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kehoach",
            "parse",
            str(hostile_dir),
            "-o",
            str(out),
            "-f",
            "json",
            "--summary",
            "json",
            "--lang",
            "en",
            "-j",
            "2",
            "--timeout",
            "60",
            "--max-memory",
            "400",
        ],
        capture_output=True,
        env=env,
        timeout=300,
    )
    return done, out


def test_every_hostile_file_ends_with_its_reason(hostile_run):
    done, out = hostile_run
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr and b"Traceback" not in done.stdout
    summary = json.loads(done.stdout)
    reasons = {Path(f["file"]).name: f["reason"] for f in summary["failures"]}
    assert summary["total"] == len(CASES) + len(GOOD) and not summary["interrupted"]
    for name, keys in CASES.items():
        if keys is None:
            assert name not in reasons, reasons.get(name)
            continue
        reason = reasons[name]
        assert "\n" not in reason and reason.startswith(str(Path(summary["failures"][0]["file"]).parent / name) + ": ")
        assert any(_reason_start(k) in reason for k in keys), (name, reason)
    assert "DTD" in reasons["xxe-behind-comment.docx"] and "DTD" in reasons["xxe.docx"]


def test_good_files_converted_and_failed_ones_left_no_output(hostile_run, hostile_dir: Path):
    done, out = hostile_run
    written = {p.name for p in out.iterdir()}
    converted = [n for n, keys in CASES.items() if keys is None] + GOOD
    assert written == {Path(n).stem + ".json" for n in converted}
    for name in written:
        json.loads((out / name).read_text(encoding="utf-8"))  # complete files only
    pages = json.loads((out / "pages-1000.json").read_text(encoding="utf-8"))
    assert pages["source"]["pages"] == 1000
    assert json.loads((out / "a-docx-named.json").read_text(encoding="utf-8"))["source"]["format"] == "docx"
    assert json.loads((out / "a-pdf-named.json").read_text(encoding="utf-8"))["source"]["format"] == "pdf"
    assert "/etc/passwd" not in (out / "good.json").read_text(encoding="utf-8")


def test_50_mb_text_fails_alone_within_the_time_limit(tmp_path: Path):
    big = tmp_path / "in" / "big.txt"
    big.parent.mkdir()
    seed = SEED_FILES[1].read_bytes()
    with big.open("wb") as fh:
        for _ in range((50 << 20) // len(seed) + 1):
            fh.write(seed)
    shutil.copy(SEED_FILES[0], big.parent / "good.txt")
    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kehoach",
            "parse",
            str(big.parent),
            "-o",
            str(out),
            "--summary",
            "json",
            "--lang",
            "en",
            "--timeout",
            "3",
        ],
        capture_output=True,
        env={**os.environ, "CI": "1"},
        timeout=120,
    )
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    failures = json.loads(done.stdout)["failures"]
    assert [f["file"] for f in failures] == [str(big)]
    assert any(_reason_start(k) in failures[0]["reason"] for k in ("too_large", "timeout"))
    assert sorted(p.name for p in out.iterdir()) == ["good.json"]


# ---------------------------------------------------------------- generated bytes and text


def _one_line_or_value(source: batch.Source) -> None:
    result = batch.run([source], batch.parse_job, batch.ParseOptions(formats=("json",)), timeout=20, lang="en")
    outcome = result.outcomes[0]
    if outcome.ok:
        json.loads(outcome.value.texts["json"])
    else:
        assert "\n" not in outcome.error and outcome.error.startswith(source.name + ": ")
        assert "internal error" not in outcome.error, outcome.error


# KEHOACH_FUZZ_EXAMPLES=1000 for a longer hunt than CI's
FUZZ = settings(
    max_examples=int(os.environ.get("KEHOACH_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf", ".doc"]))
def test_random_bytes_under_any_name(tmp_path: Path, data: bytes, suffix: str):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    _one_line_or_value(batch.Source(str(path), path.name))


_DOCX = small_docx("KẾ HOẠCH", "I. MỤC ĐÍCH", "1. Nội dung", "Sở Nội vụ chủ trì, thời gian: Quý I/2026")
_PDF = text_pdf(2)


@FUZZ
@given(
    edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=12),
    which=st.sampled_from(["docx-bytes", "docx-xml", "pdf"]),
)
def test_damaged_docx_and_pdf(tmp_path: Path, edits: list[tuple[float, int]], which: str):
    if which == "docx-xml":  # a sound ZIP around broken XML
        with zipfile.ZipFile(io.BytesIO(_DOCX)) as zf:
            xml = bytearray(zf.read("word/document.xml"))
        for where, value in edits:
            xml[int(where * len(xml))] = value
        data, suffix = docx_with_body(bytes(xml), _DOCX), ".docx"
    else:
        data = bytearray(_DOCX if which == "docx-bytes" else _PDF)
        for where, value in edits:
            data[int(where * len(data))] = value
        data, suffix = bytes(data), ".docx" if which == "docx-bytes" else ".pdf"
    path = tmp_path / f"damaged{suffix}"
    path.write_bytes(data)
    _one_line_or_value(batch.Source(str(path), path.name))


_LINES = st.one_of(
    st.text(max_size=120),
    st.sampled_from(
        [
            "KẾ HOẠCH",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NHIỆM VỤ",
            "1. Sở Nội vụ chủ trì",
            "a) Thời gian: Quý I/2026",
            "| STT | Nội dung | Chủ trì | Thời gian |",
            "|---|---|---|---|",
            "| 1 | Việc | Sở A | 2026 |",
            "TM. ỦY BAN NHÂN DÂN",
            "Nơi nhận:",
            "\t".join(["1", "Nội dung", "Sở B", "Tháng 3"]),
        ]
    ),
)


@FUZZ
@given(lines=st.lists(_LINES, max_size=60))
def test_generated_text_plans_from_stdin(lines: list[str]):
    data = "\n".join(lines).encode("utf-8", "surrogatepass") if lines else b""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        data = "\n".join(lines).encode("utf-8", "replace")
    _one_line_or_value(batch.Source(batch.STDIN_NAME, "stdin", data))


@pytest.mark.parametrize(
    ("body", "recovered"),
    [(b"\x00", True), (b"\x00\x00", False), (b"", False)],
    ids=["nul-for-first-byte", "only-nuls", "empty"],
)
def test_a_document_part_damaged_at_its_first_byte(tmp_path: Path, body: bytes, recovered: bool):
    """A NUL in place of the XML declaration's "<" (libxml2's recovery then sees an empty
    document) is repaired as other damage is; a part with nothing to recover is a one-line
    "bad DOCX" error, never an internal error. (Found by the fuzz test above.)"""
    with zipfile.ZipFile(io.BytesIO(_DOCX)) as zf:
        xml = zf.read("word/document.xml")
    part = body + xml[1:] if recovered else body
    path = tmp_path / "damaged.docx"
    path.write_bytes(docx_with_body(part, _DOCX))
    result = batch.run(
        [batch.Source(str(path), path.name)],
        batch.parse_job,
        batch.ParseOptions(formats=("json",)),
        timeout=20,
        lang="en",
    )
    outcome = result.outcomes[0]
    if recovered:
        assert outcome.ok
        plan = json.loads(outcome.value.texts["json"])
        assert "input-repaired" in [d["code"] for d in plan["diagnostics"]]
        assert [s["title"] for s in plan["sections"]] == ["MỤC ĐÍCH"]  # the text is read, not lost
    else:
        assert not outcome.ok and "internal error" not in outcome.error
        assert (
            outcome.error
            == f"{path}: a damaged DOCX or not a Word file (word/document.xml: Document is empty, line 1, column 1 (<string>, line 1))"
        )
