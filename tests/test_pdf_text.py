"""Character-level hygiene of the PDF front-end, on glyphs laid out by hand (pdfplumber's dict shape)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pdfplumber

from kehoach.parsers import pdf as pdf_parser
from kehoach.parsers.pdf import reading, repair
from kehoach.parsers.pdf.lines import CharStats, group_lines, is_unmapped, strip_unmapped
from kehoach.parsers.pdf.paragraphs import join_lines
from kehoach.parsers.pdf.segments import font_is_bold
from kehoach.parsers.pdf.twins import dedupe

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "pdf" / "long_appendix.pdf"


def glyphs(
    text: str,
    x: float = 100.0,
    top: float = 100.0,
    size: float = 14.0,
    font: str = "ABCDEF+Times-Roman",
    width: float = 7.0,
) -> list[dict]:
    """One glyph per character (a space advances without a glyph, as many PDFs do)."""
    out = []
    for ch in text:
        if ch != " ":
            out.append(
                {
                    "text": ch,
                    "x0": x,
                    "x1": x + width,
                    "top": top,
                    "bottom": top + size,
                    "fontname": font,
                    "size": size,
                    "upright": True,
                }
            )
        x += width
    return out


def test_detached_combining_marks_are_put_back_on_their_letters():
    chars = glyphs("nga y")  # "ngày" drawn as n-g-a + a grave accent above the a
    a = chars[2]
    mark = {**a, "text": "\u0300", "top": a["top"] - 4, "bottom": a["top"] + 2}
    chars[3:] = [{**c, "x0": c["x0"] - 7, "x1": c["x1"] - 7} for c in chars[3:]]
    lines = group_lines(chars + [mark], page=1)
    assert len(lines) == 1
    text = unicodedata.normalize("NFC", lines[0].text)
    assert text == "ngày"


def test_glyphs_drawn_twice_are_deduplicated_and_read_as_bold():
    chars = glyphs("KẾ HOẠCH")
    shifted = [{**c, "x0": c["x0"] + 0.4, "x1": c["x1"] + 0.4} for c in chars]
    stats = CharStats()
    kept = dedupe(chars + shifted, stats)
    assert len(kept) == len(chars) and stats.duplicates == len(chars)
    line = group_lines(kept, page=1)[0]
    assert line.text == "KẾ HOẠCH" and line.bold == 1.0


def test_lines_exactly_the_threshold_apart_are_two_lines_in_either_reader():
    """Glyphs whose middles lie exactly 0.45 of a glyph's height apart (a 12 pt recipient
    5.4 pt above a 14 pt signer's name) are two lines, whether their coordinates come in double
    precision (pdfminer) or carry pdfium's single-precision noise in the sixth digit."""
    for noise in (0.0, -6e-6, 6e-6):
        recipient = glyphs("- Bí thư Chi bộ", x=100, top=454.2, size=12.0)
        name = glyphs("Lan Thị Vân", x=400, top=458.6 + noise, size=14.0)
        lines = group_lines(recipient + name, page=1)
        assert [ln.text for ln in lines] == ["- Bí thư Chi bộ", "Lan Thị Vân"], noise


def test_bold_from_font_names():
    assert font_is_bold("ABCDEF+TimesNewRomanPS-BoldMT")
    assert font_is_bold("Arial,Bold")
    assert not font_is_bold("TimesNewRomanPS-ItalicMT")


def test_word_spaces_from_gaps_and_wide_gaps_split_segments():
    chars = glyphs("Số: 15/KH-UBND") + glyphs("An Phú", x=400)
    line = group_lines(chars, page=1)[0]
    assert [s.text for s in line.segs] == ["Số: 15/KH-UBND", "An Phú"]


def test_unmapped_glyphs_detected_and_stripped():
    assert is_unmapped("(cid:1245)") and is_unmapped("\ufffd") and not is_unmapped("ệ")
    assert strip_unmapped("S(cid:1250) CÔNG") == "S CÔNG"


def test_line_wraps_join_with_a_space_never_gluing_syllables():
    assert join_lines(["Tuyên truyền cải cách hành", "chính năm 2024"]) == "Tuyên truyền cải cách hành chính năm 2024"
    assert join_lines(["kinh tế -", "xã hội"]) == "kinh tế - xã hội"


