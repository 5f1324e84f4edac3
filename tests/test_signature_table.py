"""A web copy keeps the borderless recipients/signature table as a Markdown table, and a flattened
signature cell puts the position and the name on one line ("CHỦ TỊCH Hoàng Quốc Khánh")."""

from __future__ import annotations

from kehoach import api

PLAN = """KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024

I. MỤC ĐÍCH

Nâng cao nhận thức.

II. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ

Theo dõi, đôn đốc thực hiện Kế hoạch này./.

| Nơi nhận: - Bộ Nội vụ; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An |
|---|---|
"""


def test_the_signature_table_gives_the_signer_and_is_not_an_appendix():
    plan = api.parse_text(PLAN)
    signer = plan.header.signer
    assert (signer.position, signer.name) == ("PHÓ CHỦ TỊCH", "Nguyễn Văn An")
    assert signer.authority == "KT. CHỦ TỊCH"
    assert plan.appendices == []
    assert [t.origin for t in plan.tasks] == ["assignment"]


def test_position_and_name_on_one_line():
    plan = api.parse_text(PLAN.replace("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An", "CHỦ TỊCH Hoàng Quốc Khánh"))
    assert (plan.header.signer.position, plan.header.signer.name) == ("CHỦ TỊCH", "Hoàng Quốc Khánh")
