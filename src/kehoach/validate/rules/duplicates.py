"""Duplicated paragraphs: text pasted twice while drafting.

Paragraphs are compared after normalising whitespace, NFC, tone placement (hoà = hòa), case
and a leading list marker. Three kinds of match: exact; contained (a paragraph wholly inside a
longer one, as when a page-broken sentence was pasted twice); near (≥ 90 % similar). A
repeated run of consecutive paragraphs is ONE finding whose `related` holds both ranges and
every paragraph's excerpt. Short lines, headings and labelled fields ("- Thời gian thực hiện:
Thường xuyên.") can be part of a run but never make a finding on their own; table cells are
not paragraphs and are never compared.

What repeats by design is not a pasted block: a task's labelled fields ("- Đơn vị chủ trì: …",
however long), a heading with text under it (a unit or an objective named again over other
duties), a sentence used as a formula in three or more places ("Triển khai nhiệm vụ được
giao chủ trì tại Phụ lục của Kế hoạch."), a copy edited in at least half of its paragraphs
(the same criteria adapted to another audience), and an appendix restating the body (a
checklist appendix) — the last is still reported, at `info`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

import regex as re

from ...blocks import Paragraph
from ...models import Finding, Location, Plan, Severity
from ...plan.prose import FIELD_RE as _TASK_FIELD  # the parser's own task-field labels (one list)
from ...vntext import is_upper_title, key
from ..config import Config
from ..registry import Rule, rule
from ..util import describe, describe_range, excerpt, location, paragraphs

MIN_CHARS = 60  # a paragraph shorter than this (normalised) is "short"
MIN_WORDS = 8
FORMULA_COPIES = 3  # a sentence found in this many places is a formula, not a pasted copy
FORMULA_CHARS = 160  # … when it is one sentence, not a long paragraph
NEAR = 0.90  # SequenceMatcher ratio for a near-duplicate
RELATED_EXCERPT = 160

MESSAGES = {
    "run": {
        "vi": "{n} đoạn liên tiếp ({repeat}) lặp lại {n} đoạn ở {original}",
        "en": "a run of {n} paragraphs ({repeat}) repeats the {n} paragraphs at {original}",
    },
    "exact": {
        "vi": "đoạn văn lặp lại nguyên văn đoạn ở {original}",
        "en": "this paragraph repeats the one at {original} word for word",
    },
    "contained": {
        "vi": "đoạn văn nằm trọn trong đoạn dài hơn ở {original}",
        "en": "this paragraph is wholly contained in the longer one at {original}",
    },
    "contains": {
        "vi": "đoạn văn chứa trọn đoạn ở {original}",
        "en": "this paragraph wholly contains the one at {original}",
    },
    "near": {
        "vi": "đoạn văn gần giống đoạn ở {original} (giống {pct}%)",
        "en": "this paragraph is nearly the same as the one at {original} ({pct}% similar)",
    },
}

_MARKER = re.compile(r"^(?:[-+*•–]|\(?\d{1,3}[.)]|[a-zđ]\)|[ivxlc]{1,6}[.)])\s+")
_FIELD = re.compile(r"^(?:[-+*•–]\s*)?([^:\d]{2,45}):\s*(.*)$")


@dataclass
class _Para:
    block: int
    para: Paragraph
    key: str
    strong: bool  # long enough to be reported on its own
    tokens: frozenset[str]
    appendix: bool = False  # after the start of the first appendix

    @property
    def loc(self) -> Location:
        return location(self.para.prov, self.block)


def _dkey(text: str) -> str:
    k = key(text)
    return _MARKER.sub("", k, count=1).strip()


_ATTACHED = re.compile(r"^\(?\s*(?:ban\s+hành\s+)?kèm\s+theo\b", re.I)


def _is_strong(text: str, k: str, title: str = "") -> bool:
    if len(k) < MIN_CHARS or len(k.split()) < MIN_WORDS:
        return False
    if is_upper_title(text) or _ATTACHED.match(text):
        return False  # headings; "(Kèm theo Kế hoạch số …)" under every appendix
    if title and (k in title or title in k):
        return False  # the plan's title restated in its opening sentence
    if _is_task_field(text):
        return False  # "- Đơn vị chủ trì: Đồng chí Phó Chủ tịch …" is shared by many tasks
    field = _FIELD.match(text)
    # "- Cơ quan thực hiện: …" repeats by design
    return not (field and len(field.group(1).split()) <= 6 and len(_dkey(field.group(2))) < 100)


def _is_task_field(text: str) -> bool:
    """A task's labelled field (lead, support, time, products, funding), not its "Nội dung: …"."""
    m = _TASK_FIELD.match(text)
    return bool(m and not m.group("content"))


