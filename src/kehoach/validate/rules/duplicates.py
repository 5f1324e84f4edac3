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

Finding the repeats is `validate/repeats.py` (shared with `copies`); this module decides the
severity of each run and words its finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...models import Finding, Plan, Severity
from ..config import Config
from ..registry import Rule, rule
from ..repeats import Para, Repeat, find_repeats
from ..util import describe, describe_range, excerpt

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


def _verdict(paras: list[Para], run: Repeat) -> Severity | None:
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


def _strong_pairs(paras: list[Para], run: Repeat) -> int:
    return sum(1 for t in range(run.n) if paras[run.i + t].strong and paras[run.j + t].strong)


def _is_certain(paras: list[Para], run: Repeat) -> bool:
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


def _related(paras: list[Para], run: Repeat, lang: str) -> list[dict]:
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
