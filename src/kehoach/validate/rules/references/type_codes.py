"""A cited document's type word against the type code in its number: "Quyết định số …/QĐ-…"."""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from ....models import Finding, Plan, Reference
from ....vntext import fold
from ...config import Config
from ...registry import rule
from ...util import excerpt

# folded type word -> folded type codes it may carry (state and Party styles)
EXPECTED: dict[str, set[str]] = {
    "quyet dinh": {"qd"},
    "ke hoach": {"kh"},
    "nghi quyet": {"nq"},
    "chi thi": {"ct"},
    "thong bao": {"tb"},
    "huong dan": {"hd"},
    "chuong trinh": {"ctr"},
    "phuong an": {"pa"},
    "de an": {"da"},
    "du an": {"da"},
    "bao cao": {"bc"},
    "to trinh": {"ttr"},
    "quy che": {"qc"},
    "quy dinh": {"qyd", "qd", "qdi"},
    "nghi dinh": {"nd"},
    "thong tu": {"tt"},
    "thong tu lien tich": {"ttlt"},
    "cong dien": {"cd"},
    "bien ban": {"bb"},
    "hop dong": {"hd"},
    "giay moi": {"gm"},
    "thong cao": {"tc"},
    "ket luan": {"kl"},
}
# every code that names a document type (anything else — UBND, SNV — is an issuer code)
TYPE_CODES = {c for codes in EXPECTED.values() for c in codes} | {
    "bgn",
    "btt",
    "guq",
    "ggt",
    "gnp",
    "pg",
    "pc",
    "pb",
    "sy",
    "trs",
    "sl",
    "gn",
    "tth",
    "uq",
    "np",
    "qyd",
}


MESSAGES = {
    "type": {
        "vi": '"{word} số {number}": ký hiệu "{code}" là của loại văn bản khác (mong đợi {expected})',
        "en": '"{word} số {number}": the code "{code}" belongs to another document type (expected {expected})',
    },
}
_WORD = re.compile(r"([^\W\d_]+(?:\s+[^\W\d_]+){0,3})\s+(?:số\s*:?\s*)?$", re.I)


def _type_word(ref: Reference) -> str | None:
    if ref.doc_type:
        return ref.doc_type
    head = ref.raw.split(ref.number)[0] if ref.number in ref.raw else ""
    m = _WORD.search(head)
    if not m:
        return None
    words = fold(m.group(1)).split()
    for n in range(min(4, len(words)), 0, -1):
        if " ".join(words[-n:]) in EXPECTED:
            return " ".join(m.group(1).split()[-n:])
    return None


def type_code(number: str) -> str | None:
    """'QĐ' from '1879/QĐ-UBND', '11/2022/NQ-HĐND' or '18-NQ/TW'."""
    number = re.sub(r"\s+", "", number)
    party = re.match(r"^\d+[a-z]?-([^\W\d_]+)/", number, re.I)
    if party:
        return party.group(1)
    last = number.split("/")[-1] if "/" in number else ""
    m = re.match(r"([^\W\d_]+)-", last)
    return m.group(1) if m else None


@rule(
    "reference-type-mismatch",
    "KH501",
    "error",
    summary={
        "vi": 'tên loại văn bản được dẫn không khớp ký hiệu ("Quyết định số 07/KH-UBND")',
        "en": 'a cited document\'s type word disagrees with its type code ("Quyết định số 07/KH-UBND")',
    },
    doc_vi="""reference-type-mismatch (KH501, lỗi): "Quyết định số …/QĐ-…", "Kế hoạch số …/KH-…".

      Số của quyết định mang ký hiệu QĐ, của kế hoạch mang ký hiệu KH, của nghị quyết mang ký hiệu
      NQ (Nghị định 30, Phụ lục III). "Quyết định số 07/KH-UBND" là dẫn sai tên loại hoặc sai số văn
      bản. Số không có chữ viết tắt tên loại văn bản (công văn "12/UBND-VX") không được xét.
      """,
)
def reference_type_mismatch(plan: Plan, config: Config) -> Iterator[Finding]:
    """reference-type-mismatch (KH501, error): "Quyết định số …/QĐ-…", "Kế hoạch số …/KH-…".

    A decision's number carries QĐ, a plan's KH, a resolution's NQ (Nghị định 30, Phụ lục
    III). "Quyết định số 07/KH-UBND" cites either the wrong type or the wrong number.
    Numbers without a type code (công văn "12/UBND-VX") are not judged.

    PASS::

        Căn cứ Quyết định số 1879/QĐ-UBND ngày 25/12/2023 của Chủ tịch UBND tỉnh và Kế hoạch số 36/KH-UBND ngày 07/02/2024 của UBND tỉnh, UBND huyện ban hành Kế hoạch như sau:

    FAIL::

        Căn cứ Quyết định số 07/KH-UBND ngày 20/01/2024 của Chủ tịch UBND tỉnh phê duyệt Kế hoạch tuyên truyền cải cách hành chính năm 2024, UBND huyện ban hành Kế hoạch như sau:
    """  # noqa: E501 - the fragments are plan text, one paragraph or table row a line
    for ref in plan.references:
        word = _type_word(ref)
        code = ref.type_code or type_code(ref.number)
        if not word or not code:
            continue
        expected = EXPECTED.get(fold(word))
        got = fold(code)
        if not expected or got not in TYPE_CODES or got in expected:
            continue
        shown = next(
            (
                c
                for c in (
                    "QĐ",
                    "KH",
                    "NQ",
                    "CT",
                    "TB",
                    "HD",
                    "CTr",
                    "PA",
                    "ĐA",
                    "BC",
                    "TTr",
                    "QC",
                    "NĐ",
                    "TT",
                    "TTLT",
                    "CĐ",
                    "BB",
                    "HĐ",
                    "GM",
                    "TC",
                    "KL",
                    "QyĐ",
                )
                if fold(c) in expected
            ),
            "/".join(sorted(expected)).upper(),
        )
        yield reference_type_mismatch.finding(
            config,
            MESSAGES["type"],
            location=ref.location,
            excerpt=excerpt(ref.raw),
            word=word,
            number=ref.number,
            code=code,
            expected=shown,
        )