def _heading_blocks(plan: Plan) -> set[int]:
    """Blocks holding the title of a section that has text or sub-sections under it: a heading
    restating an objective ("2. Thông tin tuyên truyền …" under Nội dung) names a part, it is
    not a pasted paragraph. A point that is one sentence with nothing under it stays a paragraph."""
    out: set[int] = set()
    stack = list(plan.sections)
    while stack:
        sec = stack.pop()
        stack.extend(sec.children)
        if (sec.children or sec.text) and sec.location and sec.location.block is not None:
            out.add(sec.location.block)
    return out


def _candidates(plan: Plan) -> list[_Para]:
    title = _dkey(plan.header.title or "")
    headings = _heading_blocks(plan)
    out = []
    for block, para in paragraphs(plan, layout=False):
        if para.role == "footnote":
            continue
        k = _dkey(para.text)
        if not k:
            continue
        strong = block not in headings and _is_strong(para.text, k, title)
        out.append(_Para(block, para, k, strong, frozenset(re.findall(r"\w+", k))))
    _running_heads(out)
    copies: dict[str, int] = {}
    for p in out:
        copies[p.key] = copies.get(p.key, 0) + 1
    for p in out:
        if copies[p.key] >= FORMULA_COPIES and len(p.key) < FORMULA_CHARS:
            p.strong = False
    start = _appendix_start(plan)
    for p in out:
        p.appendix = start is not None and p.block >= start
    return out


_APPENDIX_TITLE = re.compile(r"^(?:phụ\s+lục|danh\s+mục)\b", re.I)


def _appendix_start(plan: Plan) -> int | None:
    """Block index where the appendices begin (their own location, or a PHỤ LỤC / DANH MỤC title)."""
    starts = [a.location.block for a in plan.appendices if a.location and a.location.block is not None]
    for block, para in paragraphs(plan):
        first = para.lines[0] if para.lines else para.text
        if _APPENDIX_TITLE.match(first) and is_upper_title(first):
            starts.append(block)
            break
    return min(starts) if starts else None


def _running_heads(paras: list[_Para]) -> None:
    """A text repeated at the top or bottom of several pages is a running header, not a copy."""
    by_key: dict[str, list[_Para]] = {}
    for p in paras:
        if p.para.prov.page and p.para.prov.line is not None and p.para.prov.source in ("pdf", "ocr"):
            by_key.setdefault(p.key, []).append(p)
    for same in by_key.values():
        pages = {p.para.prov.page for p in same}
        if len(pages) >= 2 and all((p.para.prov.line or 99) <= 3 for p in same):
            for p in same:
                p.strong = False


class _Comparable(Protocol):
    """What `_match` reads: a paragraph here, a `copies.Unit` of another plan there."""

    @property
    def key(self) -> str: ...
    @property
    def strong(self) -> bool: ...
    @property
    def tokens(self) -> frozenset[str]: ...


