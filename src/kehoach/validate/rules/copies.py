"""Copies from other plans: `kehoach validate --against OTHER…` (index and matching in
`validate/copies.py`, the same units and verdicts as the duplicate rule)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..registry import rule
from ..util import describe_range

if TYPE_CHECKING:  # pragma: no cover
    from ...models import Finding, Plan, Severity
    from ..copies import Index, PlanUnits, Run
    from ..registry import Rule

MESSAGES = {
    "run": {
        "vi": "{n} đoạn/nhiệm vụ liên tiếp ({copy}) chép từ {file} ({original})",
        "en": "{n} consecutive paragraphs/tasks ({copy}) are copied from {file} ({original})",
    },
    "one": {
        "vi": "đoạn văn chép nguyên văn từ {file} ({original})",
        "en": "this paragraph is copied word for word from {file} ({original})",
    },
    "stale": {
        "vi": "{n} đoạn/nhiệm vụ ({copy}) chép từ {file} ({original}) còn giữ năm {years} của kế hoạch đó",
        "en": "{n} paragraph(s)/task(s) ({copy}) copied from {file} ({original}) still carry its year {years}",
    },
}


def findings(rule_obj: Rule, query: PlanUnits, index: Index, config: Config) -> list[Finding]:
    """The findings of one plan's units against the index (used by the rule and by `validate`)."""
    from ..copies import runs, sharp, stale_years

    out: list[Finding] = []
    for run in runs(index.matches(query)):
        original = index.plans[run.plan]
        stale = stale_years(query, original, run)
        if not stale and not sharp(run, query):
            continue
        out.append(_finding(rule_obj, query, original, run, stale, config))
    return out


def _finding(
    rule_obj: Rule, query: PlanUnits, original: PlanUnits, run: Run, stale: list[int], config: Config
) -> Finding:
    lang = config.lang
    first, last = run.pairs[0], run.pairs[-1]
    c0, c1 = query.units[first.i], query.units[last.i]
    o0, o1 = original.units[first.j], original.units[last.j]
    copy, orig = describe_range(c0.location, c1.location, lang), describe_range(o0.location, o1.location, lang)
    severity: Severity | None
    if stale:
        texts, fmt, severity = MESSAGES["stale"], {"years": ", ".join(map(str, stale))}, "error"
    elif run.n > 1:
        texts, fmt, severity = MESSAGES["run"], {}, None
    else:
        texts, fmt, severity = MESSAGES["one"], {}, None
    related: list[dict] = [
        {
            "role": "original",
            "file": original.name,
            "start": o0.location.model_dump(exclude_none=True),
            "end": o1.location.model_dump(exclude_none=True),
            "units": run.n,
            "range": orig,
        },
        {
            "role": "copy",
            "file": query.name,
            "start": c0.location.model_dump(exclude_none=True),
            "end": c1.location.model_dump(exclude_none=True),
            "units": run.n,
            "range": copy,
        },
    ]
    for m in run.pairs:
        mine, theirs = query.units[m.i], original.units[m.j]
        related.append(
            {
                "role": mine.kind,
                "match": m.kind,
                "similarity": round(m.ratio, 3),
                "excerpt": mine.excerpt,
                "location": mine.location.model_dump(exclude_none=True),
                "original_excerpt": theirs.excerpt,
                "original_file": original.name,
                "original_location": theirs.location.model_dump(exclude_none=True),
            }
        )
    return rule_obj.finding(
        config,
        texts,
        location=c0.location,
        excerpt=c0.excerpt,
        related=related,
        severity=severity,
        n=run.n,
        copy=copy,
        file=Path(original.name).name,
        original=orig,
        **fmt,
    )


