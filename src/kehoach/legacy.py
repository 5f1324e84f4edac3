"""Text-level repairs: legacy Vietnamese encodings and garbled PDF text layers.

Three kinds of broken Vietnamese reach the parsers:

- **TCVN3** (ABC, the ".VnTime" fonts): one Latin-1 byte per Vietnamese letter, lower case
  only; capitals come from a second font (".VnTimeH") with the same codes, so "CéNG HOµ"
  is "CỘNG HOÀ". The motto reads `Céng hoµ x· héi chñ nghÜa ViÖt Nam`.
- **VNI** ("VNI-Times"): a base letter followed by a Latin-1 modifier
  (`Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam`).
- **Garbled PDF text layers**: a font embedded without a usable Unicode map, so the
  extractor returns glyph numbers — pdfplumber's "(cid:1245)", or the number taken as a
  code point ("Ĉӝc lұp" for "Độc lập"). The numbers are the font's glyph order. For a
  TrueType font the first glyphs follow the standard order (glyph = ASCII code − 29, so
  "(cid:54)" is "S"); the Vietnamese letters are wherever the font put them, and differ
  between the regular, bold and italic faces. So the map of the remaining glyphs is
  learnt from the document itself: words whose glyphs are partly known are matched
  against the national motto, the document-type names and a frequency list of
  administrative Vietnamese (`vi_lexicon`), each match votes for the glyphs it would
  fix, and the clearest votes are adopted round after round. A word's neighbours vote
  too, through the word pairs of `vi_lexicon` ("định kỳ", "kỷ luật"). A glyph the rounds
  leave open is still given its likeliest letter — a dropped letter ("V Việt Linh") is
  worse than a guess — and a guess with little behind it is listed in `Repair.uncertain`
  so that the front-end can say where. The repair is *trusted* when the motto comes out
  right and nearly every glyph got a letter.

Detection looks at the text, never at font names: the share of words that are common
Vietnamese before and after each conversion decides.
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Literal

import regex as re

from .vi_lexicon import frequencies, pairs
from .vntext import key, nfc

if TYPE_CHECKING:
    from .blocks import Document

Kind = Literal["unicode", "tcvn3", "vni", "garbled"]

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
# Known pairs: phrases every plan prints, used to anchor the glyph map before the lexicon.
ANCHORS = (MOTTO, MOTTO_2, "KẾ HOẠCH", "QUYẾT ĐỊNH", "TỜ TRÌNH", "THÔNG BÁO", "BÁO CÁO",
           "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "Nơi nhận", "TỔ CHỨC THỰC HIỆN")

# --------------------------------------------------------------------------- TCVN3 (ABC)

_TCVN3_PAIRS = (
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \u00adư ®đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
TCVN3_TO_UNICODE: dict[str, str] = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split()}
_TCVN3_MARKERS = frozenset(TCVN3_TO_UNICODE)

# --------------------------------------------------------------------------- VNI

_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT_TONES = {"á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}   # â/ê/ô + tone
_VNI_BREVE_TONES = {"é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}  # ă + tone


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(src: str, base: str, *marks: str) -> None:
        out = unicodedata.normalize("NFC", base + "".join(marks))
        table[src] = out
        table[src.upper()] = out.upper()
        # an upper-case base with lower-case modifiers, as typed in capitalised words
        table[src[0].upper() + src[1:]] = out[0].upper() + out[1:]

    for vowel in "aeiouy":
        for mod, tone in _VNI_TONES.items():
            add(vowel + mod, vowel, tone)
    for vowel in "aeo":                       # â ê ô
        add(vowel + "â", vowel, "\u0302")
        for mod, tone in _VNI_HAT_TONES.items():
            add(vowel + mod, vowel, "\u0302", tone)
    add("aê", "a", "\u0306")                  # ă
    for mod, tone in _VNI_BREVE_TONES.items():
        add("a" + mod, "a", "\u0306", tone)
    for src, base in (("ô", "o"), ("ö", "u")):    # ơ ư (one byte each) + tone
        table[src] = unicodedata.normalize("NFC", base + "\u031b")
        table[src.upper()] = table[src].upper()
        for mod, tone in _VNI_TONES.items():
            add(src + mod, base, "\u031b", tone)
    # i and y with a tone are single bytes in VNI
    for src, out in (("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ")):
        table[src] = out
        table[src.upper()] = out.upper()
    table["ñ"], table["Ñ"] = "đ", "Đ"
    # bare vowels with tones already covered; drop identity/ambiguous entries
    return {k: v for k, v in table.items() if k != v}


VNI_TO_UNICODE = _vni_table()
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True)))
_VNI_MARKERS = frozenset("øùûõïâáàåãäêéèúüëôöñÑÂÁÀÅÃÄÊÉÈÚÜËÔÖØÙÛÕÏæÆîÎóòÓÒíìÍÌ")

# --------------------------------------------------------------------------- scoring

_WORD_RE = re.compile(r"\p{L}+")
_VIET_ONLY = re.compile(r"[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


_LEX_CACHE: dict[str, int] = {}


def _lexicon() -> dict[str, int]:
    """Lexicon words in both tone placements (hoà/hòa) plus the anchor phrases' words."""
    if _LEX_CACHE:
        return _LEX_CACHE
    base = dict(frequencies())
    for phrase in ANCHORS:
        for word in _WORD_RE.findall(phrase.lower()):
            base[word] = base.get(word, 0) + 50
    out: dict[str, int] = {}
    from .vntext import _NEW_RE, _OLD_RE, _OLD_TO_NEW

    new_to_old = {v: k for k, v in _OLD_TO_NEW.items()}
    for word, count in base.items():
        out[word] = out.get(word, 0) + count
        old = _NEW_RE.sub(lambda m: new_to_old[m.group(0)], word)
        new = _OLD_RE.sub(lambda m: _OLD_TO_NEW[m.group(0)], word)
        for variant in (old, new):
            if variant != word:
                out[variant] = out.get(variant, 0) + count
    _LEX_CACHE.update(out)
    return _LEX_CACHE