def test_hyphen_at_line_end():
    assert (
        join_lines(["Nghị định số 217/2025/NĐ-", "CP ngày 05/8/2025"]) == "Nghị định số 217/2025/NĐ-CP ngày 05/8/2025"
    )
    assert join_lines(["hệ thống infor-", "mation"]) == "hệ thống information"  # Latin hyphenation
    assert join_lines(["tín chỉ các-", "bon"]) == "tín chỉ các-bon"  # a Vietnamese compound keeps it
    assert join_lines(["trans\u00ad", "formation"]) == "transformation"  # soft hyphen
    assert join_lines(["email: snv-", "cchc@lamdong.gov.vn"]) == "email: snv-cchc@lamdong.gov.vn"
    assert join_lines(["cấp cho Cổng/Trang-", "Kinh phí sự nghiệp"]) == "cấp cho Cổng/Trang- Kinh phí sự nghiệp"


def test_every_page_is_closed_right_after_use(monkeypatch):
    """pdfplumber reader: pages are read one at a time and closed before the next (it caches layout per page)."""
    events = []
    close, read = pdfplumber.page.Page.close, reading._read_page

    def logging_close(self):
        events.append(("close", self.page_number))
        return close(self)

    def logging_read(page, stats):
        events.append(("read", page.page_number))
        return read(page, stats)

    monkeypatch.setattr(pdfplumber.page.Page, "close", logging_close)
    monkeypatch.setattr(reading, "_read_page", logging_read)
    doc = pdf_parser.parse(FIXTURE, pdf_engine="pdfplumber")
    n = doc.source.pages
    assert events[: 2 * n] == [e for k in range(1, n + 1) for e in (("read", k), ("close", k))]


def test_running_headers_and_page_numbers_dropped_recurring_headings_kept():
    from kehoach.parsers.pdf.furniture import drop_furniture
    from kehoach.parsers.pdf.geometry import PageGeom

    def line(text, top, page):
        return group_lines(glyphs(text, top=top), page=page)[0]

    pages, geoms = [], []
    for n in range(1, 5):
        lines = [
            line(f"Kế hoạch số 15/KH-UBND ngày 12/3/2025 - trang {n}", 30, n),
            line("Nội dung trang", 300, n),
            line(f"- {n} -", 800, n),
        ]
        if n in (2, 3):
            lines.insert(1, line("PHỤ LỤC", 60, n))
        pages.append(lines)
        geoms.append(PageGeom(n, 595, 842))
    kept, dropped = drop_furniture(pages, geoms)
    assert dropped == 8
    assert [[ln.text for ln in p] for p in kept] == [
        ["Nội dung trang"],
        ["PHỤ LỤC", "Nội dung trang"],
        ["PHỤ LỤC", "Nội dung trang"],
        ["Nội dung trang"],
    ]


def test_a_year_wrapped_under_a_heading_at_the_top_of_a_page_is_not_a_page_number():
    from kehoach.parsers.pdf.furniture import drop_furniture
    from kehoach.parsers.pdf.geometry import PageGeom

    # the page number "4", then a heading that fills the line and its last word "2026" at the
    # margin, all in the top band: "2026" is the heading's, "4" is furniture
    heading = "III. MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM TRONG NĂM"
    lines = [
        group_lines(glyphs("4", x=294.0, top=20), page=4)[0],
        group_lines(glyphs(heading, x=80.0, top=40, width=8.5), page=4)[0],
        group_lines(glyphs("2026", x=80.0, top=57), page=4)[0],
        group_lines(glyphs("1. Xây dựng, phát sóng các chương trình", x=80.0, top=300), page=4)[0],
    ]
    (kept,), dropped = drop_furniture([lines], [PageGeom(4, 595, 842)])
    assert dropped == 1 and [ln.text for ln in kept][:2] == [heading, "2026"]
    # a number apart from the line above (a page number under the body's last line) still goes
    lines = [
        group_lines(glyphs(heading, x=80.0, top=740, width=8.5), page=4)[0],
        group_lines(glyphs("4", x=80.0, top=800), page=4)[0],
    ]
    (kept,), dropped = drop_furniture([lines], [PageGeom(4, 595, 842)])
    assert dropped == 1 and [ln.text for ln in kept] == [heading]


def test_text_layer_without_unicode_is_an_error(monkeypatch, tmp_path):
    """Nearly every glyph "(cid:N)" and no repair for it: one clear error, not empty blocks."""
    import pytest

    from kehoach.errors import KehoachError

    def fake_pages(path, stats):
        chars = glyphs("x" * 60)
        for i, ch in enumerate(chars):
            ch["text"] = f"(cid:{40 + i % 7})"
        page = reading.PageData(number=1, width=595, height=842, nchars=len(chars))
        page.lines = group_lines(chars, 1, stats)
        return [page]

    monkeypatch.setattr(reading, "_read_pages", lambda path, stats, name=None: fake_pages(path, stats))
    monkeypatch.setattr(repair, "_repair_text", lambda lines, places=None: (lines, []))
    path = tmp_path / "nounicode.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(KehoachError) as err:
        pdf_parser.parse(path, pdf_engine="pdfplumber")
    assert err.value.reason == "pdf_unmapped"
    assert "nounicode.pdf" in err.value.message("en")


