"""Units (cơ quan, đơn vị): split a cell or a field into units and give each a canonical key.

Split on list markers, line breaks and semicolons — never on commas: "Các phòng, ban,
ngành" is one unit. The key folds spelling variants ("VP HĐND-UBND", "Văn phòng
HĐND&UBND", "Văn phòng HĐND và UBND") so units group and near-misses can be flagged.
"""

from __future__ import annotations

from .. import fastre as re
from ..models import Unit
from ..vntext import clean, key

# a semicolon (with an optional list marker after it), a marker after a full stop (".- " too), a leading marker
_ITEM_SPLIT = re.compile(r"\s*;\s*(?:[-+•*]\s*)?|(?<=\.)\s*[-+•]\s+|^\s*[-+•*]\s*")
_STRIP = " \t-+•*;.,:"

_CANON: list[tuple[str, str]] = [
    (r"\bủy ban nhân dân\b", "ubnd"),
    (r"\bhội đồng nhân dân\b", "hđnd"),
    (r"\bủy ban mặt trận tổ quốc\b", "ubmttq"),
    (r"\bủy ban mttq\b", "ubmttq"),
    (r"\bmặt trận tổ quốc\b", "mttq"),
    (r"\b(ub)?mttq việt nam\b", r"\1mttq"),  # "Việt Nam" is written or left out at will
    (r"\bvăn phòng\b", "vp"),
    (r"\bcổng thông tin điện tử\b", "cổng ttđt"),
    (r"\btrung tâm hành chính công\b", "trung tâm hcc"),
    (r"\bhđnd\s*(?:&|-|và)\s*ubnd\b", "hđnd và ubnd"),
    (r"\bvăn hóa\s*(?:-|và)\s*thông tin\b", "văn hóa và thông tin"),
]
_CANON_RE = [(re.compile(p), r) for p, r in _CANON]


def unit_key(name: str) -> str:
    # casefold first: key() rewrites old-style tones only within one case, so "Uỷ ban" stayed apart from "Ủy ban"
    k = key(clean(name).casefold())
    for pattern, repl in _CANON_RE:
        k = pattern.sub(repl, k)
    k = re.sub(r"\s*([&-])\s*", r" \1 ", k)
    return re.sub(r"\s+", " ", k).strip()


def make_unit(raw: str) -> Unit | None:
    name = clean(raw).strip(_STRIP)
    name = re.sub(r"^\(?\d{1,2}[.)]\s+", "", name)
    if not name or not re.search(r"\p{L}", name):
        return None
    return Unit.model_construct(name=name, raw=raw.strip(), key=unit_key(name))


_OPEN_END = re.compile(r"(?:[-–&,]|\b(?:và|các|của|cấp))\s*$", re.I)


# a person named with an honorific ("Thầy Lê" / "Thanh Cường": a narrow cell wrapped the name)
_HONORIFIC_NAME = re.compile(r"^(?:Ông|Bà|Thầy|Cô|Đồng chí|Đ/c|đ/c)(?:\s+\p{Lu}\p{Ll}*){1,2}$")
_NAME_WORDS = re.compile(r"^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2}$")


def _name_goes_on(before: str, text: str) -> bool:
    """A person's name cut by a wrap: an honorific and one or two words, then one to three
    capitalised words that are no unit's name ("Thầy Lê" / "Thanh Cường")."""
    return (
        bool(_HONORIFIC_NAME.match(before.strip()))
        and bool(_NAME_WORDS.match(text))
        and not _HONORIFIC_NAME.match(text)
        and not looks_like_unit(text)
    )


def _join_broken_names(lines: list[str]) -> list[str]:
    """A unit name broken over two lines of a cell ("Phòng Văn hóa và" / "Thông tin huyện") is one line.

    A line continues the previous one when it starts in lower case or with "(" ("(Trung tâm Thông
    tin)" under "Văn phòng UBND tỉnh"), or the previous one ends
    open (a hyphen, "&", a comma, "và", "các"); a line starting with a list marker never does.
    """
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if (
            out
            and text
            and not re.match(r"[-+•*]\s", text)
            and (text[0].islower() or text[0] == "(" or _OPEN_END.search(out[-1]) or _name_goes_on(out[-1], text))
        ):
            out[-1] = f"{out[-1].rstrip()} {text}"
        else:
            out.append(line)
    return out


