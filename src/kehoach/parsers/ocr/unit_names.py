"""OCR misreads inside the names of state bodies, corrected against a lexicon of those names.

The names of the bodies a plan assigns ("Viện Kiểm sát nhân dân tối cao", "Sở Giáo dục và Đào
tạo") are read with letters wrong that the word-pair correction cannot mend, because the
misread word is itself a word or is no word at all: "Viện kiểm sút nhân tân tối cao", "Tòa dn
nhân dân tỉnh", "Bộ Chỉ huy quân sự trnh", "Số Dân tộc và Tôn giáo". A run of words is taken
for a name of the lexicon when its first word is the name's first word (marks aside) and its
other words are the name's words, marks aside, with at most one in three a letter away
(one letter changed, added or dropped, marks aside). Only the words that differ are replaced;
all-capitals words stay in capitals.

The lexicon holds the generic names of state bodies (Vietnamese administrative vocabulary:
ministries, provincial departments, courts, procuracies, mass organisations, armed forces),
not the names of one document.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex as re

from ...vntext import fold, within_one_edit

UNIT_NAMES = (
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Viện Kiểm sát nhân dân",
    "Viện Kiểm sát nhân dân tối cao",
    "Tòa án nhân dân",
    "Tòa án nhân dân tối cao",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc Việt Nam",
    "Liên đoàn Lao động",
    "Hội Liên hiệp Phụ nữ",
    "Hội Nông dân",
    "Hội Cựu chiến binh",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Bộ Chỉ huy quân sự tỉnh",
    "Bộ Chỉ huy Bộ đội Biên phòng",
    "Bộ đội Biên phòng",
    "Bộ Tư lệnh Vùng Cảnh sát biển",
    "Ngân hàng Nhà nước",
    "Ngân hàng Nhà nước Chi nhánh",
    "Ngân hàng Chính sách xã hội",
    "Chi cục Hải quan",
    "Kho bạc Nhà nước",
    "Bảo hiểm xã hội",
    "Đài Phát thanh và Truyền hình",
    "Văn phòng Ủy ban nhân dân",
    "Sở Giáo dục và Đào tạo",
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Công Thương",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Ngoại vụ",
    "Sở Nông nghiệp và Môi trường",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường",
    "Sở Dân tộc và Tôn giáo",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Giao thông vận tải",
    "Sở Kế hoạch và Đầu tư",
    "Sở Thông tin và Truyền thông",
    "Thanh tra tỉnh",
    "Công an tỉnh",
    "Bộ Công an",
    "Bộ Quốc phòng",
    "Bộ Y tế",
    "Bộ Tư pháp",
    "Bộ Tài chính",
    "Bộ Nội vụ",
    "Bộ Ngoại giao",
    "Bộ Công Thương",
    "Bộ Xây dựng",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Khoa học và Công nghệ",
    "Bộ Dân tộc và Tôn giáo",
)

_WORD_RE = re.compile(r"\p{L}+")


@lru_cache(maxsize=1)
def _index() -> dict[str, list[list[str]]]:
    """First word (folded) -> the names starting with it, longest first, as word lists."""
    index: dict[str, list[list[str]]] = {}
    for name in UNIT_NAMES:
        words = _WORD_RE.findall(name)
        index.setdefault(fold(words[0]).lower(), []).append(words)
    for names in index.values():
        names.sort(key=len, reverse=True)
    return index


def _match(found: list[str], name: list[str]) -> list[int] | None:
    """Indexes of the words to replace when `found` reads `name`, or None when it does not."""
    replace, near = [], 0
    for k, (got, want) in enumerate(zip(found, name, strict=True)):
        if got.lower() == want.lower():
            continue
        g, w = fold(got).lower(), fold(want).lower()
        if g == w:
            replace.append(k)  # marks only
        elif k and len(w) >= 2 and within_one_edit(g, w):
            replace.append(k)
            near += 1
        else:
            return None
    return replace if near <= len(name) // 3 else None


def correct_unit_names(text: str, counts: Counter[str] | None = None) -> str:
    """The text with misread names of state bodies mended; `counts` gets 'old->new (unit)' tallies."""
    index = _index()
    matches = list(_WORD_RE.finditer(text))
    out, last, i = [], 0, 0
    while i < len(matches):
        names = index.get(fold(matches[i][0]).lower())
        hit = None
        for name in names or ():
            found = [m[0] for m in matches[i : i + len(name)]]
            if len(found) < len(name):
                continue
            replace = _match(found, name)
            if replace is not None:
                hit = (name, replace)
                break
        if hit is None:
            i += 1
            continue
        name, replace = hit
        for k in replace:
            m = matches[i + k]
            new = name[k].upper() if m[0].isupper() and len(m[0]) > 1 else name[k]
            if new == m[0]:
                continue
            out.append(text[last : m.start()])
            out.append(new)
            last = m.end()
            if counts is not None:
                counts[f"{m[0]}->{new} (unit)"] += 1
        i += len(name)
    out.append(text[last:])
    return "".join(out)