def vietnamese_share(text: str) -> float:
    """Share of the words of `text` that are common Vietnamese syllables (0..1)."""
    words = _WORD_RE.findall(text.lower())
    if not words:
        return 0.0
    lex = _lexicon()
    return sum(1 for w in words if w in lex) / len(words)


def _has_motto(text: str) -> bool:
    folded = key(text)
    return key(MOTTO) in folded or key(MOTTO_2) in folded


# --------------------------------------------------------------------------- legacy encodings


def _fix_legacy_case(text: str) -> str:
    """TCVN3 capitals come from an upper-case font with lower-case codes: "CỘNG" in "CéNG".

    A word whose ASCII letters are all capitals is a capitals word. A word with just one
    ASCII letter, a capital first ("Tù": "Tự" or "TỰ"), follows the rest of its line.
    """
    words = list(_WORD_RE.finditer(text))

    def ascii_letters(w: str) -> list[str]:
        return [c for c in w if c.isascii() and c.isalpha()]

    def is_caps(w: str) -> bool | None:
        letters = ascii_letters(w)
        if len(w) < 2 or not letters:
            return None
        if all(c.isupper() for c in letters):
            return True if len(letters) >= 2 or not w[0].isupper() else None
        return False

    verdicts = [is_caps(m.group(0)) for m in words]
    # only words with converted letters say which font the line was in ("KH-UBND" is
    # capitals in both)
    known = [v for m, v in zip(words, verdicts) if v is not None and not m.group(0).isascii()]
    line_caps = bool(known) and sum(known) > len(known) / 2
    out, last = [], 0
    for m, verdict in zip(words, verdicts):
        w = m.group(0)
        upper = verdict if verdict is not None else (line_caps and bool(ascii_letters(w)) and w[0].isupper())
        out.append(text[last:m.start()])
        out.append(w.upper() if upper else w)
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def tcvn3_to_unicode(text: str) -> str:
    converted = "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in text)
    return nfc(_fix_legacy_case(converted))


def vni_to_unicode(text: str) -> str:
    return nfc(_VNI_RE.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text))


def to_unicode(text: str, kind: str) -> str:
    """Convert `text` from `kind` ("tcvn3", "vni"; "unicode" and "garbled" as is) to NFC."""
    if kind == "tcvn3":
        return tcvn3_to_unicode(text)
    if kind == "vni":
        return vni_to_unicode(text)
    if kind == "garbled":
        return repair([text]).lines[0]
    return nfc(text)


# --------------------------------------------------------------------------- garbled glyph text

_CID_RE = re.compile(r"\(cid:(\d+)\)")
_UNIT_RE = re.compile(r"\(cid:(\d+)\)|(.)", re.S)
_VI_LOWER = ("aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợ"
             "pqrstuùúủũụưừứửữựvxyỳýỷỹỵ")
_VI_LETTERS = frozenset(_VI_LOWER + _VI_LOWER.upper())
_PUNCT_CANDIDATES = "–—“”‘’…•"


def _is_foreign(ch: str) -> bool:
    """A character that stands for a glyph number, not for itself ("ӝ" in "Ĉӝc")."""
    if ch.isascii() or ch in _VI_LETTERS or ch.isspace():
        return False
    cp = ord(ch)
    if 0x2000 <= cp <= 0x206F or 0x20A0 <= cp <= 0x20CF:
        return False
    # a letter Vietnamese does not use ("ÿ", "ӝ", "Ĉ") stands for a glyph number
    return unicodedata.category(ch)[0] in "LM"