# a line holding only a title or a role ("Lãnh đạo", "Đại diện lãnh đạo") belongs to the unit on the next line
_ROLE_LINE = re.compile(
    r"^(?:(?:đại diện|lãnh đạo|thủ trưởng|người đứng đầu|giám đốc|phó giám đốc|chủ tịch|phó chủ tịch|trưởng|phó trưởng|"
    r"chánh|phó chánh|đồng chí|các đồng chí|cán bộ|chuyên viên|công chức)\s*)+$",
    re.I,
)


def is_role_only(text: str) -> bool:
    """ "Lãnh đạo", "Đại diện lãnh đạo": a title or role with no unit after it (it leads nothing alone)."""
    return bool(_ROLE_LINE.match(key(text.strip().strip(_STRIP))))


def _join_role_lines(lines: list[str]) -> list[str]:
    """A line break separates units only when each line is a unit: "Lãnh đạo" / "Sở Giáo dục và Đào tạo" is one."""
    out: list[str] = []
    pending = ""
    for line in lines:
        text = line.strip()
        if _ROLE_LINE.match(key(text.strip(_STRIP))):
            pending = f"{pending} {text}".strip()
            continue
        out.append(f"{pending} {text}".strip() if pending else line)
        pending = ""
    if pending:
        out.append(pending)
    return out


# heads where two units written with no separator are split ("Sở Khoa học và Công nghệ Sở Công Thương");
# a parent's head after a sub-unit ("Phòng Quản lý Công nghiệp Sở Công Thương", "Văn phòng Sở Tư pháp",
# "Ban Chỉ đạo … Sở …") names whose unit it is, and is not split
_PARENT_HEADS = r"Sở|Bộ|Cục|Tổng cục|Công an|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Bộ Chỉ huy|Văn phòng"
_PEER_HEADS = (
    r"Phòng|Chi cục|Trung tâm|Ban|Đài|Báo|Bưu điện|Kho bạc|Bệnh viện|Trường|Liên đoàn|Tỉnh đoàn|"
    r"Thành đoàn|Huyện đoàn|Hội Liên hiệp|Hội Nông dân|Hội Cựu chiến binh|Ngân hàng|Bảo hiểm xã hội|"
    r"Ủy ban Mặt trận|Uỷ ban Mặt trận|Mặt trận|Viện"
)
# the heads of units that stand alone (not a part of another unit)
_TOP_HEADS = (
    r"Sở|Bộ|Cục|Tổng cục|Công an|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|"
    r"Bộ Chỉ huy|Đài|Báo|Bưu điện|Kho bạc|Bệnh viện|Trường|Liên đoàn|Tỉnh đoàn|Thành đoàn|"
    r"Huyện đoàn|Hội|Ngân hàng|Bảo hiểm xã hội|Ủy ban Mặt trận|Uỷ ban Mặt trận|Mặt trận|Tòa án|"
    r"Viện kiểm sát"
)
_TOP_LEFT = re.compile(rf"^(?:{_TOP_HEADS})\b")
# what follows a head when it opens a unit's name: a capitalised name or the level of government
_PLACE_LEVELS = r"tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn"
_GLUED = re.compile(
    rf"(?<=\p{{L}}|\d|\))\s+(?P<head>{_PARENT_HEADS}|{_PEER_HEADS})(?=\s+(?:\p{{Lu}}|(?:{_PLACE_LEVELS})\b))"
)
# the organs of a unit, named before it: "Ban Thường trực Ủy ban MTTQ phường", "Ban Chấp hành Hội Nông dân"
_ORGAN = re.compile(r"^(?:Ban\s+|Các\s+)?(?:Thường trực|Thường vụ|Chấp hành|Giám hiệu|Lãnh đạo)$", re.I)
# ... or the name's own office, or the role it holds for the unit that follows: "Văn phòng Cơ quan Ủy ban
# MTTQ xã", "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo" (one unit, written with its role)
_CONNECTOR_END = re.compile(
    r"\b(?:và|các|của|thuộc|với|cùng|tại|cho|hoặc|gồm|là|Đa khoa|đa khoa|"
    r"(?:[Cc]ơ quan|[Đđ]ơn vị)(?:\s+(?:thường trực|chuyên trách|đầu mối|tham mưu|giúp việc)(?:\s+của)?)?)$"
)