def _match(a: _Comparable, b: _Comparable) -> tuple[str, float] | None:
    """How paragraph b repeats paragraph a: exact, contained, contains, near — or None."""
    if a.key == b.key:
        return "exact", 1.0
    if not (a.strong and b.strong):
        return None
    short, long_ = (a, b) if len(a.key) <= len(b.key) else (b, a)
    if short.tokens <= long_.tokens and short.key in long_.key:
        return ("contained" if short is b else "contains"), len(short.key) / len(long_.key)
    union = len(a.tokens | b.tokens)
    if not union or len(a.tokens & b.tokens) / union < 0.75:
        return None
    if min(len(a.key), len(b.key)) / max(len(a.key), len(b.key)) < 0.8:
        return None
    matcher = difflib.SequenceMatcher(None, a.key, b.key, autojunk=False)
    if matcher.real_quick_ratio() < NEAR or matcher.quick_ratio() < NEAR:
        return None  # cheap upper bounds first
    ratio = matcher.ratio()
    return ("near", ratio) if ratio >= NEAR else None


def _candidate_pairs(paras: list[_Para]) -> set[tuple[int, int]]:
    """Pairs of strong paragraphs that may be contained or near copies, without comparing all
    pairs: word-bigram prefix filtering (two texts ≥ 90 % alike share at least half their
    bigrams, so they share one of the rarer half) and, for containment, the shorter text's
    rarest inner bigram."""
    strong = [k for k, p in enumerate(paras) if p.strong]
    grams: dict[int, list[tuple[str, str]]] = {}
    df: dict[tuple[str, str], int] = {}
    index: dict[tuple[str, str], list[int]] = {}
    for k in strong:
        words = paras[k].key.split()
        g = list(dict.fromkeys(pairwise(words)))
        grams[k] = g
        for bigram in g:
            df[bigram] = df.get(bigram, 0) + 1
            index.setdefault(bigram, []).append(k)
    pairs: set[tuple[int, int]] = set()
    prefix_index: dict[tuple[str, str], list[int]] = {}
    for k in strong:
        ordered = sorted(grams[k], key=lambda b: (df[b], b))
        size = len(ordered) - -(-len(ordered) // 2) + 1  # |A| - ceil(|A|/2) + 1
        for bigram in ordered[:size]:
            for other in prefix_index.get(bigram, []):
                pairs.add((other, k))
            prefix_index.setdefault(bigram, []).append(k)
        inner = grams[k][1:-1] or grams[k]  # a substring may cut its end words
        if inner:
            rarest = min(inner, key=lambda b: (df[b], b))
            for other in index[rarest]:
                if other != k and len(paras[other].key) > len(paras[k].key):
                    pairs.add((min(other, k), max(other, k)))
    return pairs


@dataclass
class Repeat:
    """Paragraphs [i, i+n) of the candidates repeated at [j, j+n)."""

    i: int
    j: int
    pairs: list[tuple[str, float]]

    @property
    def n(self) -> int:
        return len(self.pairs)


_last: tuple[object, object, tuple] | None = None  # (document, title, result): both rules share one pass


def find_repeats(plan: Plan) -> tuple[list[_Para], list[Repeat]]:
    """Every repeat run, computed once per document for the two duplicate rules."""
    global _last
    doc = plan.document
    if doc is not None and _last is not None and _last[0] is doc and _last[1] == plan.header.title:
        return _last[2]
    result = _find_repeats(plan)
    _last = (doc, plan.header.title, result) if doc is not None else None
    return result


def _find_repeats(plan: Plan) -> tuple[list[_Para], list[Repeat]]:
    """Every maximal run of matching paragraph pairs that holds at least one strong pair."""
    paras = _candidates(plan)
    matches: dict[tuple[int, int], tuple[str, float]] = {}
    by_key: dict[str, list[int]] = {}
    for j, p in enumerate(paras):
        for i in by_key.get(p.key, []):
            matches[(i, j)] = ("exact", 1.0)
        by_key.setdefault(p.key, []).append(j)
    for i, j in sorted(_candidate_pairs(paras)):
        if (i, j) not in matches:
            found = _match(paras[i], paras[j])
            if found:
                matches[(i, j)] = found
    runs: list[Repeat] = []
    used: set[tuple[int, int]] = set()
    for i, j in sorted(matches):
        if (i, j) in used:
            continue
        pairs = []
        k = 0
        while (i + k, j + k) in matches and i + k < j:
            used.add((i + k, j + k))
            pairs.append(matches[(i + k, j + k)])
            k += 1
        if any(paras[i + t].strong and paras[j + t].strong for t in range(len(pairs))):
            runs.append(Repeat(i, j, pairs))
    # a third copy: report C against A only, not again against B
    reported: set[int] = set()
    kept = []
    for run in sorted(runs, key=lambda r: (r.j, r.i)):
        repeats = set(range(run.j, run.j + run.n))
        if repeats <= reported:
            continue
        reported |= repeats
        kept.append(run)
    return paras, kept


def _verdict(paras: list[_Para], run: Repeat) -> Severity | None:
    """The severity of a `duplicate-paragraph` finding for this run, or None: `near-duplicate-paragraph`.

    A repeat inside the body is a warning; the body restated in an appendix (a checklist
    appendix, a form listing the plan's points) is reported as info; appendices restating
    each other count only as a long run.
    """
    if not _is_certain(paras, run):
        return None
    if not paras[run.j].appendix:
        return "warning"
    if not paras[run.i].appendix:
        return "info"
    return "warning" if _strong_pairs(paras, run) >= 3 else None


def _strong_pairs(paras: list[_Para], run: Repeat) -> int:
    return sum(1 for t in range(run.n) if paras[run.i + t].strong and paras[run.j + t].strong)


def _is_certain(paras: list[_Para], run: Repeat) -> bool:
    """Warn on an exact repeat, a substantial containment, or a run of three strong pairs.

    Containment of a short sentence inside a longer paragraph ("Chịu trách nhiệm trước UBND
    huyện …" reused in another duty) and near matches are common in honest drafting: alone,
    they are only `near-duplicate-paragraph` (info). So is a copy edited in at least half of
    its paragraphs: the same criteria adapted to another audience.
    """
    strong = [
        (t, kind, ratio)
        for t, (kind, ratio) in enumerate(run.pairs)
        if paras[run.i + t].strong and paras[run.j + t].strong
    ]
    edited = sum(1 for _, kind, _ in strong if kind != "exact")
    if len(strong) >= 2 and 2 * edited >= len(strong):
        return False
    if len(strong) >= 3:
        return True
    for t, kind, ratio in strong:
        if kind == "exact":
            return True
        if kind in ("contained", "contains"):
            a, b = paras[run.i + t], paras[run.j + t]
            short, long_ = (a, b) if len(a.key) <= len(b.key) else (b, a)
            inner = len(short.key)
            if ratio >= 0.5 or inner >= 200:
                return True
            if inner >= 80 and len(short.key.split()) >= 12 and _whole_clause(short.key, long_.key):
                return True
    return False


def _whole_clause(short: str, long_: str) -> bool:
    """The shorter text sits in the longer one as whole clauses: "…; <short>." — not "cùng <short>"."""
    body = short.rstrip(" .;:,")
    at = long_.find(body)
    while at >= 0:
        before = long_[:at].rstrip()
        after = long_[at + len(body) :].lstrip()
        if (not before or before[-1] in ".;:!?") and (not after or after[0] in ".;,:!?"):
            return True
        at = long_.find(body, at + 1)
    return False


def _related(paras: list[_Para], run: Repeat, lang: str) -> list[dict]:
    first, last = paras[run.i], paras[run.i + run.n - 1]
    rfirst, rlast = paras[run.j], paras[run.j + run.n - 1]
    out: list[dict] = [
        {
            "role": "original",
            "start": first.loc.model_dump(exclude_none=True),
            "end": last.loc.model_dump(exclude_none=True),
            "paragraphs": run.n,
            "range": describe_range(first.loc, last.loc, lang),
        },
        {
            "role": "repeat",
            "start": rfirst.loc.model_dump(exclude_none=True),
            "end": rlast.loc.model_dump(exclude_none=True),
            "paragraphs": run.n,
            "range": describe_range(rfirst.loc, rlast.loc, lang),
        },
    ]
    for t, (kind, ratio) in enumerate(run.pairs):
        a, b = paras[run.i + t], paras[run.j + t]
        out.append(
            {
                "role": "paragraph",
                "match": kind,
                "similarity": round(ratio, 3),
                "excerpt": excerpt(b.para.text, RELATED_EXCERPT),
                "location": b.loc.model_dump(exclude_none=True),
                "original_excerpt": excerpt(a.para.text, RELATED_EXCERPT),
                "original_location": a.loc.model_dump(exclude_none=True),
            }
        )
    return out


def _findings(rule_obj: Rule, plan: Plan, config: Config, certain: bool) -> Iterator[Finding]:
    paras, runs = find_repeats(plan)
    for run in runs:
        severity = _verdict(paras, run)
        if (severity is not None) != certain:
            continue
        a, b = paras[run.i], paras[run.j]
        orig = describe(a.loc, config.lang)
        if run.n > 1:
            texts, fmt = (
                MESSAGES["run"],
                {
                    "n": run.n,
                    "original": describe_range(a.loc, paras[run.i + run.n - 1].loc, config.lang),
                    "repeat": describe_range(b.loc, paras[run.j + run.n - 1].loc, config.lang),
                },
            )
        else:
            kind, ratio = run.pairs[0]
            texts, fmt = MESSAGES[kind], {"original": orig, "pct": round(ratio * 100)}
        yield rule_obj.finding(
            config,
            texts,
            location=b.loc,
            excerpt=excerpt(b.para.text),
            related=_related(paras, run, config.lang),
            severity="info" if severity == "info" else None,
            **fmt,
        )


@rule(
    "duplicate-paragraph",
    "KH101",
    "warning",
    plans_only=False,
    summary={
        "vi": "đoạn văn (hoặc cả một chuỗi đoạn) bị lặp lại",
        "en": "a paragraph (or a run of paragraphs) is repeated",
    },
    doc_vi="""duplicate-paragraph (KH101, cảnh báo): một đoạn văn hoặc một chuỗi đoạn văn bị lặp lại.

      Đoạn văn dài (từ 60 ký tự và 8 từ trở lên) lặp lại nguyên văn một đoạn trước đó, hoặc nằm trọn
      trong một đoạn dài hơn, thường là do một khối văn bản bị dán hai lần khi soạn thảo. Khi so
      sánh, bỏ qua khác biệt về khoảng trắng, dạng mã Unicode, vị trí đặt dấu thanh (hoà/hòa), chữ
      hoa, chữ thường và ký hiệu đầu dòng. Một chuỗi đoạn liên tiếp bị lặp (kể cả đề mục) chỉ được
      báo một lần, tại đầu bản lặp thứ hai, kèm phạm vi của cả hai bản và trích đoạn của từng đoạn
      trong `related`. Dòng ngắn, đề mục (dòng có nội dung hoặc các điểm ở dưới) và các trường có
      nhãn của nhiệm vụ ("- Thời gian thực hiện: Thường xuyên.", "- Đơn vị chủ trì: …" dù dài) được
      lặp lại theo thể thức nên không bị báo riêng; câu dùng như một công thức ở từ ba nơi trở lên
      cũng vậy. Bản sao đã được sửa ở từ một nửa số đoạn trở lên thuộc quy tắc
      near-duplicate-paragraph. Nội dung phần thân được nhắc lại trong phụ lục (danh mục kiểm tra,
      đề cương báo cáo) chỉ được báo ở mức `info`.
      """,
)
def duplicate_paragraph(plan: Plan, config: Config) -> Iterator[Finding]:
    """duplicate-paragraph (KH101, warning): a paragraph or a run of paragraphs is repeated.

    A long paragraph (at least 60 characters and 8 words) that repeats an earlier one word
    for word, or lies wholly inside a longer one, usually means a block was pasted twice
    while drafting. Comparison ignores whitespace, Unicode form, tone placement (hoà/hòa),
    case and the leading list marker. A run of consecutive repeated paragraphs (headings
    included) is reported once, at the start of the second copy, with both ranges and each
    paragraph's excerpt in `related`. Short lines, headings (a line with text or points under
    it) and a task's labelled fields ("- Thời gian thực hiện: Thường xuyên.", "- Đơn vị chủ
    trì: …" however long) repeat by design and are not reported alone, nor is a sentence used
    as a formula in three or more places. A copy edited in at least half of its paragraphs is
    near-duplicate-paragraph. The body restated in an appendix (a checklist or report outline)
    is reported as `info`.

    PASS::

        3. Chuyên trang CCHC trên Trang thông tin điện tử

        - Thời gian thực hiện: Thường xuyên trong năm 2024.

        - Cơ quan phối hợp: Phòng Nội vụ và cơ quan, đơn vị liên quan.

        4. Tuyên truyền bằng pa nô, áp phích trên địa bàn thị xã

        - Thời gian thực hiện: Thường xuyên trong năm 2024.

        - Cơ quan phối hợp: Phòng Nội vụ và cơ quan, đơn vị liên quan.

    FAIL::

        2. Yêu cầu

        - Bảo đảm công khai, minh bạch thông tin về thủ tục hành chính nhằm tạo điều kiện cho cá nhân, tổ chức tiếp cận.

        3. Đối tượng

        Đối tượng là cán bộ, công chức, viên chức làm trong cơ quan nhà nước, các đơn vị sự nghiệp công lập và Nhân dân.

        - Bảo đảm công khai, minh bạch thông tin về thủ tục hành chính nhằm tạo điều kiện cho cá nhân, tổ chức tiếp cận.

        3. Đối tượng

        Đối tượng là cán bộ, công chức, viên chức làm trong cơ quan nhà nước, các đơn vị sự nghiệp công lập và Nhân dân.
    """
    yield from _findings(duplicate_paragraph, plan, config, certain=True)


@rule(
    "near-duplicate-paragraph",
    "KH102",
    "info",
    plans_only=False,
    summary={
        "vi": "đoạn văn gần giống một đoạn khác (có thể sao chép rồi sửa)",
        "en": "a paragraph is nearly the same as another (copied, then edited?)",
    },
    doc_vi="""near-duplicate-paragraph (KH102, thông tin): một đoạn văn dài giống một đoạn khác từ 90 % trở lên.

      Hai đoạn văn dài chỉ khác nhau vài từ có thể là bản sao mới sửa ở một chỗ, cũng có thể là hai
      nhiệm vụ được cố ý viết song song. Công cụ không phân biệt được nên chỉ báo ở mức `info`; một
      chuỗi nhiều đoạn như vậy, hoặc một đoạn lặp nguyên văn, thuộc quy tắc duplicate-paragraph.
      """,
)
def near_duplicate_paragraph(plan: Plan, config: Config) -> Iterator[Finding]:
    """near-duplicate-paragraph (KH102, info): a long paragraph is ≥ 90 % the same as another.

    Two long paragraphs that differ in a few words may be a copy edited in one place only,
    or two deliberately parallel tasks. The validator cannot tell, so this is `info`; a run
    of several such paragraphs, or an exact repeat, is `duplicate-paragraph` instead.

    PASS::

        - Tuyên truyền về kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa huyện và các xã, thị trấn.

        - Tuyên truyền về dịch vụ công trực tuyến, thanh toán trực tuyến qua Cổng dịch vụ công quốc gia.

    FAIL::

        - Tuyên truyền về kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa huyện và các xã, thị trấn năm 2024.

        - Tuyên truyền về kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa huyện và các xã, phường năm 2024.
    """
    yield from _findings(near_duplicate_paragraph, plan, config, certain=False)
