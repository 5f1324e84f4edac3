"""Structure: the parts every plan has, and its appendices (the `structure` rule family).

A plan states its purpose (Mục đích, yêu cầu), its content (Nội dung / Nhiệm vụ) and who
does what (Tổ chức thực hiện). An appendix the body announces must be there, and its
"(Kèm theo Kế hoạch số … ngày …)" line must carry the plan's own number and date.

`parts` checks the three parts (KH301), `appendices` that the appendices are there,
referred to and numbered (KH302, KH305, KH306), `attachment` their "kèm theo" line (KH303),
`document_kind` says when the document is not a plan at all (KH304).
"""
