"""The header (thể thức): issuer, số/ký hiệu, place and date, type line, title, legal basis;
the signature block and Nơi nhận at the end of the body are read in `signature.py`.

Drafts leave blanks ("Số: /KH-UBND", "ngày tháng 02 năm 2024"): a blank is a draft, not a
parse error — the raw text is kept and the value is null.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import fastre as re
from ..blocks import Paragraph
from ..models import Header
from ..vntext import clean, is_upper_title, key
from . import patterns as P
from .references import iso_date, normalise_number, type_code_of


@dataclass
class Line:
    """One line of a paragraph, with the index of its block."""

    text: str
    block: int
    para: Paragraph


def lines_of(paras: list[tuple[int, Paragraph]]) -> list[Line]:
    out = []
    for idx, p in paras:
        for ln in p.lines or [p.text]:
            ln = clean(ln)
            if ln:
                out.append(Line(ln, idx, p))
    return out


# "KẾ HOẠCH TUYÊN TRUYỀN …", "KẾ HOẠCH, NHIỆM VỤ KHẢO SÁT …" (a compound type name: the plan's type and
# the rest of the name opening the title)
_TYPE_PREFIX = re.compile(r"^(?P<type>" + "|".join(P.DOC_TYPE_WORDS) + r")(?:\s*,\s*|\s+)(?P<rest>\S.*)$")
_NUMBER_ALONE = re.compile(r"^(?:Số|SỐ|số)\s*:?\s*$")


def _wraps_into(text: str, nxt: str) -> bool:
    """True when a header line was wrapped and reads right only joined with the next one.

    "Số:" over "7360/KH-UBND"; "Lai Châu, ngày" over "19 tháng 11 năm 2025"; "CỘNG HÒA XÃ
    HỘI" over "CHỦ NGHĨA VIỆT NAM" (a layout cell or a text copy wrapped at a fixed width).
    """
    t, joined = text.strip("*_ "), f"{text.strip('*_ ')} {nxt.strip('*_ ')}"
    if _NUMBER_ALONE.match(t):
        return bool(re.match(r"^\s*\d*\s*/", nxt.strip("*_ ")))
    if _code_open(t):
        # "Số:      /KH-" over "UBND": a narrow column wrapped the code after its dash
        return bool(re.fullmatch(r"[\p{Lu}\d.&]+(?:-[\p{Lu}\d.&]+)*", nxt.strip("*_ ")))
    if re.search(r",\s*ngày\b", t) and not read_place_date(t) and read_place_date(joined):
        return True
    k = key(t)
    return not P.MOTTO_RE.search(k) and "cộng hòa" in k and bool(P.MOTTO_RE.search(key(joined)))


def _national_name_start(text: str) -> bool:
    """The start of the national name without its end ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA")."""
    k = key(text.strip("*_ "))
    return k.startswith("cộng hòa") and not P.MOTTO_RE.search(k)


def _wrapped_name_end(text: str) -> bool:
    """A line that can only be the end of a name wrapped above it: a number ("2"), or one or two
    upper-case words that head no body ("CÚ", "ĐỒNG VĂN"; not "SỞ Y TẾ", not the motto)."""
    if re.fullmatch(r"\d{1,2}", text):
        return True
    words = text.split()
    return (
        1 <= len(words) <= 2
        and all(re.fullmatch(r"\p{Lu}+", w) for w in words)
        and not re.match(_BODY_WORDS, text)
        and not P.MOTTO_RE.search(key(text))
        and not P.doc_type_line(text)
    )


def _code_open(text: str) -> bool:
    """A number line whose code ends open ("Số:      /KH-"): its rest is on the next line."""
    t = text.strip("*_ ")
    return bool(P.NUMBER_LINE_RE.match(t) and re.search(r"/\S*[-/]$", t))


