"""Issue 10, the remaining gaps: broken pipe rows, the "kèm theo" line, signature-widget stamps.

Each behaviour on a minimal inline fragment, then on a real document that shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, REALDOCS, missing, needs
from hostile_gen import signed_pdf, text_page
from kehoach.api import parse
from kehoach.parsers.text import parse_string
from kehoach.parsers.text.pipe_rows import join_broken_rows
from kehoach.plan.attached import read_attached
from kehoach.plan.build import build_plan

ROOT = Path(__file__).resolve().parents[1]
UBTVQH = CORPUS / "ubtvqh_NQ-1339-ban-hanh-KH_2024.webcopy.md"
SIGNED_CV = CORPUS / "lamdong-stp_CV-125-gop-y-du-thao-KH_2026.pdf"
SIGNED_TB = REALDOCS / "quangngai-ubnd_TB-11-TB-UBND_2025_signed.pdf"

BROKEN = """KẾ HOẠCH

Soạn thảo văn bản

| TT | Tên văn bản | Cơ quan trình | Cơ quan soạn thảo | Cơ quan thẩm tra | Tiến độ | Hồ sơ |
|
| I. Văn bản của Quốc hội |
| ||||
| | Luật sửa đổi Luật A | Ủy ban X | Ban soạn thảo
| - Ủy ban Pháp luật chủ trì thẩm tra
| Trình tại phiên họp (tháng 02/2025) | Tờ trình, dự thảo |
| Nghị quyết sửa đổi Nghị quyết B | Ủy ban X | Văn phòng Quốc hội |
| Trình xem xét trước ngày 10/01/2025 | Tờ trình |
| ||

