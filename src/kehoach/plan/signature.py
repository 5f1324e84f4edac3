"""The signature block and Nơi nhận at the end of the body: the signer's authority ("TM. ỦY BAN NHÂN DÂN",
"KT. CHỦ TỊCH"), position, rank and name, and the recipients."""

from __future__ import annotations

from .. import fastre as re
from ..models import Signer
from ..vntext import clean, fold, is_upper_title, key, opens_a_name
from . import patterns as P
from .header import Line


def is_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 6
        and all(w[:1].isupper() for w in words)
        and not is_upper_title(text)
        and not re.search(r"[:;,()\d]", text)
    )


# a signer's position names an office ("PHÓ CHỦ TỊCH", "THỨ TRƯỞNG", "TRƯỞNG ĐOÀN"); other
# upper-case lines near the signature (a seal's text, OCR noise) are not positions
_POSITION_WORDS = re.compile(
    r"\b(chu tich|thu tuong|giam doc|truong|tong cuc|chanh|bi thu|thu ky|uy vien|tong bien tap|"
    r"chi huy|tu lenh|chinh uy|pho|quyen|thanh vien)\b"
)


# the office a position line ends with (to join "PHÓ GIÁM" / "ĐỐC" and nothing else)
_OFFICE_END = re.compile(
    r"\b(?:giam doc|chu tich|truong ban|van phong|bi thu|chu nhiem|truong doan|thu truong|bo truong|"
    r"cuc truong|vu truong|hieu truong|tong bien tap|chinh uy|tu lenh)$"
)
# "TM. <body> <position>" on one line (a PDF joins the signature cell's lines): the position is
# the office that closes it
_TM_AND_POSITION = re.compile(
    rf"^(?P<auth>{P.TM_HEAD}\s*.+?)\s+(?P<pos>(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|TRƯỞNG BAN|"
    r"GIÁM ĐỐC|TRƯỞNG ĐOÀN|CHỦ NHIỆM|CHÁNH VĂN PHÒNG|HIỆU TRƯỞNG|TỔ TRƯỞNG))$"
)
# "KT. BỘ TRƯỞNG THỨ TRƯỞNG" on one line: the deputy's position follows the authority
_DEPUTY_AND_POSITION = re.compile(rf"^(?P<auth>{P.DEPUTY_HEAD}\s*.+?)\s+(?P<pos>(?:PHÓ|THỨ)\s.+)$")
# a deputy's authority after another on one line: "TM. ỦY BAN NHÂN DÂN KT.CHỦ TỊCH"
_SECOND_HEAD = re.compile(rf"\s+(?={P.DEPUTY_HEAD})")
# a rank before the signer's name ("Đại tá Đậu Xuân Bảo", "Thiếu tướng …"): police and army signers
_RANK_AND_NAME = re.compile(r"^(?P<rank>(?:Thiếu|Trung|Thượng|Đại)\s+(?:úy|uý|tá|tướng))\s+(?P<name>.+)$", re.I)
_TITLE_AND_NAME = re.compile(r"^(?P<rank>(?:PGS\.\s*TS|GS\.\s*TS|TS|ThS|PGS|GS|BS|KS)\.)\s*(?P<name>\p{Lu}.+)$")
_POSITION_AND_NAME = re.compile(r"^(?P<pos>.+?)\s+(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,5})$")


_NAME_END = re.compile(r"\p{Lu}\p{Ll}+")  # one capitalised word: the end of a wrapped name


def position_and_name(text: str) -> tuple[str, str] | None:
    """'CHỦ TỊCH Hoàng Quốc Khánh' -> ('CHỦ TỊCH', 'Hoàng Quốc Khánh'): a signature cell
    flattened onto one line (a web copy's table cell, a PDF's joined lines)."""
    both = _POSITION_AND_NAME.match(text)
    if (
        both
        and is_upper_title(both.group("pos"))
        and len(both.group("pos").split()) <= 10
        and _POSITION_WORDS.search(fold(both.group("pos")))
        and is_name(both.group("name"))
    ):
        return both.group("pos"), both.group("name")
    return None


def _wraps_on(recipient: str, open_item: bool, text: str) -> bool:
    """`text` goes on with the recipient above it (a hard-wrapped list item): it opens in lower
    case or with "(", the recipient ends with "," / "&" / "và", or the item was left open (no ";"
    or ".") and `text` closes it, being neither the signer's position nor a name ("- Các cơ quan
    của QH: …, Ủy ban" / "Văn hóa và Xã hội;")."""
    if text[:1].islower() or text.startswith("(") or recipient.endswith((",", "&", " và")):
        return True
    return open_item and text.endswith((";", ".")) and not is_upper_title(text) and not is_name(text)


