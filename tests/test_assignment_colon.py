"""The colon after a unit's duty phrase stays in the assignment's content (issue 11).

"3.3. Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng: Phối hợp với …" names the
unit, then what it does: the content keeps the text as written, colon included (a duty that
follows the unit's name in one sentence is the whole sentence, from its start).
"""

from __future__ import annotations

import pytest

from conftest import REALDOCS, missing
from kehoach import api
from kehoach.parsers import doc as doc_parser
from kehoach.plan.duty_text import assignment_unit

FRAGMENT = """KẾ HOẠCH
Phòng, chống ma túy năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả công tác phòng, chống ma túy.
II. TỔ CHỨC THỰC HIỆN
1. Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng: Phối hợp với chính quyền địa phương khu vực biên giới tuyên truyền, vận động Nhân dân.
2. Sở Y tế: Hướng dẫn các cơ sở cai nghiện ma túy.
3. Cục Biến đổi khí hậu có trách nhiệm:
- Chủ trì xây dựng báo cáo.
"""


def test_duty_phrase_keeps_its_colon():
    assert assignment_unit("Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng: Phối hợp với xã", False) == (
        "Bộ Chỉ huy quân sự tỉnh",
        "Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng: Phối hợp với xã",
    )
    assert assignment_unit("Sở Y tế: Hướng dẫn các cơ sở", False) == ("Sở Y tế", "Hướng dẫn các cơ sở")
    assert assignment_unit("Cục Biến đổi khí hậu có trách nhiệm:", True) == (
        "Cục Biến đổi khí hậu",
        "Cục Biến đổi khí hậu có trách nhiệm:",
    )


def test_fragment_assignments_read_as_written():
    tasks = {t.lead[0].name: t.content for t in api.parse_text(FRAGMENT).tasks if t.origin == "assignment"}
    assert tasks["Bộ Chỉ huy quân sự tỉnh"] == (
        "Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng: Phối hợp với chính quyền địa "
        "phương khu vực biên giới tuyên truyền, vận động Nhân dân."
    )
    assert tasks["Sở Y tế"] == "Hướng dẫn các cơ sở cai nghiện ma túy."
    assert tasks["Cục Biến đổi khí hậu"] == "Cục Biến đổi khí hậu có trách nhiệm: Chủ trì xây dựng báo cáo."


KMT = REALDOCS / "lamdong-ubnd_KH-khong-ma-tuy-2026_TTr196.doc"


@pytest.mark.skipif(doc_parser.soffice_binary() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(not KMT.exists(), reason=missing(REALDOCS))
def test_real_doc_assignment_keeps_the_colon_after_the_unit():
    plan = api.parse(KMT)
    (task,) = [t for t in plan.tasks if "Bộ đội Biên phòng" in t.content and "Phối hợp với cấp ủy" in t.content]
    assert "Bộ đội Biên phòng: Phối hợp với cấp ủy" in task.content
    assert [u.name for u in task.lead] == ["Bộ Chỉ huy quân sự tỉnh"]