def merge_wrapped(lines: list[Line]) -> list[Line]:
    """Join header lines a wrap cut in two: within one paragraph, and the national name also
    across two (a narrow header column wraps it, and a PDF reads each line as a paragraph)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if (
            i + 1 < len(lines)
            and (lines[i + 1].block == ln.block or _national_name_start(ln.text) or _code_open(ln.text))
            and _wraps_into(ln.text, lines[i + 1].text)
        ):
            glue = "" if _code_open(ln.text) else " "  # "/KH-" + "UBND": one code
            out.append(Line(clean(f"{ln.text.strip('*_ ')}{glue}{lines[i + 1].text.strip('*_ ')}"), ln.block, ln.para))
            i += 2
            continue
        out.append(ln)
        i += 1
    return out


_BODY_WORDS = (
    r"^(?:SỞ|PHÒNG|BAN|CỤC|VỤ|CHI CỤC|TRUNG TÂM|ĐOÀN|VĂN PHÒNG|CÔNG AN|BỘ CHỈ HUY|THANH TRA|TRƯỜNG|"
    r"BỆNH VIỆN|HỘI ĐỒNG|ỦY BAN|UỶ BAN|UBND|TỔNG CỤC|BỘ|ĐÀI|BAN CHỈ ĐẠO|TỔ CÔNG TÁC|"
    # public bodies outside the State's own offices: "ĐẠI HỌC QUỐC GIA HÀ NỘI" over "TRƯỜNG …"
    r"ĐẠI HỌC|HỌC VIỆN|VIỆN|TẬP ĐOÀN|TỔNG CÔNG TY|CÔNG TY|CHI NHÁNH|KHO BẠC|KHOA|"
    # a Party committee under the committee above it: "HUYỆN ỦY …" over "ĐẢNG ỦY XÃ …", the
    # tone mark on either vowel ("HUYỆN UỶ", "ĐẢNG UỶ": the older placement)
    r"ĐẢNG (?:ỦY|UỶ|UY)|ĐẢNG BỘ|CHI BỘ|ĐẢNG ĐOÀN|BAN CÁN SỰ ĐẢNG|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|"
    r"(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ) (?:ỦY|UỶ|UY))\b"
)


_UNIT_UNDER = r"^(?:TRƯỜNG|SỞ|PHÒNG|BỆNH VIỆN|TRUNG TÂM|CHI CỤC|KHOA)\s"  # "KHOA …": a school's faculty
_DRAFT_MARK = re.compile(r"\W*(?:bản\s+)?dự\s+thảo(?:\s+(?:lần\s+)?\d+)?\W*", re.I)
_GENERIC_BODIES = {key("ỦY BAN NHÂN DÂN"), key("UBND"), key("HỘI ĐỒNG NHÂN DÂN")}


def read_issuer(candidates: list[str]) -> tuple[str | None, str | None]:
    """Upper-case lines above the number line -> (issuer, parent)."""
    joint: list[str] = []
    for c in candidates:
        if joint and re.match(r"^\s*[-–]\s*\p{Lu}", c) and is_upper_title(joint[-1]):
            # "SỞ GIÁO DỤC VÀ ĐÀO TẠO" over "– TẠP CHÍ GIÁO DỤC": a joint plan's second issuer
            joint[-1] = f"{joint[-1]} – {c.strip().lstrip('-–').strip()}"
        else:
            joint.append(c)
    candidates = [re.sub(r"^[^\p{L}\d]+", "", c) for c in joint]  # "/ỦY BAN …": a stray mark before it
    lines = [
        c
        for c in candidates
        if c
        and is_upper_title(c)
        and not P.MOTTO_RE.search(key(c))
        and not P.TIEU_NGU_RE.search(key(c))
        and not P.PARTY_RE.match(key(c))
        and not P.doc_type_line(c)
    ]
    if not lines:
        return None, None
    if len(lines) == 1:
        return lines[0], None
    first, rest = lines[0], lines[1:]
    # "UBND TỈNH LÀO CAI" over "SỞ CÔNG THƯƠNG" is parent over issuer;
    # "ỦY BAN NHÂN DÂN" over "HUYỆN QUẾ SƠN" is one name on two lines.
    first_complete = (
        bool(re.search(r"\b(TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|QUẬN|XÃ|PHƯỜNG)\s+\p{Lu}", first))
        or first.startswith("BỘ ")
        or (bool(re.match(_BODY_WORDS, first)) and key(first) not in _GENERIC_BODIES)
    )
    if first_complete and re.match(_BODY_WORDS, rest[0]):
        return " ".join(rest), first
    # "TRUNG TÂM ĐIỀU ĐỘ / HỆ THỐNG ĐIỆN QUỐC GIA" over "TRUNG TÂM ĐIỀU ĐỘ / HỆ THỐNG ĐIỆN MIỀN NAM", or "SỞ GIÁO
    # DỤC VÀ ĐÀO TẠO / ĐỒNG THÁP" over "TRƯỜNG THPT …": each name wraps, and a later line that starts a name of
    # the same kind, or of a unit that stands under a parent (a school, a Sở), is the issuer under its parent
    head = re.match(_BODY_WORDS, first)
    if head is not None:
        for j in range(2, len(lines)):
            if re.match(_BODY_WORDS, lines[j]) and (
                lines[j].startswith(head.group(0) + " ") or re.match(_UNIT_UNDER, lines[j])
            ):
                return " ".join(lines[j:]), " ".join(lines[:j])
    return " ".join(lines), None


def read_number(text: str) -> tuple[str | None, str]:
    """'Số: 20 /KH-UBND' -> ('20/KH-UBND', raw); a blank number -> (None, raw)."""
    m = P.NUMBER_LINE_RE.match(text)
    raw = clean(m.group("value")) if m else clean(text)
    value = normalise_number(raw)
    if not re.match(r"^\d", value):
        return None, raw
    return value, raw


def read_place_date(text: str) -> tuple[str | None, str | None, str | None] | None:
    """'Quế Sơn, ngày 18 tháng 02 năm 2021' -> (place, iso or None, partial)."""
    m = P.PLACE_DATE_RE.search(text)
    if not m:
        return None
    place = clean(m.group("place")).strip("*_ ")
    d, mo, y = (re.sub(r"\s", "", m.group(g)) for g in ("d", "m", "y"))
    iso = iso_date(d, mo, y) if d and mo else None
    partial = iso or (f"{y}-{int(mo):02d}" if mo and mo.isdigit() and 1 <= int(mo) <= 12 else y)
    return place or None, iso, partial


# "Số: /KH-MTTQ-BTT Bắc Cam Ranh, ngày … tháng 11 năm 2025": the number and the place-date of
# the two header columns read as one line (their columns nearly touch)
_NUMBER_THEN_DATE = re.compile(r"^(.*?/\s*[\p{Lu}\d][\p{Lu}\d.&-]*)\s+(\p{Lu}\p{Ll}[^,]{0,50},\s*ngày\b.*)$")


def _number_apart(lines: list[Line]) -> list[Line]:
    """Each number line that runs on into the place-date cut in two lines."""
    out: list[Line] = []
    for ln in lines:
        text = ln.text.strip("*_ ")
        m = _NUMBER_THEN_DATE.match(text) if P.NUMBER_LINE_RE.match(text) else None
        if m and read_place_date(m.group(2)):
            out += [Line(m.group(1), ln.block, ln.para), Line(m.group(2), ln.block, ln.para)]
        else:
            out.append(ln)
    return out


_DATE_OPEN = re.compile(r",\s*ngày\b")


def _date_together(lines: list[Line]) -> list[Line]:
    """A place-date cut in two made one line again: at a draft's blank day ("Lào Cai, ngày" …
    "tháng 4 năm 2026", the blank wide enough to part the line, the motto's lines read between
    the parts) or before its year ("… ngày tháng năm" over "2026", read as another paragraph).
    The first line that opens a place-date it does not finish takes the first of the next four
    lines that finishes it."""
    for i, ln in enumerate(lines):
        text = ln.text.strip("*_ ")
        if _DATE_OPEN.search(text) and read_place_date(text) is None:
            for j in range(i + 1, min(i + 5, len(lines))):
                joined = f"{text} {lines[j].text.strip('*_ ')}"
                if read_place_date(joined):
                    return [*lines[:i], Line(joined, ln.block, ln.para), *lines[i + 1 : j], *lines[j + 1 :]]
            break
    return lines


def _unit_before_place(text: str) -> tuple[str, str]:
    """(upper-case unit name, place-date) of a place-date line that opens with an upper-case
    name of two words or more before a place written in lower case ("KHOA CÔNG NGHỆ THÔNG
    TIN Thành phố Hồ Chí Minh, ngày …"); ("", text) for any other line ("HÀ NỘI, ngày …")."""
    m = re.match(r"^((?:[\p{Lu}\d.&-]+\s+){2,}?)(\p{Lu}\p{Ll}.*)$", text)
    if m is None:
        return "", text
    unit = m.group(1).strip()
    if not is_upper_title(unit) or P.MOTTO_RE.search(key(unit)) or not re.match(_BODY_WORDS, unit):
        return "", text
    return unit, m.group(2)


def _before_motto(text: str) -> str:
    """The upper-case words before the Quốc hiệu or Tiêu ngữ on one line: the issuer's line
    beside it, read as one line ("THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")."""
    words = text.split()
    for i in range(1, len(words)):
        rest = key(" ".join(words[i:]))
        if P.MOTTO_RE.match(rest) or P.TIEU_NGU_RE.match(rest):
            before = " ".join(words[:i]).strip("*_|: ")
            return before if is_upper_title(before) and not P.MOTTO_RE.search(key(before)) else ""
    return ""


def read_header(front: list[Line], extra: list[Line]) -> Header:
    """Header facts from the front matter (and layout/header lines found elsewhere)."""
    h = Header.model_construct()
    issuer_candidates: list[str] = []
    type_index = None
    type_prefix = ""
    front, extra = (_date_together(_number_apart(merge_wrapped(part))) for part in (front, extra))
    all_lines = front + extra
    for i, ln in enumerate(all_lines):
        text = ln.text.strip("*_ ")
        k = key(text)
        if P.MOTTO_RE.search(k) or P.TIEU_NGU_RE.search(k):
            h.motto = True
            if type_index is None and i < len(front) and (before := _before_motto(text)):
                issuer_candidates.append(before)  # "THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI …" on one line
            continue
        if P.PARTY_RE.match(k):
            continue  # a Party document's head: not part of the issuer (it is not the Quốc hiệu)
        if h.number_raw is None and P.NUMBER_LINE_RE.match(text) and "/" in text and len(text) < 60:
            h.number, h.number_raw = read_number(text)
            if h.number is None:
                h.draft = True
            h.type_code = type_code_of(h.number or h.number_raw or "")
            continue
        if h.date_raw is None and (pd := read_place_date(text)):
            unit, text = _unit_before_place(text)
            if unit:
                # "KHOA CÔNG NGHỆ THÔNG TIN Thành phố Hồ Chí Minh, ngày …": the issuer column's last
                # line read with the place-date beside it (a PDF whose columns nearly touch)
                pd = read_place_date(text) or pd
                if type_index is None and i < len(front):
                    issuer_candidates.append(unit)
            h.place, h.date, h.date_partial = pd
            h.date_raw = text
            if h.date is None:
                h.draft = True
            continue
        if i < len(front) and type_index is None and (dt := P.doc_type_line(text)):
            h.doc_type = dt
            type_index = i
            continue
        if (
            i < len(front)
            and type_index is None
            and (h.motto or h.number_raw or h.date_raw or i == 0)
            and (m := _TYPE_PREFIX.match(text))
            and is_upper_title(text)
            and len(m.group("rest").split()) >= (1 if i == 0 else 2)
        ):
            # "KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024": the type word opens the title line
            # (after the header, or as the very first line of a document that has none: "CHƯƠNG
            # TRÌNH HỘI NGHỊ" heading an agenda)
            h.doc_type, type_index, type_prefix = P.DOC_TYPE_KEYS[key(m.group("type"))], i, m.group("rest")
            continue
        if type_index is None and i < len(front) and _DRAFT_MARK.fullmatch(k):
            h.draft = True  # "(DỰ THẢO)" over the type line marks the draft; it is not part of the issuer
            continue
        if (
            issuer_candidates
            and type_index is None
            and i > 0
            and all_lines[i - 1].text.strip("*_ ") == issuer_candidates[-1]
            and _wrapped_name_end(text)
        ):
            # "TRƯỜNG THPT CAO LÃNH" / "2", "ĐẢNG UỶ XÃ LŨNG" / "CÚ": the issuer's name wrapped
            # before its last word or number
            issuer_candidates[-1] = f"{issuer_candidates[-1]} {text}"
            continue
        if (
            type_index is None
            and i < len(front)
            and is_upper_title(text)
            and not P.is_heading_like(text)
            and (h.number_raw is None or h.date_raw is None)
        ):
            # the issuer stands above the number (its column is read before or beside the
            # place-date): once both are read, upper-case lines are a title with no type line
            issuer_candidates.append(text)
    h.issuer, h.issuer_parent = read_issuer(issuer_candidates)
    if type_index is not None and type_prefix:
        first = front[type_index]
        h.title, h.legal_basis = _title_and_basis(
            [Line(type_prefix, first.block, first.para)] + front[type_index + 1 :], first
        )
    elif type_index is not None:
        h.title, h.legal_basis = _title_and_basis(front[type_index + 1 :], front[type_index])
    else:
        _, h.legal_basis = _title_and_basis(front, None)
    return h


# a heading numbered with its punctuation ("II. NỘI DUNG", "1. Mục đích", "a) …"); a title line
# wrapped before "XIV CỦA ĐẢNG" is not one
_NUMBERED_HEADING = re.compile(r"^(?:[IVX]{1,5}\s*[.)]|\d{1,2}(?:\.\d{1,2})*\s*[.)]|[a-zđ]\))\s")
# "PHẦN I. KẾT QUẢ THỰC HIỆN …", "Phần thứ hai": a plan in parts opens its first part under the title
_PART_HEADING = re.compile(r"^(?:PHẦN|Phần)\s+(?:[IVX]{1,5}|\d{1,2}|THỨ\s+\w+|thứ\s+\w+)\b(?:\s*[.:)-]|\s*$)")


def _title_not_basis(ln: Line) -> bool:
    """A trích yếu that opens like a basis line ("Thực hiện Nghị quyết số 34-NQ/TU …") right under
    the type line: one short paragraph with no closing punctuation. A basis sentence ends with
    ";", "." or ":" ("…, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:")."""
    para = clean(ln.para.text)
    return (
        para.startswith(ln.text)
        and bool(re.match(r"^\s*(?:Thực hiện|THỰC HIỆN)\b", ln.text))
        and len(para) <= 300
        and not para.rstrip("*_ ").endswith((".", ";", ":", "…"))
    )


def _title_and_basis(after: list[Line], type_line: Line | None) -> tuple[str | None, list[str]]:
    title_parts: list[str] = []
    basis: list[str] = []
    title_block = None
    for ln in after:
        text = ln.text.strip("*_ ")
        if re.fullmatch(r"[-_=–—.*\s]{3,}", ln.text.strip()):  # the rule under the title ("_____" too)
            if title_parts:
                title_block = -1
            continue
        if P.ATTACHED_RE.match(text):  # "(Kèm theo Quyết định số …)" closes the title
            if title_parts:
                title_block = -1
            continue
        if P.LEGAL_BASIS_RE.match(text) and not (not title_parts and not basis and _title_not_basis(ln)):
            basis.append(clean(ln.para.text) if ln.para.lines and clean(ln.para.lines[0]) == ln.text else text)
            title_block = -1
            continue
        if basis:
            continue
        wrapped = bool(title_parts) and ln.block == title_block  # a line of the title's own paragraph
        if (
            title_parts
            and (title_block == -1 or (ln.block != title_block and not is_upper_title(title_parts[-1])))
            and is_upper_title(text)
            and len(text) <= 80
            and len(text.split()) >= 2  # "XVI" alone: a title's wrapped numeral ("… Quốc hội khóa" / "XVI")
            and not P.is_heading_like(text)
            and not _PART_HEADING.match(text)
        ):
            # the enacting authority between a decision's title and its Căn cứ lines ("ỦY BAN NHÂN DÂN
            # THÀNH PHỐ HÀ NỘI"), after the title's rule or in capitals under a title that keeps its case
            title_block = -1
            continue
        if title_block == -1 or (_NUMBERED_HEADING.match(text) if wrapped else P.is_heading_like(text)):
            break
        if title_parts and _PART_HEADING.match(text):
            break
        if title_block is None:
            title_block = ln.block
        same_para = ln.block == title_block
        continues = (
            not same_para
            and title_parts
            and len(title_parts) < 4
            and (
                (
                    (ln.para.bold or ln.para.align == "center")
                    and (type_line is None or type_line.para.bold == ln.para.bold)
                )
                or text[:1].islower()
                # an upper-case title set one line per paragraph (a text copy, a PDF line by line)
                or (
                    is_upper_title(text)
                    and is_upper_title(title_parts[-1])
                    and not P.doc_type_line(text)
                    and not P.APPENDIX_RE.match(text)
                )
            )
        )
        if same_para or continues or not title_parts:
            title_parts.append(text)
            title_block = ln.block
        else:
            title_block = -1
    return (clean(" ".join(title_parts)) or None), basis
