"""Text encoding: Unicode (TCVN 6909:2001) in NFC, one tone-placement style.

Older plans typed with .VnTime (TCVN3) or VNI fonts come out as Latin-1 gibberish
("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Coäng hoøa xaõ hoäi"); text from macOS or some
PDFs is decomposed (NFD); and "hoà" / "hòa" tone placements are both in use.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex as re

from ...blocks import Paragraph, Table
from ...models import Finding, Location, Plan
from ...vntext import _OLD_TO_NEW, nfc
from ..config import Config
from ..registry import rule
from ..util import document, excerpt, location

MESSAGES = {
    "legacy": {
        "vi": "{count} đoạn có dạng mã cũ TCVN3/VNI (chữ bị lỗi phông): cần chuyển sang Unicode",
        "en": "{count} paragraph(s) look like legacy TCVN3/VNI text (garbled font encoding): convert to Unicode",
    },
    "converted": {
        "vi": "văn bản gốc dùng bảng mã cũ ({note}); đã được chuyển sang Unicode khi đọc",
        "en": "the source uses a legacy encoding ({note}); it was converted to Unicode on reading",
    },
    "garbled_repaired": {
        "vi": 'lớp chữ của tệp dùng bảng mã phông hỏng ("Ĉӝc lұp" thay cho "Độc '
        'lập"); kehoach đã sửa bằng bảng ký tự học từ các cụm chữ đã biết{untrusted}',
        "en": 'the file\'s text layer uses a broken font map ("Ĉӝc lұp" for "Độc lập"); '
        "kehoach repaired it with a character map learnt from known phrases{untrusted}",
    },
    "garbled": {
        "vi": '{count} đoạn có chữ bị lỗi bảng mã phông ("Ĉӝc lұp" thay '
        'cho "Độc lập"): cần xuất lại văn bản với phông Unicode',
        "en": '{count} paragraph(s) have text in a broken font map ("Ĉӝc lұp" '
        'for "Độc lập"): export the document again with a Unicode font',
    },
    "decomposed": {
        "vi": "{count} đoạn dùng Unicode tổ hợp (NFD) hoặc dấu bị tách rời: nên chuẩn hóa về dạng dựng sẵn (NFC)",
        "en": "{count} paragraph(s) use decomposed Unicode (NFD) or detached marks: normalise to NFC",
    },
    "mixed": {
        "vi": "dùng lẫn hai kiểu bỏ dấu: {old} chỗ kiểu cũ (ví dụ "
        '"{old_example}") và {new} chỗ kiểu mới (ví dụ "{new_example}")',
        "en": "two tone-placement styles are mixed: {old} old-style (e.g. "
        '"{old_example}") and {new} new-style (e.g. "{new_example}")',
    },
}

_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_HARMLESS = set("\u00a0°±×÷«»§©®·´¨")
# Tone placement only varies in open syllables: "hoà/hòa", "thuỷ/thủy" — never in "hoạch",
# "toán" (a final consonant) or "quý" (qu- is one consonant).
_OLD_RE = re.compile(r"(?<![qQ])(?:" + "|".join(map(re.escape, _OLD_TO_NEW)) + r")(?!\p{L})")
_NEW_RE = re.compile(r"(?<![qQ])(?:" + "|".join(map(re.escape, _OLD_TO_NEW.values())) + r")(?!\p{L})")
_DETACHED = re.compile(r"\p{L}\s+[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]")


def _texts(plan: Plan) -> Iterator[tuple[str, str, Location]]:
    """(shown text, raw source text, location) of every paragraph and table cell."""
    doc = document(plan)
    if doc is None:
        return
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph):
            yield block.text, block.raw or block.text, location(block.prov, i)
        elif isinstance(block, Table):
            for r, row in enumerate(block.rows, 1):
                for cell in row.cells:
                    if cell.text:
                        loc = location(row.prov, i)
                        if loc.row is None:
                            loc.row = r
                        yield cell.text, cell.raw or cell.text, loc


def looks_legacy(text: str) -> bool:
    """Latin-1 letters Vietnamese never uses, in a density only TCVN3/VNI text reaches."""
    odd = sum(1 for c in text if "\u00a0" <= c <= "\u00ff" and c not in _VIETNAMESE_LATIN1 and c not in _HARMLESS)
    letters = sum(1 for c in text if c.isalpha())
    return odd >= 3 and letters > 0 and odd / letters >= 0.04


@rule(
    "legacy-encoding",
    "KH701",
    "error",
    plans_only=False,
    summary={
        "vi": "văn bản dùng bảng mã cũ TCVN3/VNI thay vì Unicode",
        "en": "text in a legacy TCVN3/VNI encoding instead of Unicode",
    },
    doc_vi="""legacy-encoding (KH701, lỗi): văn bản dùng bộ mã Unicode, không dùng TCVN3 (.VnTime) hay VNI.

      Nghị định 30 yêu cầu dùng bộ mã ký tự chữ Việt Unicode (TCVN 6909:2001). Văn bản gõ bằng phông
      chữ cũ sẽ hiển thị thành ký tự vô nghĩa ở mọi nơi khác. Nếu bộ phân tích đã tự chuyển mã thì
      chỉ báo ở mức `info`.
      """,
)
def legacy_encoding(plan: Plan, config: Config) -> Iterator[Finding]:
    """legacy-encoding (KH701, error): the text is Unicode, not TCVN3 (.VnTime) or VNI.

    Nghị định 30 requires Unicode (TCVN 6909:2001). Text typed in a legacy font reads as
    gibberish anywhere else. When the parser already converted it, this is only `info`.

    PASS::

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc

    FAIL::

        Céng hoµ x· héi chñ nghÜa ViÖt Nam
        §éc lËp - Tù do - H¹nh phóc

        Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam
    """
    doc = document(plan)
    if doc is not None:
        for note in doc.source.notes:
            if re.search(r"tcvn3|vni|legacy|bảng mã cũ|vntime", note, re.I):
                yield legacy_encoding.finding(config, MESSAGES["converted"], severity="info", note=note)
                return
    hits = [(text, loc) for text, raw, loc in _texts(plan) if looks_legacy(text)]
    if hits:
        yield legacy_encoding.finding(
            config,
            MESSAGES["legacy"],
            location=hits[0][1],
            excerpt=excerpt(hits[0][0]),
            count=len(hits),
            related=[
                {"location": loc.model_dump(exclude_none=True), "excerpt": excerpt(t, 60)} for t, loc in hits[1:20]
            ],
        )


_UNTRUSTED = {
    "vi": " (chưa chắc chắn: nên đối chiếu với bản gốc hoặc dùng --ocr)",
    "en": " (not certain: compare with the original or use --ocr)",
}


@rule(
    "garbled-text",
    "KH704",
    "warning",
    plans_only=False,
    summary={
        "vi": "lớp chữ bị sai ký tự do bảng mã phông bị hỏng",
        "en": "text layer in a broken font map (garbled letters)",
    },
    doc_vi="""garbled-text (KH704, cảnh báo): lớp chữ đọc ra tiếng Việt, không phải chữ của một bảng mã phông bị hỏng.

      Tệp PDF xuất bằng phông chữ có bảng ánh xạ ký tự bị hỏng cho ra "Ĉӝc lұp - Tӵ do" thay vì "Độc
      lập - Tự do": người đọc thấy đúng chữ, nhưng việc tìm kiếm, sao chép và mọi công cụ đều đọc ra
      ký tự sai. kehoach sửa loại văn bản này bằng bảng ánh xạ học được từ các cụm từ kế hoạch nào
      cũng có (Tiêu ngữ, các từ thông dụng); việc sửa được báo ở mức `info` (ở mức cảnh báo khi bảng
      ánh xạ không đủ tin cậy), chữ vẫn còn lỗi thì báo ở mức cảnh báo.
      """,
)
def garbled_text(plan: Plan, config: Config) -> Iterator[Finding]:
    """garbled-text (KH704, warning): the text layer reads as Vietnamese, not as a broken font map.

    A PDF exported with a font whose character map is broken gives "Ĉӝc lұp - Tӵ do" for
    "Độc lập - Tự do": people see the right letters, but search, copy and every tool read
    garbage. kehoach repairs such text with a map learnt from phrases every plan contains
    (the national motto, common words); a repair is reported as `info` (as a warning when the
    map could not be trusted), text that is still garbled as a warning.

    PASS::

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc

    FAIL::

        CӜNG HÒA XÃ HӜI CHӪ NGHƬA VIӊT NAM
        Ĉӝc lұp - Tӵ do - Hҥnh phúc

        KiӇm tra viӋc chҩp hành Quy ÿӏnh pháp luұt trong sӱ dөng và bҧo quҧn vұt liӋu nә công nghiӋp
    """
    from ...legacy import detect_encoding

    doc = document(plan)
    if doc is not None:
        for note in doc.source.notes:
            if note.startswith("repaired:garbled"):
                untrusted = note.endswith(":untrusted")
                yield garbled_text.finding(
                    config,
                    MESSAGES["garbled_repaired"],
                    severity="warning" if untrusted else "info",
                    untrusted=_UNTRUSTED[config.lang] if untrusted else "",
                )
                return
    texts = list(_texts(plan))
    if not texts or detect_encoding("\n".join(t for t, _, _ in texts)) != "garbled":
        return
    hits = [(t, loc) for t, _, loc in texts if detect_encoding(t) == "garbled"] or [(texts[0][0], texts[0][2])]
    yield garbled_text.finding(
        config, MESSAGES["garbled"], location=hits[0][1], excerpt=excerpt(hits[0][0]), count=len(hits)
    )


@rule(
    "decomposed-unicode",
    "KH702",
    "warning",
    plans_only=False,
    summary={
        "vi": "Unicode tổ hợp (NFD) hoặc dấu bị tách khỏi chữ",
        "en": "decomposed Unicode (NFD) or detached diacritics",
    },
    doc_vi="""decomposed-unicode (KH702, cảnh báo): văn bản ở dạng dựng sẵn (NFC).

      Văn bản ở dạng tổ hợp ("ê" ghi thành "e" + U+0302 + U+0301, thường gặp trên macOS và ở một số
      tệp PDF) trông giống hệt nhưng làm hỏng việc tìm kiếm, sắp xếp và sao chép; dấu bị tách rời
      bởi khoảng trắng ("nga ̀ y") thì nhìn thấy rõ là sai. Bộ phân tích đã tự sửa cả hai trường hợp
      trong kết quả của mình; tệp gốc cũng nên được sửa.
      """,
)
def decomposed_unicode(plan: Plan, config: Config) -> Iterator[Finding]:
    """decomposed-unicode (KH702, warning): text is in precomposed form (NFC).

    Decomposed text ("ê" as "e" + U+0302 + U+0301, typical of macOS and some PDFs) looks the
    same but breaks search, sorting and copy-paste; a mark detached by a space ("nga ̀ y")
    is visibly wrong. The parser repairs both for its own output; the source should too.

    PASS::

        Lộc Hà, ngày 20 tháng 02 năm 2024

    FAIL::

        Lộc Hà, ngày 20 tháng 02 năm 2024
    """
    hits = [
        (text, loc)
        for text, raw, loc in _texts(plan)
        if unicodedata.normalize("NFC", raw) != raw or _DETACHED.search(raw)
    ]
    if hits:
        yield decomposed_unicode.finding(
            config, MESSAGES["decomposed"], location=hits[0][1], excerpt=excerpt(hits[0][0]), count=len(hits)
        )


@rule(
    "mixed-tone-placement",
    "KH703",
    "info",
    plans_only=False,
    summary={
        "vi": "dùng lẫn kiểu đặt dấu thanh cũ (hoà) và mới (hòa)",
        "en": "old (hoà) and new (hòa) tone placement mixed",
    },
    doc_vi="""mixed-tone-placement (KH703, thông tin): dùng thống nhất một kiểu đặt dấu thanh.

      Cả "hoà, thuỷ" (kiểu cũ) và "hòa, thủy" (kiểu mới) đều được chấp nhận — chính văn bản nghị
      định cũng dùng lẫn cả hai — nhưng trong một văn bản nên thống nhất một kiểu.
      """,
)
def mixed_tone_placement(plan: Plan, config: Config) -> Iterator[Finding]:
    """mixed-tone-placement (KH703, info): one tone-placement style throughout.

    "hoà, thuỷ" (old style) and "hòa, thủy" (new style) are both accepted — the decree itself
    mixes them — but one document should pick one.

    PASS::

        Phòng Văn hóa và Thông tin phối hợp với Trung tâm Văn hóa - Thể thao huyện.

    FAIL::

        Phòng Văn hoá và Thông tin phối hợp với Trung tâm Văn hóa - Thể thao huyện.
    """
    old = new = 0
    old_first: tuple[str, Location] | None = None
    new_first: tuple[str, Location] | None = None
    for text, _, loc in _texts(plan):
        text = nfc(text)
        o = [m for m in _OLD_RE.finditer(text)]
        n = [m for m in _NEW_RE.finditer(text)]
        old, new = old + len(o), new + len(n)
        if o and old_first is None:
            old_first = (_word_at(text, o[0].start()), loc)
        if n and new_first is None:
            new_first = (_word_at(text, n[0].start()), loc)
    if old and new and old_first and new_first:
        minority = old_first if old <= new else new_first
        yield mixed_tone_placement.finding(
            config,
            MESSAGES["mixed"],
            location=minority[1],
            excerpt=minority[0],
            old=old,
            new=new,
            old_example=old_first[0],
            new_example=new_first[0],
        )


def _word_at(text: str, pos: int) -> str:
    start = pos
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = pos
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]