def split_glued(text: str) -> list[str]:
    """Two unit names with no separator between them are split where the second one's head stands."""
    pieces: list[str] = []
    start = 0
    for m in _GLUED.finditer(text):
        left = text[start : m.start()].strip()
        last = left.rsplit(",", 1)[-1].split()  # the name just before the head
        if (
            len(last) < 2
            or (len(last) == 2 and last[-1][:1].islower())
            or left.count("(") > left.count(")")
            or _CONNECTOR_END.search(left)
            or not looks_like_unit(" ".join(last))
        ):
            continue  # "Ủy ban Mặt trận …", "Văn phòng UBND …": a bare head is no unit of its own
        left_name = " ".join(last)
        if _ORGAN.match(left):
            continue  # "Ban Thường trực Ủy ban MTTQ …": the standing organ of the unit that follows
        parent = re.fullmatch(_PARENT_HEADS, m.group("head")) is not None
        if not parent and len(last) == 2 and re.fullmatch(r"\p{Lu}{2,6}", last[1]):
            continue  # "Trường THPT" + "Trường Xuân": a kind of unit waits for its name, it is no unit yet
        if parent and not _TOP_LEFT.match(left_name):
            continue  # a sub-unit followed by the unit it belongs to
        pieces.append(left)
        start = m.start("head")
    pieces.append(text[start:].strip())
    return pieces


# "A và B" where both open with the head of a unit that stands alone (a department, a people's
# committee, the police, a newspaper …): two units ("Sở Giáo dục và Đào tạo và Sở Y tế"). The
# "và" inside a name is followed by no such head ("Sở Khoa học và Công nghệ", "Đài Phát thanh và
# Truyền hình"), and an office is named after the bodies it serves ("Văn phòng HĐND và UBND
# tỉnh", "Văn phòng Đoàn ĐBQH và HĐND"): "Văn phòng" opens no top unit, so it is never cut
_AND_UNIT = re.compile(rf"\s+và\s+(?=(?:{_TOP_HEADS})\s+(?:\p{{Lu}}|(?:{_PLACE_LEVELS}|các)\b))")


def split_joined(text: str) -> list[str]:
    """Two whole unit names joined by "và" (see `_AND_UNIT`); the one on the left opens with a top
    unit's head and has a name of its own (two words at least), outside any bracket. Commas
    are no cut ("Sở Văn hóa, Thể thao và Du lịch và Sở Y tế": two units)."""
    pieces: list[str] = []
    start = 0
    for m in _AND_UNIT.finditer(text):
        left = text[start : m.start()].strip()
        if not _TOP_LEFT.match(left) or len(left.split()) < 2 or left.count("(") > left.count(")"):
            continue  # "Văn phòng HĐND và UBND", a bare head, a name inside brackets
        pieces.append(left)
        start = m.end()
    pieces.append(text[start:].strip())
    return pieces


def split_units(lines: list[str] | str | None) -> list[Unit]:
    """Units in a cell (list of lines) or a field value (a string)."""
    if not lines:
        return []
    if isinstance(lines, str):
        lines = [lines]
    units: list[Unit] = []
    for line in _join_broken_names(_join_role_lines(lines)):
        for piece in _ITEM_SPLIT.split(line):
            for name in (n for part in split_glued(piece) for n in split_joined(part)) if piece else []:
                unit = make_unit(name)
                if unit:
                    units.append(unit)
    return units


_INLINE_MARK = re.compile(r"\s+[-+•]\s+(?=\p{Lu})")


def _inline_items(line: str) -> list[str]:
    """ "- A … - B …" on one line: split on the inner markers when every piece is a phrase.

    Only for lines that start with a marker, and only when each piece has 4+ words, so a
    name such as "Trung tâm Truyền thông - Văn hóa - Thể thao" stays whole.
    """
    if not re.match(r"^\s*[-+•]\s", line) or ";" in line:
        return [line]
    pieces = _INLINE_MARK.split(line.strip()[1:])
    if len(pieces) > 1 and all(len(p.split()) >= 4 for p in pieces):
        return pieces
    return [line]


