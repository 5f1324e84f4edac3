"""Which documents are plans, and which give tasks: the policy, in one place.

- A **Kế hoạch** is a plan; so is the plan a Quyết định, Nghị quyết or Tờ trình carries
  (its own "KẾ HOẠCH" header after the carrier's signature; the carrier is kept as ``wrapper``)
  when the carrier announces it ("Ban hành Kế hoạch …" in its title or an article). A "KẾ
  HOẠCH" quoted inside another document (a form in a QĐ công bố thủ tục) is not carried.
- A **Chương trình**, **Phương án** or **Đề án** is not a Kế hoạch (``is_plan`` false) but its
  body is a plan's: its tasks are kept, and a ``not-a-plan`` diagnostic says the type. A
  Chương trình that is the running order of one event (Hội nghị, Lễ …) is an agenda: no tasks.
- A **Quyết định / Nghị quyết** that approves a plan in its articles ("Phê duyệt Kế hoạch …")
  keeps its tasks the same way; one that announces no plan gives none.
- A **Báo cáo, Công văn, Thông báo, Tờ trình, Hướng dẫn, Chỉ thị** … without an attached plan
  is not a plan: ``is_plan`` false, no tasks, whatever in it reads like a duty.
- A document of **no recognisable type** gives tasks only with a plan's evidence: tasks of
  its own (labelled fields, a task table), an administrative header (number, date line,
  Quốc hiệu) above its assignments, or the plan's own preamble ("… xây dựng Kế hoạch … cụ thể
  như sau:", a body copied without its header). A speech (tham luận) restating a plan's goals
  has none of these.
"""

from __future__ import annotations

from .. import fastre as re
from ..blocks import Paragraph
from ..models import Header, Task
from ..vntext import clean, fold
from .diagnostics import report


def plan_policy(
    doc_type: str,
    header: Header,
    sections: list,
    tasks: list[Task],
    body: list[tuple[int, Paragraph]],
    front: list[tuple[int, Paragraph]] | None = None,
) -> list[Task]:
    """The tasks the document gives (all, or none); says why in a ``not-a-plan`` diagnostic
    when the document is not a Kế hoạch."""
    title = header.title or ""
    if doc_type == "ke_hoach":
        return tasks
    if doc_type == "chuong_trinh" and _is_agenda(title):
        report("not-a-plan", "the document is the programme of an event (an agenda); no tasks are read", excerpt=title)
        return []
    if doc_type == "unknown" and (
        _plan_evidence(header, sections, tasks) or (tasks and _plan_preamble(header, [*(front or []), *body]))
    ):
        return tasks  # a plan whose type line was lost (a fragment, a damaged copy, a body copied alone)
    if doc_type in PLAN_LIKE or (doc_type in CARRIERS and announces_plan(title, body)):
        # a Chương trình, Phương án, Đề án, or a QĐ approving a plan in its articles: the tasks
        # are kept, the type is said
        report(
            "not-a-plan",
            f"the document is not a Kế hoạch (document type: {doc_type}); its tasks are read as a plan's",
            excerpt=title,
        )
        return tasks
    # a Báo cáo, Công văn, Thông báo, Tờ trình or Hướng dẫn without an attached plan, a QĐ that
    # announces none, or a text of no known type and no plan's evidence: what reads like a duty
    # in it is not a task of a plan
    report(
        "not-a-plan", f"the document is not a Kế hoạch (document type: {doc_type}); no tasks are read", excerpt=title
    )
    return []


# types whose body is a plan's (tasks, leads, deadlines) under another name
PLAN_LIKE = {"chuong_trinh", "phuong_an", "de_an"}
# types that carry a plan in their articles or attached, when they say they issue or approve one
CARRIERS = {"quyet_dinh", "nghi_quyet"}
_ANNOUNCES = re.compile(r"\b(?:ke hoach|chuong trinh|phuong an|de an)\b")
# "Điều 1. Ban hành Kế hoạch …", "Ban hành kèm theo Quyết định này Kế hoạch …", "Phê duyệt Chương trình …"
# (a bare "Ban hành Kế hoạch …" is also the name of a procedure in a list of thủ tục)
_ISSUES_PLAN = re.compile(
    r"^(?:dieu \d+\s*[.:]?\s*(?:ban hanh|phe duyet)|ban hanh kem theo|phe duyet)\b"
    r".{0,80}?\b(?:ke hoach|chuong trinh|phuong an|de an)\b"
)


def announces_plan(title: str | None, paras: list[tuple[int, Paragraph]]) -> bool:
    """A Quyết định / Nghị quyết / Tờ trình that issues or approves a plan: its title names one
    ("Ban hành Kế hoạch …", "Phê duyệt Chương trình …") or an article does ("Ban hành kèm theo
    Quyết định này Kế hoạch …"). A plan cited in a "Căn cứ" line is not announced."""
    if title and _ANNOUNCES.search(fold(clean(title))):
        return True
    return any(_ISSUES_PLAN.match(fold(clean(p.text))) for _, p in paras)


def _plan_evidence(header: Header, sections: list, tasks: list[Task]) -> bool:
    """A document whose type line was not recognised is still read as a plan when it is an
    administrative text (a header fact or a section of a plan's kinds) with a plan's own tasks
    (labelled fields, a task table), or with an administrative header (number, date line,
    Quốc hiệu) above its assignments. A speech restating a plan's goals has neither; a README
    with one "Đơn vị chủ trì:" line is no administrative text."""
    administrative = bool(
        header.number
        or header.number_raw
        or header.motto
        or header.issuer
        or header.date_raw
        or header.signer.authority
        or any(k != "other" for s in sections for k in s.kinds)
    )
    if not administrative or not tasks:
        return False
    if any(t.origin in ("body", "appendix") for t in tasks):
        return True
    return bool(header.number or header.number_raw or header.date_raw or header.motto)


# "Trường THPT X xây dựng Kế hoạch … cụ thể như sau:", "Đại học Y ban hành Kế hoạch “…” … như sau:": the
# preamble in which the issuer says it makes this plan (not "đã ban hành Kế hoạch số …", a plan it cites)
_PREAMBLE = re.compile(
    r"(?<!\bda )\b(?:xay dung|ban hanh)\s+ke hoach\b(?!\s+so\b).{0,600}?"
    r"\b(?:nhu sau|(?:nhung|cac) noi dung sau)\s*:?\s*$"
)


def _plan_preamble(header: Header, paras: list[tuple[int, Paragraph]]) -> bool:
    """A text of no recognisable type that opens with the plan's own preamble ("… xây dựng Kế hoạch …
    cụ thể như sau:", read with the căn cứ lines or as the body's first paragraphs): the body of a Kế
    hoạch copied without its header and title."""
    texts = [*header.legal_basis, *(p.text for _, p in paras[:60])]
    return any(_PREAMBLE.search(fold(clean(t))) for t in texts)


# the event a Chương trình is the running order of (matched without tone marks)
_EVENT = re.compile(
    r"^(?:hoi nghi|hoi thao|toa dam|dien dan|le|dai hoi|ky hop|phien hop|cuoc hop|buoi lam viec|"
    r"gap mat|giao luu|tap huan|hop bao)\b"
)


def _is_agenda(title: str | None) -> bool:
    """A Chương trình whose subject is one event ("Hội nghị triển khai …", "Lễ kỷ niệm …")."""
    if not title:
        return False
    return bool(_EVENT.match(fold(clean(title)).strip(" *")))
