"""References to other documents: "Quyết định số 1879/QĐ-UBND ngày 25/12/2023 của …" (the
`references` rule family).

The type word before the number must agree with the type code inside it (Nghị định 30,
Phụ lục III: QĐ Quyết định, KH Kế hoạch, NQ Nghị quyết, CT Chỉ thị …); its date must exist
and cannot be later than the plan that cites it.

`type_codes` checks the type word against the code (KH501), `dates` the cited dates
(KH502-KH504).
"""