def test_footnote_area_moved_out_and_reference_mark_cut():
    from kehoach.parsers.pdf.furniture import split_footnotes
    from kehoach.parsers.pdf.geometry import PageGeom

    body = glyphs("về địa chất, khoáng sản", top=300)
    ref = {
        **body[-1],
        "text": "1",
        "x0": body[-1]["x1"],
        "x1": body[-1]["x1"] + 4,
        "size": 8.0,
        "top": 298,
        "bottom": 306,
    }
    after = glyphs(" đến cán bộ", x=ref["x1"], top=300)
    note = [{**c, "size": 6.0, "top": 700, "bottom": 706} for c in glyphs("1", top=700, width=4)] + glyphs(
        "Luật Địa chất và khoáng sản", x=106, top=700, size=10.0, width=5
    )
    lines = group_lines(body + [ref] + after, 1) + group_lines(note, 1)
    kept, notes = split_footnotes(lines, PageGeom(1, 595, 842))
    assert [ln.text for ln in kept] == ["về địa chất, khoáng sản đến cán bộ"]
    assert [(p.text, p.role) for p in notes] == [("Luật Địa chất và khoáng sản", "footnote")]


def test_small_type_at_the_foot_without_a_reference_stays_body():
    from kehoach.parsers.pdf.furniture import split_footnotes
    from kehoach.parsers.pdf.geometry import PageGeom

    lines = group_lines(glyphs("Nội dung chính của trang", top=300), 1) + group_lines(
        glyphs("1 Ghi chú in nhỏ", top=700, size=10.0, width=5), 1
    )
    kept, notes = split_footnotes(lines, PageGeom(1, 595, 842))
    assert len(kept) == 2 and not notes


def test_dedupe_finds_every_twin_a_pairwise_search_finds():
    """The bucketed twin search (2x2 buckets, 3 on a bucket's middle line) drops exactly the
    glyphs a plain pairwise search drops, on layouts crowded around the bucket edges."""
    import random

    rng = random.Random(12)
    for _ in range(400):
        tolerance = rng.choice([1.0, 0.5, 2.0])
        chars = []
        for _ in range(rng.randint(1, 40)):
            x = rng.choice([rng.uniform(-4.0, 12.0), rng.randint(0, 6) * tolerance, float(rng.randint(0, 12))])
            y = rng.choice([rng.uniform(-4.0, 12.0), rng.randint(0, 6) * tolerance])
            chars.append({"text": rng.choice("ab "), "x0": x, "x1": x + 5, "top": y, "bottom": y + 10})
        kept_pairwise: list[dict] = []
        for c in chars:
            if c["text"].strip() and any(
                k["text"] == c["text"] and abs(k["x0"] - c["x0"]) <= tolerance and abs(k["top"] - c["top"]) <= tolerance
                for k in kept_pairwise
            ):
                continue
            kept_pairwise.append(c)
        stats = CharStats()
        kept = dedupe([dict(c) for c in chars], stats, tolerance)
        assert [(c["text"], c["x0"], c["top"]) for c in kept] == [(c["text"], c["x0"], c["top"]) for c in kept_pairwise]
        assert stats.duplicates == len(chars) - len(kept_pairwise)


def test_dedupe_skips_the_search_only_when_no_pair_can_be_twins():
    """`_no_twins` (the cheap pass that lets `dedupe` skip its bucket search) never says "no
    twins" where a pairwise search finds a pair; on a page drawn once it does say so."""
    import random

    from kehoach.parsers.pdf.twins import _no_twins

    rng = random.Random(7)
    for _ in range(600):
        tolerance = rng.choice([1.0, 0.5])
        chars = []
        x, y = 0.0, 0.0
        for _ in range(rng.randint(1, 30)):
            if rng.random() < 0.2:  # a new line, or back over the same one
                x, y = rng.uniform(0, 6), y + rng.choice([0.0, 0.6, 1.0, 12.0])
            x += rng.choice([0.3, 1.0, 1.2, 5.0, -3.0])
            chars.append(
                {
                    "text": rng.choice("ab "),
                    "x0": x,
                    "x1": x + 5,
                    "top": y + rng.choice([0.0, 0.5, 3.0]),
                    "bottom": y + 10,
                }
            )
        twins = any(
            a["text"] == b["text"]
            and a["text"].strip()
            and abs(a["x0"] - b["x0"]) <= tolerance
            and abs(a["top"] - b["top"]) <= tolerance
            for i, a in enumerate(chars)
            for b in chars[i + 1 :]
        )
        assert not (twins and _no_twins(chars, tolerance))
    page = glyphs("Kế hoạch triển khai") + glyphs("Nội dung chính", top=120)
    assert _no_twins(page, 1.0)
    assert not _no_twins(page + [{**page[3], "x0": page[3]["x0"] + 0.4}], 1.0)