def read_signature(lines: list[Line]) -> tuple[Signer, list[str]]:
    """Signer and recipients from the lines between the end of the body and the appendices."""
    signer = Signer.model_construct()
    recipients: list[str] = []
    authority: list[str] = []
    in_recipients = labelled = False  # labelled: "Nơi nhận:" seen
    open_item = False  # the last recipient's line ended with no ";" or "."
    position = None
    for ln in lines:
        text = ln.text.strip("*_ ")
        if not text:
            continue
        if P.RECIPIENTS_RE.match(text):
            in_recipients = labelled = True
            rest = P.RECIPIENTS_RE.sub("", text).strip()
            if rest:
                recipients.append(rest.lstrip("-+• ").strip().rstrip(";"))
                open_item = not rest.endswith((";", "."))
            continue
        if (in_recipients or labelled) and re.match(r"^[-+•]\s*", text):
            # a recipient; also after the signer's lines that a PDF read between them ("Nơi nhận:",
            # "CHỦ TỊCH", "- Văn phòng Chính phủ;" …): no signature line opens with a dash (any
            # other line, a web page's text after the document, ends the list)
            recipients.append(re.sub(r"^[-+•]\s*", "", text).rstrip(";"))
            in_recipients, open_item = True, not text.endswith((";", "."))
            continue
        if in_recipients and recipients and (_wraps_on(recipients[-1], open_item, text)):
            recipients[-1] = clean(f"{recipients[-1]} {text}").rstrip(";")  # a recipient wrapped
            open_item = not text.endswith((";", "."))
            continue
        if (
            (in_recipients or labelled)
            and recipients
            and text.endswith(";")
            and not is_upper_title(text)
            and not is_name(text)
        ):
            recipients.append(text.rstrip(";"))  # a recipient whose dash was left off ("Trung tâm TT, DL … TP;")
            in_recipients, open_item = True, False
            continue
        in_recipients = False
        text = re.sub(r"\s*\*?\((?:Chữ|Đã ký|chữ ký|ký)[^)]*\)\*?\s*$", "", text).strip()
        if P.SIGN_NOISE_RE.match(text):
            continue
        am = P.AUTHORITY_RE.match(text)
        if am:
            signer.raw.append(text)
            # two authorities read as one line ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"): each its own
            *heads, text = _SECOND_HEAD.split(text)
            authority.extend(heads)
            # authority and position read as one line ("KT. BỘ TRƯỞNG THỨ TRƯỞNG", "TM. … CHỦ TỊCH")
            split = _DEPUTY_AND_POSITION.match(text) or _TM_AND_POSITION.match(text)
            if split:
                authority.append(split.group("auth"))
                position = split.group("pos")
                both = _POSITION_AND_NAME.match(position)
                if both and signer.name is None and is_upper_title(both.group("pos")) and is_name(both.group("name")):
                    position, signer.name = both.group("pos"), both.group("name")  # "… PHÓ CHỦ TỊCH Nguyễn Văn An"
            else:
                authority.append(text)
            continue
        if signer.name is None and (both := position_and_name(text)):
            position, signer.name = both
            signer.raw.append(text)
            continue
        if (
            is_upper_title(text)
            and len(text.split()) <= 8
            and _POSITION_WORDS.search(fold(text))
            and not P.MOTTO_RE.search(key(text))
            and not P.TIEU_NGU_RE.search(key(text))
            and signer.name is None
        ):
            position = text
            signer.raw.append(text)
            continue
        if (
            position
            and signer.name is None
            and is_upper_title(text)
            and len(text.split()) <= 2
            and not _POSITION_WORDS.search(fold(text))
            and _OFFICE_END.search(fold(f"{position} {text}"))
            and not _OFFICE_END.search(fold(position))
        ):
            position = f"{position} {text}"  # "PHÓ GIÁM" / "ĐỐC": the position wrapped (a stamp beside it)
            signer.raw.append(text)
            continue
        if position and signer.name is None and is_name(text):
            signer.name = text
            signer.raw.append(text)
            continue
        if (
            signer.name is not None
            and signer.raw
            and signer.raw[-1] == signer.name
            and _NAME_END.fullmatch(text)
            and len(signer.name.split()) == 2
            and opens_a_name(signer.name)
        ):
            # "Hoàng Văn" / "Thuân": the signer's name wrapped before its last word
            signer.name = f"{signer.name} {text}"
            signer.raw[-1] = signer.name
            continue
        titled = _TITLE_AND_NAME.match(text)
        if titled and signer.name is None and (position or authority or recipients) and is_name(titled.group("name")):
            # "TS. Nguyễn Đức Hiển" under the recipients (a faculty's plan, its position line lost):
            # an academic title marks the signer's name
            signer.rank, signer.name = titled.group("rank"), titled.group("name")
            signer.raw.append(text)
            continue
        ranked = _RANK_AND_NAME.match(text)
        if ranked and (position or authority) and signer.name is None and is_name(ranked.group("name")):
            signer.rank, signer.name = ranked.group("rank")[:1].upper() + ranked.group("rank")[1:], ranked.group("name")
            signer.raw.append(text)
            continue
        if text.startswith("(") and text.endswith(")"):
            continue  # "(để b/c)", "(để ph/h th/h)": a note beside the list, set on a line of its own
        labelled = False  # a line that is neither a recipient nor the signer's: the list is over
    if authority:
        signer.authority = "; ".join(authority)
        last = P.AUTHORITY_RE.match(authority[-1])
        # "KT. CHỦ TỊCH" followed by "PHÓ CHỦ TỊCH": the position is the line after the authority
        if position is None and last and last.group("rest"):
            position = last.group("rest")
    signer.position = position
    return signer, recipients