Sau bảng.
"""


def test_broken_pipe_rows_are_joined_into_rows():
    items = [(n, t) for n, t in enumerate(BROKEN.split("\n"), 1)]
    out, rebuilt = join_broken_rows(items)
    rows = [t for n, t in out if n in rebuilt]
    assert len(rows) == 3  # the group row and two task rows
    assert rows[1].count("|") - 1 == 7  # "" | Luật … | Ủy ban X | Ban soạn thảo | thẩm tra | tiến độ | hồ sơ
    assert "Sau bảng." in [t for _, t in out]  # text after the table stays text


def test_ragged_rows_placed_by_number_and_time_evidence():
    plan = build_plan(parse_string(BROKEN))
    tasks = {t.content: t for t in plan.tasks}
    assert set(tasks) == {"Luật sửa đổi Luật A", "Nghị quyết sửa đổi Nghị quyết B"}
    law = tasks["Luật sửa đổi Luật A"]
    assert [u.name for u in law.lead] == ["Ban soạn thảo"]
    assert law.support and law.support[0].name.startswith("Ủy ban Pháp luật")
    assert law.group == "Văn bản của Quốc hội"
    # no number cell and no thẩm tra cell: the time cell goes under Tiến độ, support stays empty
    res = tasks["Nghị quyết sửa đổi Nghị quyết B"]
    assert [u.name for u in res.lead] == ["Văn phòng Quốc hội"]
    assert res.support == []
    assert res.timeline is not None and res.timeline.end == "2025-01-10"


def test_a_list_of_documents_is_not_a_task_table():
    text = (
        "KẾ HOẠCH\n\nI. NỘI DUNG\n\n| TT | Tên văn bản | Số ký hiệu | Ngày ban hành |\n|---|---|---|---|\n"
        "| 1 | Luật Tổ chức Quốc hội | 57/2014/QH13 | 20/11/2014 |\n"
    )
    assert build_plan(parse_string(text)).tasks == []


def test_attached_line_gives_number_date_issuer():
    a = read_attached(
        "(Ban hành kèm theo Nghị quyết số 1339/NQ-UBTVQH15 ngày 28 tháng 12 năm 2024 của Uỷ ban thường vụ Quốc hội)"
    )
    assert (a.number, a.date, a.issuer) == ("1339/NQ-UBTVQH15", "2024-12-28", "Uỷ ban thường vụ Quốc hội")
    b = read_attached("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2025 của Chủ tịch UBND tỉnh Lào Cai)")
    assert (b.number, b.date, b.issuer) == ("12/QĐ-UBND", "2025-03-05", "UBND tỉnh Lào Cai")
    assert read_attached("Căn cứ Quyết định số 12/QĐ-UBND") is None


def test_header_from_attached_line_only_when_missing():
    text = (
        "KẾ HOẠCH\n\nTriển khai nhiệm vụ năm 2025\n\n"
        "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2025 của Ủy ban nhân dân tỉnh Lào Cai)\n\n"
        "I. MỤC ĐÍCH\n\nBảo đảm thực hiện.\n"
    )
    h = build_plan(parse_string(text)).header
    assert (h.number, h.date, h.number_from) == ("12/QĐ-UBND", "2025-03-05", "wrapper")
    assert h.issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    own = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nSố: 7/KH-UBND\n\nLào Cai, ngày 01 tháng 4 năm 2025\n\n" + text
    h2 = build_plan(parse_string(own)).header
    assert (h2.number, h2.date) == ("7/KH-UBND", "2025-04-01")


@needs(UBTVQH)
def test_real_broken_table_and_attached_header():
    plan = parse(UBTVQH)
    assert len(plan.tasks) == 11
    first = plan.tasks[0]
    assert first.content.startswith("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội")
    assert first.lead[0].name.startswith("Ban soạn thảo do UBTVQH thành lập")
    dissolve = next(t for t in plan.tasks if t.content.startswith("Nghị quyết về việc giải thể"))
    assert dissolve.support == [] and dissolve.timeline.raw.startswith("Trình UBTVQH xem xét")
    assert (plan.header.number, plan.header.date) == ("1339/NQ-UBTVQH15", "2024-12-28")
    assert "thường vụ quốc hội" in plan.header.issuer.lower()


# --- text stamped by signature widgets -------------------------------------------------------


def _widget_pdf(stamp: bytes = b"125") -> bytes:
    """A page reading "Số: /STP-VP", and a signature widget whose appearance draws `stamp` after "Số:"."""
    page = b"BT /F1 12 Tf 60 780 Td (So:) Tj 66 0 Td (/STP-VP) Tj ET " + text_page().replace(b"50 800", b"50 700")
    return signed_pdf(page, stamp, (84, 776, 118, 794), widget=b"/F 132")


def test_widget_appearance_text_is_read(tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(_widget_pdf())
    doc_text = " ".join(p.text for p in parse(path)._document.paragraphs)
    assert "So: 125 /STP-VP" in doc_text


def test_a_signers_box_drawn_by_a_widget_is_not_text(tmp_path):
    path = tmp_path / "signed.pdf"
    for stamp in (b"stp@lamdong.gov.vn", b"15.01.2026 10:20:30 +07:00"):
        path.write_bytes(_widget_pdf(stamp))
        doc_text = " ".join(p.text for p in parse(path)._document.paragraphs)
        assert stamp.decode()[:8] not in doc_text


@needs(SIGNED_CV)
def test_signed_pdf_header_number_and_date():
    h = parse(SIGNED_CV).header
    assert (h.number, h.date, h.place) == ("125/STP-VP", "2026-01-15", "Lâm Đồng")


@needs(SIGNED_TB)
def test_signed_pdf_header_realdoc():
    h = parse(SIGNED_TB).header
    assert (h.number, h.date) == ("11/TB-UBND", "2025-01-08")


# --- which documents give tasks (plan/policy.py) ------------------------------------------------

GUIDE = (
    "ỦY BAN MẶT TRẬN TỔ QUỐC\nXÃ A\n\nSố: 3/HD-MTTQ\n\nXã A, ngày 02 tháng 3 năm 2025\n\nHƯỚNG DẪN\n\n"
    "Về việc tham gia công tác bầu cử\n\nI. NỘI DUNG\n\n1. Tuyên truyền bầu cử.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
    "1. Ban Công tác Mặt trận các thôn\n\nTổ chức tuyên truyền tại thôn.\n\n2. Đoàn Thanh niên xã\n\n"
    "Phối hợp tuyên truyền.\n"
)
SPEECH = (
    "THAM LUẬN\n\nGiải pháp phòng, chống ma túy\n\nI. MỤC TIÊU\n\nGiảm người nghiện.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
    "1. Sở Y tế\n\nTổ chức cai nghiện.\n\n2. Công an tỉnh\n\nĐấu tranh tội phạm.\n"
)


def test_a_guide_gives_no_tasks():
    plan = build_plan(parse_string(GUIDE))
    assert (plan.document_type, plan.is_plan, plan.tasks) == ("huong_dan", False, [])
    assert any(d.code == "not-a-plan" for d in plan.diagnostics)
    as_plan = build_plan(parse_string(GUIDE.replace("HƯỚNG DẪN", "KẾ HOẠCH").replace("/HD-", "/KH-")))
    assert as_plan.is_plan and len(as_plan.tasks) == 2  # the same text under a plan's type


def test_a_speech_of_no_known_type_gives_no_tasks_without_a_header():
    assert build_plan(parse_string(SPEECH)).tasks == []
    headed = "UBND TỈNH A\n\nSố: 5/KH-UBND\n\nA, ngày 01 tháng 4 năm 2025\n\n" + SPEECH.replace("THAM LUẬN\n\n", "")
    assert len(build_plan(parse_string(headed)).tasks) == 2  # a lost type line, but a plan's header


def test_a_decision_quoting_a_plan_form_carries_no_plan():
    qd = (
        "BỘ A\n\nSố: 9/QĐ-BA\n\nHà Nội, ngày 01 tháng 4 năm 2025\n\nQUYẾT ĐỊNH\n\nVề việc công bố thủ tục hành chính\n\n"
        "Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính.\n\nĐiều 2. Quyết định có hiệu lực.\n\n"
        "Nơi nhận:\n- Như Điều 2.\n\nBỘ TRƯỞNG\n\nNguyễn Văn A\n\nPHỤ LỤC\n\nMẫu số 01\n\nKẾ HOẠCH\n\n"
        "Chuyển đổi cơ cấu cây trồng\n\nI. NHIỆM VỤ\n\n1. Rà soát diện tích\n\n- Đơn vị chủ trì: Phòng Kinh tế\n\n"
        "- Thời gian: Quý II/2025\n"
    )
    plan = build_plan(parse_string(qd))
    assert (plan.document_type, plan.wrapper, plan.tasks) == ("quyet_dinh", None, [])
    issued = qd.replace("Về việc công bố thủ tục hành chính", "Về việc ban hành Kế hoạch chuyển đổi cơ cấu cây trồng")
    carried = build_plan(parse_string(issued))
    assert carried.is_plan and carried.wrapper is not None and len(carried.tasks) == 1


@pytest.mark.parametrize(
    "name",
    [
        "bgddt_tham-luan-PCMT_2025.doc",
        "luongminh-mttq_HD-tham-gia-bau-cu_2025.docx",
        "bnnmt_QD-5042-cong-bo-TTHC_2025.webcopy.md",
    ],
)
def test_real_non_plans_give_no_tasks(name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip(missing(path))
    plan = parse(path)
    assert plan.is_plan is False and plan.tasks == []


# --- letters guessed in a garbled text layer are located diagnostics ----------------------------


def test_a_guessed_letter_is_a_located_diagnostic(tmp_path):
    from test_legacy import FRAGMENT, garble

    text = FRAGMENT.replace("Lưu: VT, Vũ.", "Lưu: VT, Dũng.")  # "ũ" nowhere else: a guess
    path = tmp_path / "garbled.txt"
    path.write_text(garble(text, 1), encoding="utf-8")
    plan = parse(path)
    (diag,) = [d for d in plan.diagnostics if d.code == "letter-guessed"]
    assert (diag.location.line, diag.location.source) == (16, "text")
    assert diag.excerpt.startswith("D") and diag.excerpt.endswith("ng")


KH_1105 = REALDOCS / "laocai-sct_KH-1105-DKT_2026.pdf"


@needs(KH_1105)
def test_guessed_letters_of_a_real_pdf_are_located():
    plan = parse(KH_1105)
    guessed = [d for d in plan.diagnostics if d.code == "letter-guessed"]
    assert guessed, "the PDF's glyph map leaves 'ũ' of 'Vũ' a guess"
    assert all(d.location.page and (d.location.line or d.location.row) for d in guessed)
    assert any(d.excerpt == "Vũ" and d.location.page == 2 for d in guessed)


# --- header details seen on signed PDFs ---------------------------------------------------------


def test_tm_authority_and_position_on_one_line():
    from kehoach.blocks import Paragraph
    from kehoach.plan.header import Line
    from kehoach.plan.signature import read_signature

    lines = [
        Line(t, i, Paragraph(text=t))
        for i, t in enumerate(["Nơi nhận:", "- Như Điều 4;", "TM. UỶ BAN NHÂN DÂN CHỦ TỊCH", "Nguyễn Văn Tâm"])
    ]
    signer, recipients = read_signature(lines)
    assert (signer.authority, signer.position, signer.name) == ("TM. UỶ BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Tâm")
    assert recipients == ["Như Điều 4"]


def test_slash_authority_without_a_dot_and_position_on_one_line():
    from kehoach.blocks import Paragraph
    from kehoach.plan.header import Line
    from kehoach.plan.signature import read_signature

    # a Party committee signs "T/M ĐẢNG ỦY" (Hướng dẫn 36: no dot after the slash form); a PDF
    # joins the signature cell's lines into one
    for joined, authority, position in (
        ("T/M ĐẢNG ỦY BÍ THƯ", "T/M ĐẢNG ỦY", "BÍ THƯ"),
        ("T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"),
        ("K/T CHỦ TỊCH PHÓ CHỦ TỊCH", "K/T CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ):
        lines = [Line(t, i, Paragraph(text=t)) for i, t in enumerate(["Nơi nhận:", "- Lưu VP.", joined, "Lò Văn Hùng"])]
        signer, _ = read_signature(lines)
        assert (signer.authority, signer.position, signer.name) == (authority, position, "Lò Văn Hùng")


def test_motto_typo_and_stray_mark_stay_out_of_the_issuer():
    text = (
        "/ỦY BAN NHÂN DÂN\nXÃ A\n\nCÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 5/KH-UBND\n\nA, ngày 01 tháng 4 năm 2025\n\nKẾ HOẠCH\n\nTuyên truyền\n\nI. MỤC ĐÍCH\n\nNâng cao.\n"
    )
    h = build_plan(parse_string(text)).header
    assert h.issuer == "ỦY BAN NHÂN DÂN XÃ A" and h.motto


SADEC = CORPUS / "sadec-ubnd_QD-150-thanh-lap-ban-bau-cu_2025.pdf"
SKHCN = CORPUS / "lamdong-skhcn_CV-171-gop-y-du-thao-KH_2026.pdf"


@needs(SADEC, SKHCN)
def test_real_signature_and_issuer():
    s = parse(SADEC).header.signer
    assert (s.authority, s.position, s.name) == ("TM. UỶ BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Tâm")
    h = parse(SKHCN).header
    assert (h.issuer, h.issuer_parent, h.number) == ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "UBND TỈNH LÂM ĐỒNG", "171/SKHCN-CĐS")


def test_a_position_wrapped_over_two_lines_is_joined():
    from kehoach.blocks import Paragraph
    from kehoach.plan.header import Line
    from kehoach.plan.signature import read_signature

    texts = ["Nói nhân:", "- Như trên;", "KT. GIÁM ĐỐC", "PHÓ GIÁM", "ĐỐC", "Hoàng Văn Thuân"]
    signer, recipients = read_signature([Line(t, i, Paragraph(text=t)) for i, t in enumerate(texts)])
    assert (signer.position, signer.name, recipients) == ("PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân", ["Như trên"])
    texts = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "SỞ Y", "Nguyễn Văn A"]  # a complete office: nothing joined
    signer, _ = read_signature([Line(t, i, Paragraph(text=t)) for i, t in enumerate(texts)])
    assert signer.position == "CHỦ TỊCH"


CV_3036 = REALDOCS / "laocai-sct_CV-3036_2026_v-v-KH-kiem-tra-nghiem-thu.pdf"


@needs(CV_3036)
def test_real_wrapped_position():
    h = parse(CV_3036).header
    assert (h.signer.position, h.signer.name) == ("PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân")
    assert "Như trên" in h.recipients
