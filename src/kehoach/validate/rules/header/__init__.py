"""Header and signature (Nghị định 30/2020, Điều 8 and Phụ lục I): the `header` rule family.

A plan opens with the national motto, the issuing body, "Số: 20/KH-UBND", the place-date
line "Quế Sơn, ngày 18 tháng 02 năm 2021", the type line "KẾ HOẠCH" and its title; it closes
with the signer and the "Nơi nhận:" list ending "- Lưu: VT, …". These rules read the parsed
header and fall back on the document's own lines, so a header the parser could not place
is not reported missing.

`lines` recognises those lines, `components` checks that they are there (KH401-KH403) and
that a plan has no "Kính gửi:" (KH407), `number_date` how the number and the date are
written (KH404-KH406).
"""
