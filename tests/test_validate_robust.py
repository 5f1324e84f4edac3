"""No rule may crash, whatever a parsed plan looks like (a crash would surface as an
`internal-error` finding and hide that rule's findings)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach import api
from kehoach.validate import Config, validate

LINES = [
    "KẾ HOẠCH",
    "Tuyên truyền cải cách hành chính năm 2024",
    "Số: /KH-UBND",
    "Số: 5/QĐ-UBND",
    "Số:",
    "Lộc Hà, ngày tháng 02 năm 2024",
    "Hà Nội, ngày 31 tháng 02 năm 2024",
    "ngày 7 tháng 1 năm 2024",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "II. NỘI DUNG",
    "III. TỔ CHỨC THỰC HIỆN",
    "III.",
    "1.",
    "a)",
    "f) Tổ chức đối thoại",
    "đ) Tuyên truyền",
    "1.1. Mục tiêu",
    "- Thời gian thực hiện: Thường xuyên.",
    "Nơi nhận:",
    "- Lưu: VT, VHTT.",
    "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH",
    "PHỤ LỤC",
    "PHỤ LỤC II",
    "DANH MỤC",
    "(Kèm theo Kế hoạch số /KH-UBND ngày / /2024 của UBND huyện)",
    "(Có Phụ lục kèm theo)",
    "Kính gửi: UBND tỉnh",
    "Căn cứ Quyết định số 07/KH-UBND ngày 31/02/2024 của UBND tỉnh; Nghị quyết số 18-NQ/TW, ngày 25/10/2017.",
    "STT\tNhiệm vụ\tĐơn vị chủ trì\tCơ quan phối hợp\tThời gian thực hiện",
    "I\tPHÒNG NỘI VỤ\t\t\t",
    "1\tKế hoạch tuyên truyền năm 2024\tPhòng Nội vụ\tVăn phòng HDND và huyện\tQuý I/2023",
    "1\tBáo cáo kết quả\t\tVăn phòng HĐND và UBND huyện\t",
    "\t\tthao huyện\t\t",
    "- Bảo đảm công khai, minh bạch các thông tin về thủ tục hành chính nhằm tạo điều kiện cho cá nhân, tổ chức tiếp cận.",
    "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
    "Văn hoá và Thông tin",
    "| a | b |",
    "| --- | --- |",
    "**II. NỘI DUNG**",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), min_size=1, max_size=40),
    st.sampled_from(["\n", "\n\n"]),
)
def test_no_rule_crashes(lines, sep):
    text = sep.join(lines)
    if not text.strip():
        return
    try:
        plan = api.parse_text(text, name="fuzz.txt")
    except Exception:  # the parser's own robustness is tested elsewhere
        return
    for lang in ("vi", "en"):
        found = validate(plan, Config(lang=lang))
        assert not [f for f in found if f.rule == "internal-error"], [
            f.message for f in found if f.rule == "internal-error"
        ]