@rule(
    "copied-from-other-plan",
    "KH103",
    "warning",
    summary={
        "vi": "đoạn văn hoặc nhiệm vụ chép từ một kế hoạch khác (validate --against)",
        "en": "paragraphs or tasks copied from another plan (validate --against)",
    },
    doc_vi="""copied-from-other-plan (KH103, cảnh báo): đoạn văn, nhiệm vụ chép (gần) nguyên văn từ một kế hoạch khác.

      Chỉ chạy khi có `kehoach validate FILE --against KHÁC` (KHÁC là tệp hoặc thư mục, dùng được
      nhiều lần). Kế hoạch cấp huyện dán nguyên văn kế hoạch của tỉnh, kế hoạch năm 2026 chép kế
      hoạch năm 2025: mỗi chuỗi đoạn văn (hoặc hàng nhiệm vụ trong bảng) liên tiếp được chép được báo
      một lần, kèm vị trí ở cả hai tệp và trích đoạn từng cặp trong `related`. Đoạn văn được so sánh
      như quy tắc duplicate-paragraph (bỏ qua khoảng trắng, dấu thanh hoà/hòa, chữ hoa, ký hiệu đầu
      dòng; nguyên văn, nằm trọn trong đoạn khác, hoặc giống từ 90 %); một câu đơn lẻ dùng chung
      giữa hai kế hoạch thường là câu công thức nên chỉ được báo khi dài (từ 180 ký tự) và trùng
      nguyên văn. Bản chép còn giữ năm của kế hoạch cũ (thời hạn "trước 30/6/2025" trong kế hoạch năm
      2026) được báo ở mức lỗi (`error`). Chỉ mục dùng dấu vân tay winnowing của các cụm 4 từ: một
      thư mục 1.000 kế hoạch được tra trong vài giây.
      """,
)
def copied_from_other_plan(plan: Plan, config: Config) -> Iterator[Finding]:
    """copied-from-other-plan (KH103, warning): paragraphs or tasks copied verbatim or nearly from another plan.

    Runs only with `kehoach validate FILE --against OTHER` (OTHER: files or folders, the
    option repeats). A district plan pasting the province's text, a 2026 plan copied from the
    2025 one: each run of consecutive copied paragraphs (or table task rows) is reported
    once, with its place in both files and each pair's excerpts in `related`. Paragraphs are
    compared as by duplicate-paragraph (whitespace, tone placement, case and list markers
    ignored; exact, contained in another, or ≥ 90 % similar); a single sentence shared by two
    plans is often the genre's formula, so it is reported only when long (180 characters or
    more) and copied exactly. A copy still carrying the other plan's year (a deadline "trước
    30/6/2025" in a 2026 plan) is an `error`. The index keeps winnowed fingerprints of 4-word
    shingles: a folder of 1,000 plans is checked in seconds.

    In the fragments, the other plan comes first, then a line `----`, then the plan checked.

    PASS (against)::

        KẾ HOẠCH
        Cải cách hành chính năm 2025
        - Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai, xây dựng, đầu tư.
        - Hoàn thành số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trước ngày 30/6/2025.
        ----
        KẾ HOẠCH
        Tuyên truyền phòng, chống ma túy năm 2026
        - Tổ chức tuyên truyền về tác hại của ma túy tại các trường học, khu dân cư trên địa bàn.
        - Hoàn thành việc lập hồ sơ quản lý người sử dụng trái phép chất ma túy trước ngày 30/6/2026.

    FAIL (against)::

        KẾ HOẠCH
        Cải cách hành chính năm 2025
        - Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai, xây dựng, đầu tư.
        - Hoàn thành số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trước ngày 30/6/2025.
        ----
        KẾ HOẠCH
        Cải cách hành chính năm 2026
        - Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai, xây dựng, đầu tư.
        - Hoàn thành số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trước ngày 30/6/2025.
    """
    index = getattr(config, "against", None)
    if index is None or not len(index):
        return
    from ..copies import plan_units

    path = plan.source.path or ""
    query = plan_units(plan, path, str(Path(path).resolve()) if path else "")
    yield from findings(copied_from_other_plan, query, index, config)