def split_items(lines: list[str] | str | None) -> list[str]:
    """List items of a products cell: split on markers, line breaks and semicolons."""
    if not lines:
        return []
    if isinstance(lines, str):
        lines = [lines]
    items: list[str] = []
    for line in (piece for ln in lines for piece in _inline_items(ln)):
        for piece in _ITEM_SPLIT.split(line):
            piece = clean(piece or "").strip(" \t-+•*;")
            if piece and re.search(r"\p{L}", piece):
                items.append(piece.rstrip("."))
    return items


# heads of unit names (and of the people who stand for them) — matched on key(), so in lower case;
# a head that is also a common word is guarded: "Ban hành", "Tổ chức", "Hội nghị", "Báo cáo" are not units
_UNIT_HEADS = (
    r"phòng(?!,? chống| ngừa| cháy| tránh| bệnh| dịch| thủ| vệ)|văn phòng|vp|trung tâm|ubnd|ủy ban|uỷ ban|"
    r"sở(?! hữu| thích| dĩ)|ban(?! hành| đầu)|"
    r"bộ(?! tiêu chí| công cụ| máy| phận chức| hồ sơ| dữ liệu| chỉ số| luật)|cục|"
    r"vụ(?! việc| án| mùa)|chi cục|"
    r"công an|bưu điện|đài|hội(?! nghị| thảo| thi| diễn| chợ| họp| đàm| viên| nhập| tụ)|"
    r"hội đồng|đoàn(?! kết)|liên đoàn|tỉnh đoàn|"
    r"thành đoàn|huyện đoàn|công đoàn|mặt trận|mttq|ubmttq|huyện ủy|tỉnh ủy|thị ủy|thành ủy|đảng ủy|cơ quan|đơn vị|"
    r"trường(?! hợp)|bệnh viện|viện|học viện|đại học|khoa(?! học)|tổng cục|kho bạc|chi nhánh|"
    r"công ty|tổng công ty|tập đoàn|"
    r"tổ(?! chức)|tổ dân phố|thôn|ấp|khu phố|bộ phận|hđnd|thanh tra|quân sự|bộ chỉ huy|bch|chi ủy|chi uỷ|ngân hàng|"
    r"báo(?! cáo)|cổng|tòa án|viện kiểm sát|bảo hiểm xã hội|chi bộ|hợp tác xã|liên minh|liên hiệp|điện lực|"
    r"xã(?! hội)|phường|thị trấn|địa phương|doanh nghiệp|hiệp hội|cấp ủy|cấp uỷ|thuế|chủ đầu tư|tổ chức chính trị|"
    r"cơ sở(?! dữ liệu| vật chất| hạ tầng| pháp lý| khoa học| lý luận)|"
    r"chủ tịch|phó chủ tịch|người đứng đầu|thủ trưởng|trưởng|phó trưởng|giám đốc|phó giám đốc|thường trực|"
    # a Party secretary for the committee or cell ("Bí thư Chi bộ, Tổ trưởng tổ dân phố …"); embassies
    r"bí thư|phó bí thư|đại sứ quán|tổng lãnh sự quán|lãnh sự quán|"
    r"đồng chí|đ/c|chuyên viên|cán bộ|công chức|giáo viên|"
    # a school's heads and teachers ("Hiệu trưởng: …", "GVCN: …", "Tổng phụ trách Đội")
    r"hiệu trưởng|phó hiệu trưởng|gvcn|gvbm|tổng phụ trách|"
    # the press, cultural houses, field stations and armed units, named by their kind
    r"tạp chí|nhà xuất bản|thông tấn xã|thư viện|bảo tàng|nhà văn hóa|nhà văn hoá|nhà thiếu nhi|"
    r"cung văn hóa|cung văn hoá|cung thiếu nhi|nhà hát|trạm y tế|trạm khuyến nông|hạt kiểm lâm|"
    r"đồn biên phòng|đội quản lý thị trường|cảng vụ|lữ đoàn|trung đoàn|sư đoàn|tiểu đoàn"
)
_UNIT_START = re.compile(
    rf"^(?:(?:các|lãnh đạo|đại diện)\s+)?(?:{_UNIT_HEADS})\b|^(?:các|những) tổ chức\b",
    re.I,
)


def looks_like_unit(text: str) -> bool:
    """The text starts with the head of a unit's name, or of a person standing for a unit."""
    return bool(_UNIT_START.match(key(text)))
