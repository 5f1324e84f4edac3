"""When a task falls due, from its normalised timeline (plan/timeline.py).

- a deadline, a date, a month, a quarter, a half year, a year, a period, ongoing work: once,
  on the timeline's last day (its first when it has no end);
- a recurring task ("01 lần/quý", "hằng tháng"): once per period between the timeline's
  start and end, on the period's last day (a week: the seventh day from the start; a day:
  every day), the last one on the end;
- an event ("theo chỉ đạo"), or a timeline without dates: never (nothing to put on a calendar).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _period_ends(start: date, end: date, per: str) -> Iterator[date]:
    """The last day of each period from `start` to `end` (the last one cut at `end`)."""
    if per == "day":
        day = start
        while day <= end:
            yield day
            day += timedelta(days=1)
        return
    if per == "week":
        day = start + timedelta(days=6)
        while day < end:
            yield day
            day += timedelta(days=7)
        yield end
        return
    months = {"month": 1, "quarter": 3, "year": 12}[per]
    year, month = start.year, start.month
    month = ((month - 1) // months + 1) * months  # the month closing start's period
    while True:
        last = date(year, month, calendar.monthrange(year, month)[1])
        if last >= end:
            yield end
            return
        yield last
        month += months
        if month > 12:
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1


def occurrences(timeline: dict[str, Any] | None, since: date | None = None, until: date | None = None) -> list[date]:
    """The days a task with this timeline (as `parse` writes it) falls due, within
    [since, until] when given."""
    if not timeline:
        return []
    start, end = _day(timeline.get("start")), _day(timeline.get("end"))
    kind = timeline.get("kind")
    per = (timeline.get("recurrence") or {}).get("per")
    if kind == "event" or (start is None and end is None):
        return []
    if kind == "recurring" and per and start and end and start <= end:
        lo = max(start, since) if since else start
        days = _period_ends(start, end, per) if per != "day" else _period_ends(lo, end, per)
        out = []
        for day in days:
            if until and day > until:
                break
            if since is None or day >= since:
                out.append(day)
        return out
    only = end or start
    assert only is not None  # one of them is set (returned above otherwise)
    if (since and only < since) or (until and only > until):
        return []
    return [only]
