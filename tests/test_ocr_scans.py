"""Scanned plans as they arrive (issue 17): stamps, seals, handwriting.

Inline fragments check each step without Tesseract: ink separation by colour, paragraph
starts, the post-correction, the facts kept on the header. The real scans of
../shared/realdocs are then read once per session (pages cached by `KEHOACH_OCR_CACHE` in
the run's folder, see conftest.py) and checked against the header truth written here from
the page images, and the two scans that have a typed twin (the same plan as a .doc) against
the register of that twin: the agreement and the word accuracy are printed (run with -s) and
asserted at the level measured, the issue's bar (0.9) being the aim.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import regex as re

from conftest import REALDOCS, missing, needs
from helpers import tesseract_tsv
from kehoach import api
from kehoach.blocks import Document, Paragraph, Provenance, SourceInfo
from kehoach.diff.agreement import task_agreement, word_accuracy
from kehoach.diff.align import align
from kehoach.parsers.doc import soffice_binary
from kehoach.parsers.ocr import recognize as ocr
from kehoach.parsers.ocr.clean import separate_ink
from kehoach.parsers.ocr.correct import correct_text
from kehoach.parsers.ocr.markers import repair_markers
from kehoach.parsers.ocr.zones import zone_kind
from kehoach.plan.build import build_plan

needs_tesseract = pytest.mark.skipif(
    not ocr.available(), reason="tesseract with the Vietnamese model (tesseract-ocr-vie) is not installed"
)
needs_soffice = pytest.mark.skipif(
    soffice_binary() is None, reason="LibreOffice (soffice) is not installed: the typed twins are .doc"
)

SCAN_996 = REALDOCS / "bca-tctlntw_KH-996-KH-TCTLNTW-C04_2026_scan.pdf"
SCAN_196 = REALDOCS / "lamdong-cat_TTr-196-kem-du-thao-KH-khong-ma-tuy_2026_scan.pdf"
SCAN_91 = REALDOCS / "lamdong-cat_TTr-91-kem-du-thao-KH-khong-ma-tuy_2026_scan.pdf"
TWIN_196 = REALDOCS / "lamdong-ubnd_KH-khong-ma-tuy-2026_TTr196.doc"
TWIN_91 = REALDOCS / "lamdong-ubnd_KH-khong-ma-tuy-2026_TTr91.doc"


# ---------------------------------------------------------------- no Tesseract needed


def test_coloured_ink_is_taken_off_and_a_round_red_patch_is_a_seal():
    from PIL import Image, ImageDraw

    page = Image.new("RGB", (1200, 1200), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((100, 100, 500, 130), fill=(20, 20, 20))  # black print
    draw.ellipse((600, 600, 1000, 1000), outline=(220, 30, 40), width=14)  # a red seal
    draw.rectangle((100, 600, 450, 850), outline=(200, 40, 60), width=8)  # a red stamp's box
    draw.line((620, 300, 900, 340), fill=(40, 60, 200), width=6)  # a blue signature
    gray, facts = separate_ink(page)
    assert gray.getpixel((300, 115)) < 60  # print stays
    assert gray.getpixel((600 + 7, 800)) > 200  # the seal's ring is gone
    assert gray.getpixel((760, 320)) > 200  # so is the blue stroke
    assert gray.getpixel((104, 700)) > 200
    seals = facts.seals(300)
    assert len(seals) == 1 and seals[0].box[0] >= 560 and seals[0].box[2] <= 1040  # the ring, not the box
    assert {b.colour for b in facts.blobs} == {"red", "blue"}


def test_a_numbered_line_run_into_the_paragraph_before_starts_its_own():
    # Tesseract put the heading "3.1. Các sở, ban, ngành" in the paragraph of the line above
    words = ocr.parse_tsv(
        tesseract_tsv(
            [
                (1, 1, 1, 300, 100, 1800, 40, "3. Tăng cường công tác tuyên truyền, giáo dục, phòng ngừa tội phạm"),
                (1, 1, 2, 200, 150, 600, 40, "và tệ nạn ma túy"),
                (1, 1, 3, 300, 200, 700, 40, "3.1. Các sở, ban, ngành"),
                (1, 1, 4, 300, 250, 1800, 40, "- Tổ chức các hoạt động tuyên truyền, phổ biến, quán triệt"),
                (1, 1, 5, 200, 300, 1900, 40, "các cấp ủy, tổ chức đảng về công tác phòng, chống ma túy"),
            ]
        )
    )
    paras = ocr._blocks_from_lines(ocr.group_lines(words), page=2)
    assert [p.text for p in paras] == [
        "3. Tăng cường công tác tuyên truyền, giáo dục, phòng ngừa tội phạm và tệ nạn ma túy",
        "3.1. Các sở, ban, ngành",
        "- Tổ chức các hoạt động tuyên truyền, phổ biến, quán triệt các cấp ủy, tổ chức đảng về công tác "
        "phòng, chống ma túy",
    ]


def test_post_correction_puts_marks_back_from_word_pairs_and_counts_them():
    counts: Counter[str] = Counter()
    assert correct_text("Tô chức Hội nghị triên khai kế hoạch", counts) == "Tổ chức Hội nghị triển khai kế hoạch"
    assert correct_text("HI. GIÁI PHÁP THỰC HIỆN", counts) == "III. GIẢI PHÁP THỰC HIỆN"
    assert correct_text("1.2. Uy ban nhần dân cầp xã", counts) == "1.2. Ủy ban nhân dân cấp xã"
    assert correct_text("Chi cục Hải quan khu vực XIH", counts) == "Chi cục Hải quan khu vực XIII"
    assert correct_text("khu vực XIHI", counts) == "khu vực XIII"
    assert correct_text("Ủy ban nhân dân các xã. phường, đặc khu", counts) == "Ủy ban nhân dân các xã, phường, đặc khu"
    assert counts["tô->tổ"] == 1 and counts["HI->III"] == 1 and sum(counts.values()) >= 8
    # right as it is: left alone
    for text in (
        "công tác cai nghiện ma túy",
        "tỉnh Lào Cai",
        "Sở Tư pháp chủ trì",
        "II. NHIỆM VỤ",
        "Điều 1.",
        "ban hành. Sở Tư pháp",
        "TP. Hồ Chí Minh",
        "số 01 Hoàng Hoa Thám",
    ):
        assert correct_text(text) == text


def _tsv_words(rows):
    """`tesseract_tsv` with each line cut into its words, placed along the line by their length."""
    out = []
    for block, par, line, left, top, width, height, text in rows:
        per_char, x = width / len(text), left
        for word in text.split(" "):
            out.append((block, par, line, int(x), top, int(per_char * len(word)), height, word))
            x += per_char * (len(word) + 1)
    return tesseract_tsv(out)


def test_a_numbered_heading_that_fills_its_line_stands_alone():
    # margin 200, first-line indent 300, right edge 2100: the heading "5.3. …" fills its line and its
    # text starts on the next line at the same indent; a wrapped item goes back to the margin, and a
    # line at the indent that opens in lower case goes on with the sentence
    words = ocr.parse_tsv(
        _tsv_words(
            [
                (1, 1, 1, 200, 100, 1900, 40, "đảo để kịp thời phát hiện, đấu tranh, ngăn chặn ma túy qua biên giới."),
                (1, 1, 2, 300, 150, 1790, 40, "5.3. Đề nghị Viện Kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao"),
                (1, 1, 3, 300, 200, 1800, 40, "Phối hợp chặt chẽ với các cơ quan chức năng thuộc Chính phủ chỉ đạo"),
                (
                    1,
                    1,
                    4,
                    200,
                    250,
                    1900,
                    40,
                    "bảo đảm tiến độ, chất lượng, hiệu quả công tác điều tra, truy tố, xét xử",
                ),
                (1, 1, 5, 200, 300, 800, 40, "đối với các đối tượng phạm tội."),
                (1, 2, 1, 300, 350, 1800, 40, "5.4. Chi cục Hải quan khu vực XIII chỉ đạo lực lượng Hải quan khu vực"),
                (
                    1,
                    2,
                    2,
                    200,
                    400,
                    1900,
                    40,
                    "Lâm Đồng phối hợp chặt chẽ với lực lượng chuyên trách phòng, chống ma túy.",
                ),
                (1, 3, 1, 300, 450, 1800, 40, "5.5. Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng"),
                (1, 3, 2, 300, 500, 1500, 40, "và các lực lượng chức năng tuần tra biên giới."),
            ]
        )
    )
    paras = ocr._blocks_from_lines(ocr.group_lines(words), page=15)
    assert [p.text.split(" ")[0] for p in paras] == ["đảo", "5.3.", "Phối", "5.4.", "5.5."]
    assert paras[1].text == "5.3. Đề nghị Viện Kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao"
    assert paras[3].text.endswith("Lâm Đồng phối hợp chặt chẽ với lực lượng chuyên trách phòng, chống ma túy.")
    assert paras[4].text.endswith("Bộ đội Biên phòng và các lực lượng chức năng tuần tra biên giới.")


def test_misread_item_marks_start_paragraphs_and_are_put_back_in_sequence():
    # the letters of "a) b) c)" read as "q)", "€)", "Ẫcœ)"; "a)" glued under a short heading;
    # "5.1." read "Š.1."; the heading "7." read as punctuation; a numbered line that ends short
    # with its text on the next line
    words = ocr.parse_tsv(
        _tsv_words(
            [
                (1, 1, 1, 300, 100, 1500, 40, "2. Nâng cao hiệu lực quản lý nhà nước"),
                (1, 1, 2, 300, 150, 900, 40, "q) Các Sở, ban, ngành, địa phương"),
                (1, 1, 3, 300, 200, 1800, 40, "- Chỉ đạo triển khai các hoạt động nhằm tạo chuyển biến trong tư duy,"),
                (1, 1, 4, 200, 250, 700, 40, "hành động của cán bộ."),
                (1, 2, 1, 300, 300, 500, 40, "b) Công an tỉnh"),
                (1, 2, 2, 200, 350, 1900, 40, "Kiểm tra, đôn đốc các sở, ban, ngành trong triển khai kế hoạch."),
                (1, 3, 1, 300, 400, 800, 40, "€) Sở Giáo dục và Đào tạo"),
                (1, 3, 2, 300, 450, 1800, 40, "- Đẩy mạnh công tác tuyên truyền, giáo dục trong trường học."),
                (1, 4, 1, 300, 500, 700, 40, "Ẫcœ) Sở Tư pháp"),
                (1, 4, 2, 200, 550, 1900, 40, "Tăng cường công tác phổ biến, giáo dục pháp luật về phòng, chống."),
                (2, 1, 1, 300, 600, 1500, 40, "5. Nâng cao hiệu quả công tác đấu tranh"),
                (2, 1, 2, 300, 650, 900, 40, "Š.1. Công an tỉnh và các địa phương"),
                (2, 1, 3, 300, 700, 1800, 40, "- Tổ chức triển khai tổng thể, đồng bộ các biện pháp."),
                (2, 2, 1, 300, 750, 1200, 40, "5.2. Đề nghị Viện Kiểm sát nhân dân tối cao"),
                (2, 2, 2, 200, 800, 1900, 40, "Phối hợp chặt chẽ với các cơ quan chức năng thuộc Chính phủ chỉ đạo"),
                (2, 2, 3, 200, 850, 900, 40, "bảo đảm tiến độ."),
                (2, 3, 1, 300, 900, 1500, 40, "6. Quản lý chặt chẽ các hoạt động hợp pháp"),
                (2, 3, 2, 300, 950, 1800, 40, "Thường xuyên rà soát, cập nhật danh sách các cơ sở có hoạt động."),
                (2, 4, 1, 300, 1000, 1400, 40, "!„ Tăng cường đầu tư nguồn lực, hỗ trợ kinh phí"),
                (2, 4, 2, 300, 1050, 1800, 40, "Sở Tài chính chủ trì, phối hợp với Công an tỉnh tham mưu."),
            ]
        )
    )
    paras = ocr._blocks_from_lines(ocr.group_lines(words), page=3)
    notes: list[str] = []
    repair_markers(paras, notes)
    starts = [p.text.split(" ")[0] for p in paras]
    assert starts == ["2.", "a)", "-", "b)", "Kiểm", "c)", "-", "d)", "Tăng", "5.", "5.1.", "-", "5.2.", "Phối"] + [
        "6.",
        "Thường",
        "7.",
        "Sở",
    ]
    assert paras[12].text == "5.2. Đề nghị Viện Kiểm sát nhân dân tối cao"  # the heading alone, its text after
    assert paras[1].lines[0].startswith("a) Các Sở")
    assert len(notes) == 1 and "5 item mark(s)" in notes[0] and "q)->a)" in notes[0] and "Š.1.->5.1." in notes[0]
    # a list numbered "1) 2)" is left alone, and so are marks in sequence
    plain = [Paragraph(text=t, lines=[t]) for t in ("1. Nhiệm vụ", "1) Sở Y tế", "2) Sở Tư pháp", "a) Sở Nội vụ")]
    repair_markers(plain, notes)
    assert [p.text for p in plain] == ["1. Nhiệm vụ", "1) Sở Y tế", "2) Sở Tư pháp", "a) Sở Nội vụ"]


def test_unit_names_and_non_words_are_mended_against_the_lexicons():
    counts: Counter[str] = Counter()
    assert correct_text("c) Đề nghị Viện kiểm sút nhân tân tối cao", counts) == (
        "c) Đề nghị Viện kiểm sát nhân dân tối cao"
    )
    assert correct_text("Đề nghị Tòa dn nhân dân tỉnh", counts) == "Đề nghị Tòa án nhân dân tỉnh"
    assert correct_text("Sở Nông nghiệp và Môi trường, Số Dân tộc và Tôn giáo", counts) == (
        "Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo"
    )
    assert correct_text("Ngân hàng Nhà nước Chỉ nhánh Khu vực 10", counts) == "Ngân hàng Nhà nước Chi nhánh Khu vực 10"
    assert correct_text("Bộ Chỉ huy quân sự trnh chỉ dụo lực lượng", counts) == (
        "Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng"
    )
    assert counts["sút->sát (unit)"] == 1 and counts["dn->án (unit)"] == 1 and counts["dụo->đạo"] == 1
    # words that are words, names and codes stay: "một số dân tộc", "Xã Đắk Sắk", "QH15"
    for text in ("một số dân tộc thiểu số", "cơ sở y tế", "Xã Đắk Sắk", "Nghị quyết số 163/2024/QH15", "thận trọng"):
        assert correct_text(text) == text


def test_a_rank_before_the_signers_name_is_kept_apart():
    from kehoach.plan.header import Line
    from kehoach.plan.signature import read_signature

    para = Paragraph(text="")
    lines = [Line(t, 0, para) for t in ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đại tá Đậu Xuân Bảo")]
    signer, _ = read_signature(lines)
    assert (signer.authority, signer.position, signer.rank, signer.name) == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Đại tá",
        "Đậu Xuân Bảo",
    )
    signer, _ = read_signature([Line(t, 0, para) for t in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Minh")])
    assert (signer.rank, signer.name) == (None, "Nguyễn Minh")


@needs_tesseract
def test_a_column_line_read_as_noise_is_read_again_under_the_line_above(tmp_path: Path):
    # the page pass ran "PHÓ GIÁM ĐỐC" into the line "- Như trên;" and read it as "am :"
    from PIL import Image, ImageDraw, ImageFont

    from kehoach.parsers.ocr.reread import reread_noisy_segments

    fonts = [
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
    ]
    font_path = next((f for f in fonts if f.exists()), None)
    if font_path is None:
        pytest.skip("no DejaVu serif font to draw the fragment")
    page = Image.new("L", (2400, 800), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_path), 44)
    draw.text((380, 100), "Nơi nhận:", fill=0, font=font)
    draw.text((380, 165), "- Như trên;", fill=0, font=font)
    draw.text((1560, 100), "KT. GIÁM ĐỐC", fill=0, font=font)
    draw.text((1530, 165), "PHÓ GIÁM ĐỐC", fill=0, font=font)
    rows = [
        (8, 1, 1, 380, 100, 75, 44, "Nơi", 61),
        (8, 1, 1, 470, 100, 120, 44, "nhận:", 96),
        (8, 1, 1, 1560, 100, 90, 44, "KT.", 93),
        (8, 1, 1, 1670, 100, 130, 44, "GIÁM", 90),
        (8, 1, 1, 1810, 100, 120, 44, "ĐỐC", 90),
        (8, 1, 2, 380, 165, 220, 44, "- Như trên;", 90),
        (8, 1, 2, 1640, 185, 135, 23, "am", 7),
        (8, 1, 2, 1926, 185, 7, 8, ":", 40),
    ]
    tsv = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"]
    tsv += [f"5\t1\t{b}\t{p}\t{ln}\t1\t{x}\t{y}\t{w}\t{h}\t{c}\t{t}" for b, p, ln, x, y, w, h, t, c in rows]
    lines = ocr.group_lines(ocr.parse_tsv("\n".join(tsv)))
    binary = ocr.tesseract_binary()
    assert binary is not None
    assert reread_noisy_segments(lines, page, binary, tmp_path, "vie") == 1
    assert [" ".join(w.text for w in seg) for seg in lines[1].segments] == ["- Như trên;", "PHÓ GIÁM ĐỐC"]


@needs_tesseract
def test_unsure_words_of_a_numbered_line_are_read_again_with_the_line_alone(tmp_path: Path):
    # the page pass read "Tòa án nhân dân tối cao" as "Tòa du nhân (đH tối cao", unsure of "du" and
    # "(đH"; the numbered line is read alone and those two words replaced, the sure ones and the
    # mark kept; an unnumbered line with the same misreads is left as read
    from PIL import Image, ImageDraw, ImageFont

    from kehoach.parsers.ocr.reread import reread_weak_headings

    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    if not font_path.exists():
        pytest.skip("no DejaVu serif font to draw the fragment")
    page = Image.new("L", (2400, 400), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_path), 44)
    misread = {"án": ("du", 40), "dân": ("(đH", 16)}
    rows = []
    for line, (y, text) in enumerate(
        ((100, "c) Đề nghị Tòa án nhân dân tối cao"), (250, "Tòa án nhân dân tối cao")), 1
    ):
        x = 380
        for word in text.split(" "):
            draw.text((x, y), word, fill=0, font=font)
            left, top, right, bottom = draw.textbbox((x, y), word, font=font)
            read, conf = misread.get(word, (word, 95))
            rows.append((1, line, 1, left, top, right - left, bottom - top, read, conf))
            x = right + 22
    tsv = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"]
    tsv += [f"5\t1\t{b}\t{p}\t{ln}\t1\t{x}\t{y}\t{w}\t{h}\t{c}\t{t}" for b, p, ln, x, y, w, h, t, c in rows]
    lines = ocr.group_lines(ocr.parse_tsv("\n".join(tsv)))
    binary = ocr.tesseract_binary()
    assert binary is not None
    assert reread_weak_headings(lines, page, binary, tmp_path, "vie") == 2
    assert [" ".join(w.text for w in ln.words) for ln in lines] == [
        "c) Đề nghị Tòa án nhân dân tối cao",
        "Tòa du nhân (đH tối cao",
    ]
    assert [" ".join(w.text for w in seg) for seg in lines[0].segments] == ["c) Đề nghị Tòa án nhân dân tối cao"]


def test_header_zones_are_known_by_their_printed_words():
    assert zone_kind("Só:##6'` /KH-TCTLNTW-C04") == "number"
    assert zone_kind("Số: /KH-UBND") == "number"
    assert zone_kind("Hà Nội, ngày#$4tháng Q@ năm 2026") == "date"
    assert zone_kind("Lâm Đồng, ngày tháng 3 năm 2026") == "date"
    assert zone_kind("Thực hiện Nghị định số 105/2021/NĐ-CP ngày 04 tháng 12 năm 2021") is None


def _ocr_document(notes: list[str]) -> Document:
    texts = [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÂM ĐỒNG",
        "Số: /KH-UBND",
        "Lâm Đồng, ngày tháng 3 năm 2026",
        "KẾ HOẠCH",
        "Tăng cường công tác phòng, chống ma túy",
        "I. NHIỆM VỤ",
        "1. Công an tỉnh chủ trì triển khai kế hoạch.",
    ]
    blocks = [
        Paragraph(text=t, role="layout" if k < 4 else "body", prov=Provenance(page=1, line=k + 1, source="ocr"))
        for k, t in enumerate(texts)
    ]
    return Document(blocks=blocks, source=SourceInfo(path="<scan>", format="pdf", ocr=True, notes=notes))


def test_ink_facts_and_unread_handwriting_reach_the_header_and_the_diagnostics():
    plan = build_plan(
        _ocr_document(
            ["ocr:page 1: seal", "ocr:page 1: incoming stamp số 1614 ngày ?", "ocr:page 1: handwritten number not read"]
        )
    )
    assert plan.header.seal
    assert (plan.header.incoming_stamp.so, plan.header.incoming_stamp.ngay) == ("1614", None)
    assert plan.header.number is None  # never guessed
    unread = [d for d in plan.diagnostics if d.code == "handwriting-unread"]
    assert len(unread) == 2 and all(d.location.page == 1 for d in unread)
    # facts of another page (a seal over the carrier's signature) are not this plan's
    plan = build_plan(_ocr_document(["ocr:page 2: seal"]))
    assert not plan.header.seal and plan.header.incoming_stamp is None


def test_agreement_counts_tasks_missing_on_either_side():
    plan = api.parse_text(
        "KẾ HOẠCH\nII. NHIỆM VỤ\n1. Rà soát văn bản quy phạm pháp luật\n- Cơ quan chủ trì: Sở Tư pháp.\n"
        "- Thời gian thực hiện: Quý I/2026.\n2. Tổ chức tập huấn nghiệp vụ\n"
        "- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian thực hiện: Quý II/2026.\n"
    )
    tasks = plan.tasks
    assert task_agreement(tasks, tasks).share == 1.0
    assert task_agreement(tasks, tasks[:1]).share == 0.5
    other_lead = tasks[1].model_copy(update={"lead": tasks[0].lead})
    assert task_agreement(tasks, [tasks[0], other_lead]).agree == 1
    assert word_accuracy("Tổ chức tập huấn", "Tô chức tập huấn") == 0.75
    assert word_accuracy("Tổ chức tập huấn", "Tô chức tập huấn", tones=False) == 1.0


def test_agreement_pairs_for_the_most_agreeing_tasks():
    # two tasks read exactly, a third read with another lead and other words: the diff's alignment
    # (greatest summed similarity) pairs the third with one of the exact ones and leaves 1 agreeing;
    # the agreement pairs each exact task with its copy
    plan = api.parse_text(
        "KẾ HOẠCH\nII. NHIỆM VỤ\n1. Ưu tiên điều trị nguồn lực chế độ hỗ trợ\n- Cơ quan chủ trì: Sở Y tế.\n"
        "2. Ưu tiên nguồn lực huy động đầu tư\n- Cơ quan chủ trì: Sở Tài chính.\n"
        "3. Điều trị kinh phí huy động chế độ hỗ trợ\n- Cơ quan chủ trì: Sở Y tế.\n"
    )
    typed = plan.tasks
    misread = typed[2].model_copy(update={"lead": typed[1].lead, "content": "Nguồn lực ưu tiên điều trị"})
    assert len(align(typed, [typed[0], typed[1], misread]).pairs) == 3
    ag = task_agreement(typed, [typed[0], typed[1], misread])
    assert (ag.agree, ag.total) == (2, 3)


# ---------------------------------------------------------------- the real scans


@pytest.fixture(scope="session")
def scans():
    """Scan path -> Plan, each scan parsed once per session; its pages are recognised once
    per run (the OCR page cache of conftest.py, shared with test_pages_browser)."""
    plans: dict[Path, object] = {}

    def get(path: Path):
        if path not in plans:
            plans[path] = api.parse(path, ocr=True)
        return plans[path]

    return get


def _check(header, truth: dict, handwritten: set[str], diagnostics) -> None:
    """Every field as in the truth; a handwritten one may instead be null with a diagnostic."""
    unread = [d for d in diagnostics if d.code == "handwriting-unread"]
    for name, value in truth.items():
        got = getattr(header, name)
        if name in handwritten and got is None:
            assert unread, f"{name} is null without a handwriting-unread diagnostic"
            continue
        assert got == value, f"{name}: {got!r} != {value!r}"


@needs_tesseract
@needs(SCAN_996)
def test_scan_996_header(scans):
    plan = scans(SCAN_996)
    h = plan.header
    _check(
        h,
        {
            "issuer": "TỔ CÔNG TÁC LIÊN NGÀNH TW",
            "issuer_parent": "BỘ CÔNG AN",
            "number": "996/KH-TCTLNTW-C04",
            "date": "2026-02-24",
            "place": "Hà Nội",
            "doc_type": "KẾ HOẠCH",
            "title": "Phối hợp kiểm soát các hoạt động hợp pháp liên quan đến ma túy năm 2026",
        },
        {"number", "date"},
        plan.diagnostics,
    )
    assert h.signer.authority == "KT. TỔ TRƯỞNG"
    assert h.seal  # over the signature, page 3
    assert h.incoming_stamp is not None  # "ĐẾN Số 1614": handwriting not legible to Tesseract
    assert h.incoming_stamp.so in (None, "1614")
    assert [(s.number, s.title) for s in plan.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NỘI DUNG"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert [len(s.children) for s in plan.sections] == [3, 7, 4]
    assert plan.tasks and all(t.lead for t in plan.tasks)


SCAN_589 = REALDOCS / "bca_KH-589-KH-BCA-C04_2025_scan.pdf"


@needs_tesseract
@needs(SCAN_589)
def test_scan_589_header(scans):
    """Header truth read off the page by eye: number and day written by hand ("589", "02"),
    the rest printed; signed for the minister by a deputy minister with his rank."""
    plan = scans(SCAN_589)
    h = plan.header
    _check(
        h,
        {
            "issuer": "BỘ CÔNG AN",
            "number": "589/KH-BCA-C04",
            "date": "2025-10-02",
            "place": "Hà Nội",
            "doc_type": "KẾ HOẠCH",
            "title": "Tổ chức Hội nghị triển khai Chương trình mục tiêu quốc gia phòng, chống ma tuý đến năm 2030",
        },
        {"number", "date"},
        plan.diagnostics,
    )
    s = h.signer
    assert (s.authority, s.position, s.rank, s.name) == (
        "KT. BỘ TRƯỞNG",
        "THỨ TRƯỞNG",
        "Thượng tướng",
        "Nguyễn Văn Long",
    )


def _twin_figures(scan_plan, twin_path: Path) -> tuple[float, float, float]:
    from kehoach.blocks import Table

    twin = api.parse(twin_path)

    def text(plan) -> str:
        out = []
        for block in plan.document.blocks:
            if isinstance(block, Table):
                out.extend(c.text for r in block.rows for c in r.cells if c.text)
            else:
                out.append(block.text)
        return "\n".join(out)

    ag = task_agreement(twin.tasks, scan_plan.tasks)
    acc, acc_bare = word_accuracy(text(twin), text(scan_plan)), word_accuracy(text(twin), text(scan_plan), tones=False)
    print(
        f"\n{scan_plan.source.path}: task agreement {ag.share:.3f} ({ag.agree}/{ag.total}; typed {ag.typed}, "
        f"scan {ag.scanned}); word accuracy {acc:.3f} (without marks {acc_bare:.3f})"
    )
    return ag.share, acc, acc_bare


TTR_TRUTH = {
    "issuer": "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
    "number": None,
    "date": None,
    "place": "Lâm Đồng",
    "doc_type": "KẾ HOẠCH",
    "title": "Tăng cường công tác đấu tranh phòng, chống ma túy và xây dựng xã, phường, đặc khu không ma túy năm 2026",
}


def _draft_blanks_are_not_unread_handwriting(plan) -> None:
    """The draft's blank number and date (its số line "Số: /KH-…") are blanks, not handwriting
    left unread: no handwriting-unread diagnostic on that page (the underline above is a rule)."""
    unread = {d.location.page for d in plan.diagnostics if d.code == "handwriting-unread" and d.location}
    draft = {b.prov.page for b in plan.document.blocks if re.match(r"Số:\s*/KH-", b.text)}
    assert draft and not unread & draft


@needs_tesseract
@needs(SCAN_196)
def test_scan_196_is_the_draft_plan_with_the_to_trinh_as_wrapper(scans):
    plan = scans(SCAN_196)
    assert plan.document_type == "ke_hoach" and plan.wrapper is not None
    _check(plan.header, {**TTR_TRUTH, "date_partial": "2026-03"}, set(), plan.diagnostics)
    assert not plan.header.seal  # the draft is not sealed
    _draft_blanks_are_not_unread_handwriting(plan)
    w = plan.wrapper
    assert w.document_type == "to_trinh" and w.header.seal
    _check(
        w.header,
        {
            "issuer": "CÔNG AN TỈNH LÂM ĐỒNG",
            "issuer_parent": "BỘ CÔNG AN",
            "number": "196/TTr-CAT-PC04",
            "date": "2026-03-18",
            "place": "Lâm Đồng",
        },
        {"number", "date"},
        plan.diagnostics,
    )
    assert w.header.title.startswith("Về việc ban hành kế hoạch tăng cường công tác đấu tranh phòng")
    assert (w.header.signer.authority, w.header.signer.position) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    # "5.3. Đề nghị Viện Kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao" fills its line; its text
    # starts on the next line at the same indent: the heading names the lead, not the text
    (court,) = [t for t in plan.tasks if t.content.startswith("Phối hợp chặt chẽ với các cơ quan chức năng")]
    assert (court.number, [u.name for u in court.lead]) == (
        "5.3",
        ["Viện Kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao"],
    )


@needs_tesseract
@needs(SCAN_91)
def test_scan_91_is_the_draft_plan_with_the_to_trinh_as_wrapper(scans):
    plan = scans(SCAN_91)
    assert plan.document_type == "ke_hoach" and plan.wrapper is not None
    # this copy of the draft leaves the month blank too (the typed twin has "tháng 02")
    _check(plan.header, {**TTR_TRUTH, "date_partial": "2026"}, set(), plan.diagnostics)
    w = plan.wrapper
    assert w.document_type == "to_trinh" and w.header.seal
    _check(
        w.header,
        {
            "issuer": "CÔNG AN TỈNH LÂM ĐỒNG",
            "issuer_parent": "BỘ CÔNG AN",
            "number": "91/TTr-CAT-PC04",
            "date": "2026-02-03",
            "place": "Lâm Đồng",
        },
        {"number", "date"},
        plan.diagnostics,
    )
    # "PHÓ GIÁM ĐỐC", run by the page pass into the line "- Như trên;", read again alone
    assert (w.header.signer.authority, w.header.signer.position) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    assert (w.header.signer.rank, w.header.signer.name) == ("Đại tá", "Đậu Xuân Bảo")
    _draft_blanks_are_not_unread_handwriting(plan)
    # "Sở Tài chính chủ trì, phối hợp với Công an tỉnh tham mưu Ủy ban nhân dân tỉnh:", unnumbered,
    # over three "- …" items: one task of that unit holding the items (the .doc numbers the line 8.1)
    (finance,) = [t for t in plan.tasks if t.content.startswith("Sở Tài chính chủ trì")]
    assert [u.name for u in finance.lead] == ["Sở Tài chính"]
    assert finance.content.startswith(
        "Sở Tài chính chủ trì, phối hợp với Công an tỉnh tham mưu Ủy ban nhân dân tỉnh: Ưu tiên"
    )
    assert "Đề xuất Hội đồng nhân dân tỉnh hỗ trợ kinh phí" in finance.content
    assert finance.content.endswith("đóng góp cho công tác phòng, chống ma túy.")
    # "c) Đề nghị Viện kiểm sát …, Tòa án nhân dân tối cao" in bold italic: "án" and "dân" read again
    (court,) = [t for t in plan.tasks if t.content.startswith("Phối hợp chặt chẽ với các cơ quan chức năng")]
    assert [u.name for u in court.lead] == ["Viện kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao"]


# (task agreement, word accuracy) measured 2026-12-02; issue 17 asks 0.9 of tasks. The TTr-91
# scan is not the draft its .doc holds: only 28 of the .doc's 33 tasks have their text in the
# scan at all (bench/bench_ocr.py prints this ceiling), and 3 more name other lead units in the
# scan's words (it letters the units a), b) … where the .doc numbers them 1.1, 1.2 …, and its
# TỔ CHỨC THỰC HIỆN is worded differently), so 25/33 (0.76) is the most that pair can reach; it
# reads 25/33. TTr-196 reads 33/34: the one left is the .doc's "4.1. Ủy ban nhân dân cấp xã", whose
# duty the scanned draft gives to Sở Nội vụ.
MEASURED = {SCAN_196: (0.97, 0.975), SCAN_91: (0.75, 0.885)}


@needs_tesseract
@needs_soffice
@pytest.mark.parametrize("scan, twin", [(SCAN_196, TWIN_196), (SCAN_91, TWIN_91)], ids=["TTr196", "TTr91"])
def test_scan_register_agrees_with_its_typed_twin(scans, scan, twin):
    if not (scan.exists() and twin.exists()):
        pytest.skip(missing(scan if not scan.exists() else twin))
    share, accuracy, _ = _twin_figures(scans(scan), twin)
    least_share, least_accuracy = MEASURED[scan]
    assert accuracy >= least_accuracy, f"word accuracy {accuracy:.3f} fell under {least_accuracy}"
    assert share >= least_share, f"task agreement {share:.3f} fell under the measured {least_share} (aim 0.9)"


def test_the_deputy_minister_under_kt_bo_truong_is_thu_truong_not_thu_truong():
    """ứ read as ủ turns "THỨ TRƯỞNG" into "THỦ TRƯỞNG", a real word the lexicon keeps; under
    "KT. BỘ TRƯỞNG" only a Thứ trưởng signs, so the line is put right and counted. Elsewhere
    "THỦ TRƯỞNG" is left as read."""
    from kehoach.parsers.ocr.correct import correct_blocks

    def para(text: str, line: int) -> Paragraph:
        return Paragraph(text=text, raw=text, lines=[text], prov=Provenance(page=1, line=line, source="ocr"))

    filler = [para(f"- Lưu: VT {i};", 4 + i) for i in range(3)]
    blocks = [para("KT. BỘ TRƯỞNG", 1), para("- Như trên;", 2), para("THỦ TRƯỞNG", 3), *filler, para("THỦ TRƯỞNG", 9)]
    notes: list[str] = []
    correct_blocks(blocks, notes)
    assert [blocks[i].text for i in (0, 2, -1)] == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "THỦ TRƯỞNG"]
    assert blocks[2].lines == ["THỨ TRƯỞNG"] and any("THỦ TRƯỞNG->THỨ TRƯỞNG" in n for n in notes)
    # any other head's deputy is "PHÓ <title>"; a different title in other letters is left alone
    other = [para("KT. GIÁM ĐỐC", 1), para("PHÓ GIÁM ĐÔC", 2), para("KT. CHỦ TỊCH", 3), para("ỦY VIÊN", 4)]
    correct_blocks(other, [])
    assert [b.text for b in other] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "KT. CHỦ TỊCH", "ỦY VIÊN"]


def test_two_syllables_read_without_their_space_are_cut_apart():
    counts: Counter[str] = Counter()
    assert correct_text("Inấn chứng chỉ", counts) == "In ấn chứng chỉ"
    assert correct_text("Tổ chứcHội nghị sơ kết", counts) == "Tổ chức Hội nghị sơ kết"
    assert counts["Inấn->In ấn"] == 1 and counts["chứcHội->chức Hội"] == 1
    # words of another language, codes, capitals: left alone
    for text in ("email công vụ", "phần mềm online", "TTHC", "Nghị quyết số 163/2024/QH15"):
        assert correct_text(text) == text


def test_a_row_number_misread_between_two_others_is_the_one_between():
    from kehoach.blocks import Cell, Row, Table
    from kehoach.parsers.ocr.cells import fix_number_column

    column = ["TT", "1.", "VÃ", "3.", "4.", "5", "6.", "Ghi chú"]
    table = Table(rows=[Row(cells=[Cell(lines=[t]), Cell(lines=["Nội dung"])]) for t in column])
    fix_number_column(table)
    assert [r.cells[0].text for r in table.rows] == ["TT", "1.", "2.", "3.", "4.", "5.", "6.", "Ghi chú"]
    # group rows' Roman marks read "1" and "H" (the numbering starts again after them), two numbers
    # misread in a row, a last digit misread, the header "STT" read "SIT"
    column = ["SIT", "1", "1", "2", "H", "1", "2", "¿2", "K_o)", "5", "9"]
    table = Table(rows=[Row(cells=[Cell(lines=[t]), Cell(lines=["Nội dung"])]) for t in column])
    fix_number_column(table)
    assert [r.cells[0].text for r in table.rows] == ["STT", "I", "1", "2", "II", "1", "2", "3", "4", "5", "6"]
    # a word in the column, or numbers that do not count on, are left as they are
    other = ["1.", "Tổng", "3.", "7.", "8", "11."]
    table = Table(rows=[Row(cells=[Cell(lines=[t]), Cell(lines=["x"])]) for t in other])
    fix_number_column(table)
    assert [r.cells[0].text for r in table.rows] == other


# realdocs plans with a ruled task table (STT, task, people): (file, tasks agreeing when read from images)
TYPED_TABLE_PLANS = [
    # 10 of 10
    (REALDOCS / "laocai-sct_KH-3898_30.6.2026_Huan-luyen-nguoi-quan-ly.docx", 10),
    # 9 of 10: row 2 reads one of its people "Đỗ Mạnh Cườ" (the last letters lost)
    (REALDOCS / "laocai-sct_KH-2242_23.4.2026_Kiem-tra-cap-GCN-28-don-vi.docx", 9),
    # 29 of 31 (11 pages): groups "I", "II" over rows numbered from 1 again (read "1" and "H"), the
    # header STT read "SIT"; two place names keep a wrong mark ("Phương Nam Gia Nghĩa", "Đam Rồng")
    (REALDOCS / "lamdong-ubnd_KH-kiem-tra-CCHC-2026_v2.docx", 29),
]


@needs_tesseract
@needs_soffice
@pytest.mark.parametrize("typed_path, least", TYPED_TABLE_PLANS, ids=["KH-3898", "KH-2242", "KH-kiem-tra-CCHC"])
def test_a_ruled_task_table_read_from_page_images_gives_the_typed_register(tmp_path: Path, typed_path, least):
    """No realdocs scan has a ruled table; a real plan with its task table printed by LibreOffice
    and turned into page images is one, with its typed file as the truth: every row is a task
    with the typed number and group, and the tasks agree with the typed ones."""
    import pypdfium2 as pdfium

    from kehoach.parsers.doc.soffice import convert

    if not typed_path.exists():
        pytest.skip(missing(typed_path))
    printed = convert(typed_path, tmp_path, "pdf", "pdf")
    pdf = pdfium.PdfDocument(str(printed))
    pages = [pdf[k].render(scale=300 / 72).to_pil().convert("L") for k in range(len(pdf))]
    pdf.close()
    scan = tmp_path / "table_scan.pdf"
    pages[0].save(scan, save_all=True, append_images=pages[1:], resolution=300.0)
    typed, read = api.parse(typed_path), api.parse(scan, ocr=True)
    assert sum(1 for b in read.document.blocks if hasattr(b, "rows")) == 1
    ag = task_agreement(typed.tasks, read.tasks)
    print(f"\n{typed_path.name} from page images: {ag.agree}/{ag.total} tasks agree")
    assert len(read.tasks) == len(typed.tasks) and ag.agree >= least
    rows = [(t.number, t.group) for t in read.tasks if t.origin == "appendix"]
    assert rows == [(t.number, t.group) for t in typed.tasks if t.origin == "appendix"]


def test_a_line_read_twice_over_itself_in_a_cell_keeps_the_surer_read():
    from kehoach.parsers.ocr.cells import _without_shadow_lines
    from kehoach.parsers.ocr.words import Word

    def line(key: int, top: int, words: list[tuple[str, int, int, float]]) -> list[Word]:
        return [Word(t, left, top, width, 40, conf, (1, 1, key)) for t, left, width, conf in words]

    shadow = line(1, 1071, [("Bà", 514, 54, 95), ("soát", 663, 11, 95), ("việc", 753, 35, 39), ("đáo", 842, 49, 93)])
    real = line(2, 1080, [("à", 548, 28, 93), ("soát", 603, 92, 96), ("việc", 719, 95, 97), ("đáp", 871, 51, 97)])
    below = line(3, 1145, [("của", 514, 78, 96), ("học", 608, 82, 97), ("viên", 707, 99, 97)])
    beside = line(4, 1075, [("Ghi", 1500, 60, 60)])  # same height, another place: not a shadow
    kept = _without_shadow_lines([shadow, real, beside, below])
    assert [" ".join(w.text for w in ws) for ws in kept] == ["à soát việc đáp", "Ghi", "của học viên"]