def test_quick_segmenter_gives_the_reference_segments():
    """`group_lines` makes segments through `_quick_segments` when every glyph has its keys;
    on every line of a real PDF and on made-up lines (space glyphs, mixed sizes and fonts,
    detached marks, fake bold, a raised footnote digit) it gives what `_segments` gives."""
    import random

    from kehoach.parsers.pdf import lines as L

    def both(chars: list[dict]) -> tuple[list, list]:
        quick = L.group_lines([dict(c) for c in chars], 1, L.CharStats())
        try:
            L._QUICK = False  # the reference path
            ref = L.group_lines([dict(c) for c in chars], 1, L.CharStats())
        finally:
            L._QUICK = True
        return quick, ref

    with pdfplumber.open(FIXTURE) as pdf:
        for page in pdf.pages[:3]:
            quick, ref = both(list(page.chars))
            assert quick and quick == ref
    rng = random.Random(3)
    for _ in range(300):
        chars = glyphs("Kế hoạch số 12 năm 2026", size=rng.choice([12.0, 13.0]))
        for c in chars:
            r = rng.random()
            if r < 0.1:
                c["size"], c["bottom"] = 8.0, c["top"] + 8.0  # a small raised digit or letter
            elif r < 0.2:
                c["fontname"] = "ABCDEF+Times-Bold"
            elif r < 0.25:
                c["_fakebold"] = True
            elif r < 0.3:
                c["x1"] = c["x0"] - 1  # a glyph of negative width
        for c in list(chars):
            if rng.random() < 0.3:  # a space glyph in or next to a gap
                x = c["x1"] + rng.choice([-1.5, -0.5, 0.0, 0.6])
                chars.append({**c, "text": " ", "x0": x, "x1": x + 3, "top": c["top"] + rng.choice([0, 9, 20])})
        if rng.random() < 0.3:
            chars.append({**chars[1], "text": "\u0301", "x0": chars[1]["x0"] + 1})  # a detached mark
        quick, ref = both(chars)
        assert quick == ref
    no_font = [{k: v for k, v in c.items() if k != "fontname"} for c in glyphs("Kế hoạch")]
    quick, ref = both(no_font)  # a glyph without a key: the reference reading, defaults and all
    assert quick == ref and quick[0].text == "Kế hoạch"


def test_a_number_or_date_wrapped_after_its_slash_is_joined_without_a_space():
    """LibreOffice (and a long token in Word) may break a line after a slash: "số 52/2015/" +
    "NĐ-CP", "ngày 17/10/" + "2025" are one number and one date, and "và/" + "hoặc" one word;
    a slash standing apart ("Tháng 10 /") keeps its space."""
    assert join_lines(["Nghị định số 52/2015/", "NĐ-CP ngày 28/5/2015"]) == "Nghị định số 52/2015/NĐ-CP ngày 28/5/2015"
    assert join_lines(["ngày 17/10/", "2025 của UBND tỉnh"]) == "ngày 17/10/2025 của UBND tỉnh"
    assert join_lines(["phụ trách và/", "hoặc phối hợp"]) == "phụ trách và/hoặc phối hợp"
    assert join_lines(["Tháng 10 /", "2025"]) == "Tháng 10 / 2025"
    # a narrow cell cut a date inside its year
    assert join_lines(["ngày 14/11/202", "5 của UBND tỉnh"]) == "ngày 14/11/2025 của UBND tỉnh"
    assert join_lines(["Quý 2", "2025"]) == "Quý 2 2025"
    assert join_lines(["9h00 - 11h0", "0"]) == "9h00 - 11h00"
    assert join_lines(["lúc 8h", "30 phút"]) == "lúc 8h 30 phút"  # an hour that ends whole stays apart