def _units(line: str, ascii_prior: bool) -> list[int | str]:
    """A line -> literal characters (str) and glyph numbers (int)."""
    out: list[int | str] = []
    for m in _UNIT_RE.finditer(line):
        if m.group(1) is not None:
            gid = int(m.group(1))
            if ascii_prior and 3 <= gid <= 97:
                out.append(chr(gid + 29))
            else:
                out.append(gid)
        else:
            ch = m.group(2)
            out.append(ord(ch) if _is_foreign(ch) else ch)
    return out


def _glyph_count(lines: list[str]) -> tuple[int, int]:
    """(glyph-number units, letters) over the lines."""
    glyphs = letters = 0
    for line in lines:
        cids = len(_CID_RE.findall(line))
        rest = _CID_RE.sub("", line)
        foreign = sum(1 for ch in rest if _is_foreign(ch))
        glyphs += cids + foreign
        letters += cids + sum(1 for ch in rest if ch.isalpha())
    return glyphs, letters


@dataclass
class Repair:
    """What `repair` did: the lines, the kind repaired (or None), and how far to trust it."""

    lines: list[str]
    kind: str | None = None
    trusted: bool = True
    glyphs: int = 0                   # distinct glyph numbers seen
    mapped: int = 0                   # of which a letter was learnt
    unmapped_share: float = 0.0       # share of glyph occurrences left without a letter
    mapping: dict[int, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # letters guessed with little to go on: (line index, the word as repaired, glyph, letter)
    uncertain: list[tuple[int, str, int, str]] = field(default_factory=list)

    def uncertain_notes(self, place: "Callable[[int], str]") -> list[str]:
        """One note per unsure word, `place` naming where line `i` is ("page 2 line 7")."""
        return [f"letter guessed, unsure: '{word}' (glyph {gid} read as '{letter}'), {place(i)}"
                for i, word, gid, letter in self.uncertain]


def _split_words(units: list[int | str]) -> list[list[int | str]]:
    words: list[list[int | str]] = []
    current: list[int | str] = []
    for u in units:
        if isinstance(u, int) or u.isalpha():
            current.append(u)
        else:
            if current:
                words.append(current)
            current = []
    if current:
        words.append(current)
    return words


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")


def _syllable(word: str) -> tuple[str, str, str]:
    """(onset, rhyme without tone, tone mark or "") of a lower-case syllable."""
    nfd = unicodedata.normalize("NFD", word)
    tone = "".join(ch for ch in nfd if ch in _TONES)
    base = unicodedata.normalize("NFC", "".join(ch for ch in nfd if ch not in _TONES))
    onset = next(o for o in _ONSETS if base.startswith(o))
    return onset, base[len(onset):], tone


_RHYMES: set[str] = set()
_TONED_RHYMES: Counter = Counter()
_TONE_SHARE: Counter = Counter()


def _rhyme_weight(word: str) -> float:
    """How common the word's rhyme with its tone is in the lexicon ("ùng": cùng, dùng …);
    a rhyme never seen with that tone weighs by how common the tone is."""
    if not _TONED_RHYMES:
        for w, n in _lexicon().items():
            if w.isalpha():
                _, rhyme, tone = _syllable(w)
                _TONED_RHYMES[rhyme + tone] += n ** 0.5
                _TONE_SHARE[tone] += n
        total = sum(_TONE_SHARE.values()) or 1
        for tone in _TONE_SHARE:
            _TONE_SHARE[tone] /= total
    _, rhyme, tone = _syllable(word)
    return float(_TONED_RHYMES.get(rhyme + tone, 0.0)) or 0.1 * _TONE_SHARE.get(tone, 0.0)


def _plausible(word: str) -> bool:
    """A syllable Vietnamese could write: a known onset, a rhyme some lexicon word has,
    one tone at most, and only sắc/nặng on a stop ending (-p -t -c -ch).

    For a letter no lexicon word explains ("Dũng", a name): it keeps the choice among
    letters that make a syllable at all.
    """
    if not _RHYMES:
        _RHYMES.update(r for w in _lexicon() if w.isalpha() for r in [_syllable(w)[1]] if r)
    _, rhyme, tone = _syllable(word)
    if len(tone) > 1 or rhyme not in _RHYMES:
        return False
    return not rhyme.endswith(("p", "t", "c", "ch")) or tone in ("\u0301", "\u0323")


def _word_pairs(units: list[int | str]) -> list[tuple[tuple, tuple]]:
    """Pairs of words next to each other in `units` (only spaces between them)."""
    out: list[tuple[tuple, tuple]] = []
    prev: tuple | None = None
    current: list[int | str] = []
    gap_ok = False
    for u in [*units, "\n"]:
        if isinstance(u, int) or u.isalpha():
            current.append(u)
            continue
        if current:
            word = tuple(current)
            if prev is not None and gap_ok:
                out.append((prev, word))
            prev, current, gap_ok = word, [], True
        if u != " ":
            prev, gap_ok = None, False
    return out


class _Index:
    """Lexicon words by length, for matching partly known glyph words."""

    def __init__(self, lex: dict[str, int]) -> None:
        self.by_len: dict[int, list[tuple[str, float]]] = defaultdict(list)
        for word, count in lex.items():
            # damped: a small corpus over-weights its own topics ("thường" 46 vs "thương" 1)
            self.by_len[len(word)].append((word, float(count) ** 0.5))

    def matches(self, pattern: list[int | str], mapping: dict[int, str]) -> list[tuple[str, float]]:
        """Lexicon words fitting `pattern` (letters fixed, glyphs free but consistent)."""
        fixed = [(i, (mapping.get(u) if isinstance(u, int) else u)) for i, u in enumerate(pattern)]
        fixed = [(i, c.lower()) for i, c in fixed if c is not None]
        free = [(i, u) for i, u in enumerate(pattern) if isinstance(u, int) and u not in mapping]
        out = []
        for word, count in self.by_len.get(len(pattern), ()):
            if any(word[i] != c for i, c in fixed):
                continue
            seen: dict[int, str] = {}
            ok = True
            for i, gid in free:
                ch = word[i]
                if ch.isascii() and gid >= 98:
                    # past the standard glyph order nothing is plain ASCII
                    ok = False
                    break
                if seen.setdefault(gid, ch) != ch:
                    ok = False
                    break
            if ok:
                out.append((word, count))
        return out


def _case_vote(word: list[int | str], pos: int, mapping: dict[int, str]) -> int:
    """+1 when the word around position `pos` is upper case, -1 when lower, 0 when unknown."""
    letters = []
    for i, u in enumerate(word):
        if i == pos:
            continue
        ch = mapping.get(u) if isinstance(u, int) else u
        if ch and ch.isalpha():
            letters.append((i, ch))
    if not letters:
        return 0
    uppers = sum(1 for _, c in letters if c.isupper())
    if uppers == len(letters):
        # "SỞ" or "CỘNG" say upper; a lone capital first letter ("Sở") says nothing
        return 1 if len(letters) >= 2 or letters[0][0] != 0 else 0
    if pos == 0:
        return 0 if uppers == 0 else -1          # "Độc": a capital first letter is normal
    return -1


# The standard Macintosh glyph order that TrueType fonts keep for their first glyphs:
# after ASCII (glyph = code - 29, 3..97) come these accented letters, 98..129.
_MAC_ORDER = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü"
MAC_STANDARD: dict[int, str] = {98 + i: ch for i, ch in enumerate(_MAC_ORDER)}


def _neighbour_prior(gid: int, mapping: dict[int, str]) -> dict[str, tuple[float, str]]:
    """Letters suggested by learnt neighbours in the glyph order: lower-case letter ->
    (weight, the letter in the case suggested).

    Fonts keep runs of letters in Unicode order (in Times New Roman glyph 1245 is "ộ"
    U+1ED9 and 1244 is "Ộ" U+1ED8), so a glyph k places after a learnt one is likely
    the letter k code points after it.
    """
    prior: dict[str, tuple[float, str]] = {}
    for k in (1, 2, 3, 4):
        for sign in (1, -1):
            other = mapping.get(gid + sign * k)
            if not other or len(other) != 1:
                continue
            cp = ord(other) - sign * k
            if cp > 0 and chr(cp) in _VI_LETTERS and not chr(cp).isascii():
                letter = chr(cp)
                weight, _ = prior.get(letter.lower(), (0.0, letter))
                prior[letter.lower()] = (weight + 1.0 / k, letter)
    return prior


def _offset_prior(mapping: dict[int, str]) -> list[tuple[int, float]]:
    """Code point - glyph offsets shared by many learnt glyphs, with a weight.

    When a font keeps the Vietnamese block in Unicode order, one offset explains dozens
    of glyphs at once: a systematic decoding, found rather than assumed.
    """
    offsets: Counter = Counter()
    for gid, letter in mapping.items():
        if gid >= 98 and len(letter) == 1 and not letter.isascii():
            offsets[ord(letter) - gid] += 1
    return [(off, min(1.5, n / 10)) for off, n in offsets.items() if n >= 5]


_FAR = 40   # glyphs this far apart in the font's order belong to different runs


def _run_letters(gid: int, mapping: dict[int, str]) -> list[tuple[str, float]]:
    """Letters the font's runs of Unicode-ordered glyphs predict for `gid`, with a weight.

    For each offset of `_offset_prior`, walk from the nearest learnt glyph of the run to
    `gid`, one code point a glyph, skipping letters the font keeps elsewhere: a font lists
    each letter once, so when "ỳ" is learnt far away (Times New Roman keeps "Ỳ ỳ" with the
    Welsh letters) the Vietnamese run goes on "… ự Ỵ ỵ Ỷ ỷ Ỹ ỹ". Case pairs stay together,
    so a letter's capital is skipped with it.
    """
    owned: dict[str, int] = {}
    by_offset: dict[int, list[int]] = defaultdict(list)
    for g, letter in mapping.items():
        if len(letter) == 1 and not letter.isascii():
            if g >= 98:
                by_offset[ord(letter) - g].append(g)

    runs = _offset_prior(mapping)
    in_run = {g for offset, _ in runs for g in by_offset[offset]}
    # letters the font keeps on their own, far from `gid` and in no run (another face of
    # the font repeats the whole run and says nothing about skips)
    for g, letter in mapping.items():
        if len(letter) == 1 and not letter.isascii() and g not in in_run and abs(g - gid) > _FAR:
            owned.setdefault(letter.lower(), g)

    def elsewhere(cp: int) -> bool:
        return chr(cp).lower() in owned

    out: list[tuple[str, float]] = []
    for offset, weight in runs:
        members = by_offset[offset]
        below = max((g for g in members if g < gid), default=None)
        above = min((g for g in members if g > gid), default=None)
        if below is not None and gid - below <= _FAR:
            step, start = 1, below
        elif above is not None and above - gid <= _FAR:
            step, start = -1, above
        else:
            out.append((chr(gid + offset), weight) if 0 < gid + offset < 0x110000 else ("", 0.0))
            continue
        cp = ord(mapping[start])
        for _ in range(abs(gid - start)):
            cp += step
            while 0 < cp < 0x110000 and elsewhere(cp):
                cp += step
        if 0 < cp < 0x110000:
            out.append((chr(cp), weight))
    return [(c, w) for c, w in out if c]


def _learn(words: Counter, lex: dict[str, int], seed: dict[int, str], glyph_ids: bool,
           rounds: int = 80, contexts: dict[tuple, Counter] | None = None,
           pairs: dict[str, int] | None = None, unsure: dict[int, float] | None = None) -> dict[int, str]:
    """Learn glyph -> letter from partly known words (see the module docstring).

    For each unknown glyph and each candidate letter, the words holding the glyph are
    scored by how much lexicon mass fits them with that letter (smoothed log-likelihood,
    other unknown glyphs of the word left free), plus a bonus for letters suggested by
    neighbours in the glyph order or by the standard glyph order. The glyphs with the
    clearest winner are adopted and the scores recomputed with them known; finally every
    learnt glyph is re-scored with all the others known, and changed if clearly better.

    A word's neighbours vote too: with `contexts` (word -> Counter of ("L"|"R", neighbour
    word)) a candidate that makes a known pair with a neighbour ("định kỳ", not "định kỷ")
    gets the pair's weight. A glyph still without a letter at the end is settled with its
    best candidate rather than left out; its margin goes to `unsure` when it is thin.
    """
    import math

    index = _Index(lex)
    mapping = dict(seed)
    by_glyph: dict[int, list[tuple[tuple, int]]] = defaultdict(list)
    for word, n in words.most_common():
        for u in set(word):
            if isinstance(u, int) and len(by_glyph[u]) < 80:   # the commonest words say enough
                by_glyph[u].append((word, n))
    alpha, n_letters, bonus, standard_bonus, reuse_penalty = 0.5, 70, 2.5, 8.0, 3.0
    pair_weight, sure_margin = 3.0, 1.0
    contexts = contexts or {}
    pairs = pairs or {}

    def text_of(word: tuple, known: dict[int, str]) -> str | None:
        out = []
        for u in word:
            ch = known.get(u) if isinstance(u, int) else u
            if ch is None:
                return None
            out.append(ch)
        return "".join(out).lower()

    def neighbours_case(word: tuple, known: dict[int, str]) -> int:
        """+1 when the word's neighbours are capitals words, -1 when lower case, else 0."""
        vote = 0
        for (_, other), k in contexts.get(word, {}).items():
            letters = [ch for u in other for ch in [known.get(u) if isinstance(u, int) else u] if ch]
            if len(letters) == len(other) >= 2:
                vote += k if all(c.isupper() for c in letters) else -k if all(c.islower() for c in letters) else 0
        return (vote > 0) - (vote < 0)

    def pair_mass(word: tuple, n: int, cand: str, known: dict[int, str]) -> float:
        """The weight of the known pairs `cand` makes with the word's neighbours."""
        total = 0.0
        for (side, other), k in contexts.get(word, {}).items():
            text = text_of(other, known)
            if text is None:
                continue
            count = pairs.get(f"{text} {cand}" if side == "L" else f"{cand} {text}")
            if count:
                total += k / n * count ** 0.5
        return pair_weight * total

    def plausible_letters(gid: int, known: dict[int, str]) -> set[str]:
        """Letters not yet used that make a plausible syllable of every word of the glyph."""
        taken = set(known.values())
        if glyph_ids and gid not in MAC_STANDARD:
            # a TrueType font keeps these at their standard place (98..129), not here
            taken |= set(MAC_STANDARD.values())
        out: set[str] | None = None
        for word, _ in by_glyph[gid]:
            if any(isinstance(u, int) and u != gid and u not in known for u in word):
                continue
            fits = set()
            for c in _VI_LOWER:
                if c in taken or c.upper() in taken or (c.isascii() and (gid >= 98 or not glyph_ids)):
                    continue
                text = "".join(c if u == gid else (known[u] if isinstance(u, int) else u) for u in word)
                if _plausible(text.lower()):
                    fits.add(c)
            out = fits if out is None else out & fits
        return out or set()

    def decide(gid: int, known: dict[int, str], settle: bool = False) -> tuple[float, str] | None:
        evidence: list[tuple[int, dict[str, float], float]] = []
        case_vote = 0
        plausible = plausible_letters(gid, known) if settle else set()
        for word, n in by_glyph[gid]:
            pattern = list(word)
            free = {u for u in pattern if isinstance(u, int) and u not in known}
            if len(free) > 3:
                continue
            mass: dict[str, float] = defaultdict(float)
            for cand, count in index.matches(pattern, known):
                mass[cand[pattern.index(gid)]] += count + (pair_mass(word, n, cand, known) if pairs else 0.0)
            if settle and not free - {gid}:
                # no lexicon word: a syllable with a common rhyme is the likelier reading
                for c in plausible:
                    text = "".join(c if u == gid else (known[u] if isinstance(u, int) else u) for u in word)
                    mass[c] += 0.1 * _rhyme_weight(text.lower())
            total = sum(mass.values())
            if total > 0:
                evidence.append((n, mass, total))
            for i, u in enumerate(pattern):
                if u == gid:
                    # a word that does not tell ("T?" in "TỔ") follows its neighbours ("CHỨC")
                    vote = _case_vote(pattern, i, known)
                    others = [ch for j, v in enumerate(pattern) if j != i
                              for ch in [known.get(v) if isinstance(v, int) else v] if ch and ch.isalpha()]
                    if vote == 0 and all(ch.isupper() for ch in others):
                        vote = neighbours_case(word, known)
                    case_vote += vote * n
        prior = _neighbour_prior(gid, known)
        for letter, weight in _run_letters(gid, known):
            if letter in _VI_LETTERS and not letter.isascii():
                w, _ = prior.get(letter.lower(), (0.0, letter))
                prior[letter.lower()] = (w + weight, letter)
        cased: dict[str, str] = {c: letter for c, (_, letter) in prior.items()}
        if glyph_ids and gid in MAC_STANDARD:
            letter = MAC_STANDARD[gid]
            w, _ = prior.get(letter.lower(), (0.0, letter))
            prior[letter.lower()] = (w + standard_bonus / bonus, letter)
            cased[letter.lower()] = letter
        candidates = set(prior)
        for _, mass, _ in evidence:
            candidates.update(mass)
        candidates |= plausible
        if not candidates:
            return None
        scores: dict[str, float] = {}
        taken = {c for g, c in known.items() if g != gid}

        def letter_for(c: str) -> str:
            if c in cased:
                return cased[c]
            return c.upper() if case_vote > 0 else c

        for c in candidates:
            ll = sum(min(n, 3) * math.log((mass.get(c, 0.0) + alpha) / (total + alpha * n_letters))
                     for n, mass, total in evidence)
            # one letter is usually one glyph (a second face of the font is the exception)
            scores[c] = ll + bonus * prior.get(c, (0.0, c))[0] - (reuse_penalty if letter_for(c) in taken else 0.0)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))   # ties: the same answer every run
        best, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else top - 10.0
        support = sum(1 for _, mass, _ in evidence if mass.get(best)) + (1 if best in prior else 0) \
            + (1 if best in plausible else 0)
        if support == 0:
            return None
        return top - second, letter_for(best)

    for _ in range(rounds):
        decisions: list[tuple[float, int, str]] = []
        for gid in by_glyph:
            if gid in mapping:
                continue
            decided = decide(gid, mapping)
            if decided:
                decisions.append((decided[0], gid, decided[1]))
        if not decisions:
            break
        decisions.sort(reverse=True)
        margin_ok = [d for d in decisions if d[0] >= 3.0]
        chosen = margin_ok[: max(1, len(margin_ok) // 3)] or ([decisions[0]] if decisions[0][0] >= 0.7 else [])
        if not chosen:
            break
        for _, gid, letter in chosen:
            mapping[gid] = letter
    for _ in range(2):   # re-score each learnt glyph with all the others known
        changed = False
        for gid in list(mapping):
            if gid in seed:
                continue
            others = {g: c for g, c in mapping.items() if g != gid}
            decided = decide(gid, others)
            if decided and decided[1] != mapping[gid] and decided[0] >= 1.0:
                mapping[gid] = decided[1]
                changed = True
        if not changed:
            break
    # glyphs the rounds left open: a best guess beats a dropped letter ("V Việt Linh")
    for _ in range(len(by_glyph)):
        open_ = [(decided, gid) for gid in by_glyph if gid not in mapping
                 for decided in [decide(gid, mapping, settle=True)] if decided]
        if not open_:
            break
        (margin, letter), gid = max(open_)
        mapping[gid] = letter
        if unsure is not None and margin < sure_margin:
            unsure[gid] = margin
    return mapping


def _anchor_seed(line_units: list[list[int | str]]) -> dict[int, str]:
    """Glyph letters from lines that are, letter for letter, a known phrase (the motto …)."""
    seed: dict[int, str] = {}
    anchors = [a for a in ANCHORS]
    for units in line_units:
        text_units = [u for u in units if not (isinstance(u, str) and u.isspace())]
        for anchor in anchors:
            target = [c for c in anchor if not c.isspace()]
            if len(target) != len(text_units):
                continue
            trial: dict[int, str] = {}
            ok = True
            for u, c in zip(text_units, target):
                if isinstance(u, int):
                    if trial.setdefault(u, c) != c or (u in seed and seed[u] != c):
                        ok = False
                        break
                elif u != c and u.lower() != c.lower():
                    ok = False
                    break
            if ok and trial:
                seed.update(trial)
                break
    return seed


def _render(units: list[int | str], mapping: dict[int, str], ascii_prior: bool) -> str:
    out = []
    for u in units:
        if isinstance(u, int):
            out.append(mapping.get(u, f"(cid:{u})" if ascii_prior else chr(u)))
        else:
            out.append(u)
    return nfc("".join(out))


def repair_garbled(lines: list[str]) -> Repair:
    """Learn the glyph map of a garbled text layer from the text itself and apply it."""
    joined = "\n".join(lines)
    ascii_prior = bool(_CID_RE.search(joined))
    line_units = [_units(line, ascii_prior) for line in lines]
    words: Counter = Counter()
    occurrences: Counter = Counter()
    contexts: dict[tuple, Counter] = defaultdict(Counter)
    for units in line_units:
        for word in _split_words(units):
            words[tuple(word)] += 1
        for left, right in _word_pairs(units):
            contexts[right][("L", left)] += 1
            contexts[left][("R", right)] += 1
        for u in units:
            if isinstance(u, int):
                occurrences[u] += 1
    seed = _anchor_seed(line_units)
    unsure: dict[int, float] = {}
    mapping = _learn(words, _lexicon(), seed, glyph_ids=ascii_prior, contexts=contexts,
                     pairs=pairs(), unsure=unsure)
    repaired = [_render(units, mapping, ascii_prior) for units in line_units]
    total = sum(occurrences.values()) or 1
    unmapped = sum(n for g, n in occurrences.items() if g not in mapping)
    result = Repair(lines=repaired, kind="garbled", glyphs=len(occurrences),
                    mapped=sum(1 for g in occurrences if g in mapping),
                    unmapped_share=unmapped / total, mapping=mapping)
    for gid in sorted(unsure):
        seen = 0
        for i, units in enumerate(line_units):
            for word in _split_words(units):
                if gid in word and seen < 5:   # the first few places say enough
                    result.uncertain.append((i, _render(word, mapping, ascii_prior), gid, mapping[gid]))
                    seen += 1
    text = "\n".join(repaired)
    share = vietnamese_share(_CID_RE.sub(" ", text))
    result.trusted = _has_motto(text) and result.unmapped_share <= 0.02 and share >= 0.6
    result.notes.append(
        f"garbled text layer: {result.mapped}/{result.glyphs} glyphs learnt, "
        f"{result.unmapped_share:.1%} of glyph occurrences left, {share:.0%} common words, "
        f"motto {'found' if _has_motto(text) else 'not found'}")
    return result


# --------------------------------------------------------------------------- detection


def _legacy_candidates(text: str) -> bool:
    """Text that could be TCVN3/VNI: Latin-1 letters and no Vietnamese-only Unicode letters."""
    return not _VIET_ONLY.search(text)


def _plain_unicode_chars() -> frozenset[str]:
    """ASCII, every precomposed Vietnamese letter and common typographic marks."""
    import unicodedata

    base = "aăâeêioôơuưy"
    marks = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    letters = {unicodedata.normalize("NFC", v + m) for v in base for m in marks} | {"đ"}
    letters |= {c.upper() for c in letters}
    ascii_ = {chr(i) for i in range(32, 127)} | {"\t", "\n", "\r"}
    typography = set("“”‘’–—…•·°§№«»×÷±\u00a0\u200b\ufeff")
    return frozenset(letters | ascii_ | typography)


_PLAIN = _plain_unicode_chars()


def detect_encoding(text: str) -> Kind:
    """Tell what `text` is: Unicode, TCVN3, VNI, or a garbled glyph-number text layer."""
    if not text or not text.strip():
        return "unicode"
    if "(cid:" not in text and set(text) <= _PLAIN:          # fast path: clean Vietnamese Unicode, nothing to weigh
        return "unicode"
    glyphs, letters = _glyph_count([text])
    beyond_latin1 = bool(_CID_RE.search(text)) or any(ord(ch) > 0xFF and _is_foreign(ch) for ch in text)
    if beyond_latin1 and letters and glyphs / letters >= 0.02 and not _has_motto(text):
        # "(cid:N)" is garbled for sure; odd letters in text that reads as Vietnamese are
        # real foreign words (a Russian name), not glyph numbers
        if _CID_RE.search(text) or vietnamese_share(text) < 0.6:
            return "garbled"
    # lines with Vietnamese-only Unicode letters are Unicode; the others may be legacy
    text = "\n".join(line for line in text.split("\n") if _legacy_candidates(line))
    has_tcvn = any(ch in _TCVN3_MARKERS for ch in text)
    has_vni = any(ch in _VNI_MARKERS for ch in text)
    if not (has_tcvn or has_vni):
        return "unicode"
    base = vietnamese_share(text)
    scores = {"unicode": base}
    if has_tcvn:
        scores["tcvn3"] = vietnamese_share(tcvn3_to_unicode(text))
    if has_vni:
        scores["vni"] = vietnamese_share(vni_to_unicode(text))
    best = max(scores, key=lambda k: scores[k])
    if best != "unicode" and scores[best] >= base + 0.1:
        converted = to_unicode(text, best)
        if _has_motto(converted) or scores[best] >= 0.4:
            return best   # type: ignore[return-value]
    return "unicode"


def _line_is_legacy(line: str, kind: str) -> bool:
    if not _legacy_candidates(line):
        return False
    markers = _TCVN3_MARKERS if kind == "tcvn3" else _VNI_MARKERS
    if not any(ch in markers for ch in line):
        return False
    return vietnamese_share(to_unicode(line, kind)) >= vietnamese_share(line)


def repair(lines: list[str]) -> Repair:
    """Detect the encoding of `lines` as a whole and repair them (line count is kept)."""
    text = "\n".join(lines)
    kind = detect_encoding(text)
    if kind == "unicode":
        return Repair(lines=list(lines), kind=None)
    if kind == "garbled":
        result = repair_garbled(lines)
        if not result.trusted and not _CID_RE.search(text):
            # letters that are real characters (a Russian or Chinese name?) are not
            # rewritten on a guess; "(cid:N)" text is unreadable anyway, so it is
            result.lines = list(lines)
            result.notes.append("repair not trusted: text left as it was")
        return result
    # a legacy encoding: convert the lines that are in it (a document can mix fonts)
    out = [to_unicode(line, kind) if _line_is_legacy(line, kind) else line for line in lines]
    changed = sum(1 for a, b in zip(lines, out) if a != b)
    return Repair(lines=out, kind=kind, notes=[f"{kind}: {changed} of {len(lines)} lines converted to Unicode"])


def repair_lines(lines: list[str]) -> tuple[list[str], str | None]:
    """Repaired lines and the kind repaired ("tcvn3", "vni", "garbled"), or None if none."""
    result = repair(lines)
    return result.lines, result.kind


# --------------------------------------------------------------------------- documents


def repair_document(document: "Document", kinds: tuple[str, ...] = ("tcvn3", "vni")) -> str | None:
    """Convert a parsed document's TCVN3/VNI text to Unicode in place; return the kind.

    For the DOCX and text front-ends, whose text is otherwise Unicode: the whole text
    decides the encoding, then each paragraph line and cell line in it is converted (a
    document can mix a legacy font with Unicode ones). `raw` keeps the source text and a
    note "repaired:<kind>" is added to the document's source notes.
    """
    from .blocks import Paragraph, Table
    from .vntext import clean

    texts: list[str] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            texts.extend(block.lines or [block.text])
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    texts.extend(cell.lines)
    kind = detect_encoding("\n".join(texts))
    if kind not in kinds:
        return None

    def fix(line: str) -> str:
        return clean(to_unicode(line, kind)) if _line_is_legacy(line, kind) else line

    changed = 0
    for block in document.blocks:
        if isinstance(block, Paragraph):
            lines = [fix(line) for line in block.lines]
            text = fix(block.text)
            if lines != block.lines or text != block.text:
                changed += 1
            block.lines, block.text = lines, text
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    cell.lines = [fix(line) for line in cell.lines]
    document.source.notes.append(f"repaired:{kind}")
    document.source.notes.append(f"{kind}: {changed} paragraphs converted to Unicode")
    return kind


def decode_legacy_bytes(data: bytes) -> tuple[str, str] | None:
    """A text file in TCVN3 or VNI: (Unicode text, kind), else None.

    Such files are single-byte and not UTF-8; read as Windows-1258 their bytes would turn
    into combining marks and wrong letters, so they are read as Windows-1252 (Latin-1
    for the letters that matter) and converted here.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    kind = detect_encoding(text)
    if kind not in ("tcvn3", "vni"):
        return None
    lines = text.split("\n")
    return "\n".join(to_unicode(line, kind) if _line_is_legacy(line, kind) else line for line in lines), kind
