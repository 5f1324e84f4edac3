"""Garbled PDF text as glyph numbers: units ("(cid:N)" or a character), words, Vietnamese
syllable shape, the index of known words, and the priors a glyph's letter is guessed from
(neighbours in the font's order, standard Mac/ASCII order)."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import fastre as re
from ..vntext import VIETNAMESE_LETTERS, VIETNAMESE_LOWER
from .scoring import _lexicon

if TYPE_CHECKING:
    pass


_CID_RE = re.compile(r"\(cid:(\d+)\)")
_UNIT_RE = re.compile(r"\(cid:(\d+)\)|(.)", re.S)
_VI_LOWER = VIETNAMESE_LOWER  # in alphabetical order: the learner tries letters in it
_VI_LETTERS = VIETNAMESE_LETTERS
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
    glyphs: int = 0  # distinct glyph numbers seen
    mapped: int = 0  # of which a letter was learnt
    unmapped_share: float = 0.0  # share of glyph occurrences left without a letter
    mapping: dict[int, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # letters guessed with little to go on: (line index, the word as repaired, glyph, letter)
    uncertain: list[tuple[int, str, int, str]] = field(default_factory=list)

    def uncertain_notes(self, place: Callable[[int], str]) -> list[str]:
        """One note per unsure word, `place` naming where line `i` is ("page 2 line 7")."""
        return [
            f"letter guessed, unsure: '{word}' (glyph {gid} read as '{letter}'), {place(i)}"
            for i, word, gid, letter in self.uncertain
        ]


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
_ONSETS = (
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "qu",
    "th",
    "tr",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
    "",
)


def _syllable(word: str) -> tuple[str, str, str]:
    """(onset, rhyme without tone, tone mark or "") of a lower-case syllable."""
    nfd = unicodedata.normalize("NFD", word)
    tone = "".join(ch for ch in nfd if ch in _TONES)
    base = unicodedata.normalize("NFC", "".join(ch for ch in nfd if ch not in _TONES))
    onset = next(o for o in _ONSETS if base.startswith(o))
    return onset, base[len(onset) :], tone


_RHYMES: set[str] = set()
_TONED_RHYMES: defaultdict[str, float] = defaultdict(float)
_TONE_SHARE: defaultdict[str, float] = defaultdict(float)  # shares once filled


def _rhyme_weight(word: str) -> float:
    """How common the word's rhyme with its tone is in the lexicon ("ùng": cùng, dùng …);
    a rhyme never seen with that tone weighs by how common the tone is."""
    if not _TONED_RHYMES:
        for w, n in _lexicon().items():
            if w.isalpha():
                _, rhyme, tone = _syllable(w)
                _TONED_RHYMES[rhyme + tone] += n**0.5
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
    """Lexicon words by length, for matching partly known glyph words.

    Per length and position, the words holding each letter there, as a bit set over the
    words in lexicon order: a pattern's fixed letters select their words by AND-ing sets.
    The answer for a pattern depends only on the letters its glyphs have, so it is kept
    (the learning rounds ask the same words again and again)."""

    def __init__(self, lex: dict[str, int]) -> None:
        self.by_len: dict[int, list[tuple[str, float]]] = defaultdict(list)
        for word, count in lex.items():
            # damped: a small corpus over-weights its own topics ("thường" 46 vs "thương" 1)
            self.by_len[len(word)].append((word, float(count) ** 0.5))
        self._at: dict[int, list[dict[str, int]]] = {}
        for n, words in self.by_len.items():
            at: list[dict[str, int]] = [{} for _ in range(n)]
            for k, (word, _) in enumerate(words):
                for i, ch in enumerate(word):
                    at[i][ch] = at[i].get(ch, 0) | 1 << k
            self._at[n] = at
        self._seen: dict[tuple, list[tuple[str, float]]] = {}

    def matches(self, pattern: list[int | str], mapping: dict[int, str]) -> list[tuple[str, float]]:
        """Lexicon words fitting `pattern` (letters fixed, glyphs free but consistent), in lexicon order."""
        letters = tuple(mapping.get(u) if isinstance(u, int) else u for u in pattern)
        key = (*pattern, None, *letters)  # None: no unit is None, so the halves stay apart
        out = self._seen.get(key)
        if out is None:
            out = self._seen[key] = self._matches(pattern, letters)
        return out

    def _matches(self, pattern: list[int | str], letters: tuple) -> list[tuple[str, float]]:
        words = self.by_len.get(len(pattern))
        if not words:
            return []
        at = self._at[len(pattern)]
        mask = (1 << len(words)) - 1
        for i, c in enumerate(letters):
            if c is not None:
                mask &= at[i].get(c.lower(), 0)
                if not mask:
                    return []
        free = [
            (i, u) for i, (u, c) in enumerate(zip(pattern, letters, strict=True)) if c is None and isinstance(u, int)
        ]
        out = []
        while mask:
            low = mask & -mask
            mask ^= low
            word, count = words[low.bit_length() - 1]
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
        return 0 if uppers == 0 else -1  # "Độc": a capital first letter is normal
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


_FAR = 40  # glyphs this far apart in the font's order belong to different runs


_RUNS: list[tuple] = [(None, None)]  # (the last mapping's keys and values, what `_runs_of` made of it)


def _runs_of(mapping: dict[int, str]) -> tuple[dict[int, list[int]], list[tuple[int, float]], list[tuple[int, str]]]:
    """What `_run_letters` needs of a mapping whatever the glyph: the learnt non-ASCII glyphs
    by offset, the runs (`_offset_prior`) and the glyphs in no run with their lower-case
    letter. The learning rounds ask for every open glyph with the same mapping: the last
    answer is kept."""
    key = (tuple(mapping), tuple(mapping.values()))
    last_key, last = _RUNS[0]  # one read: a thread swapping it in meanwhile is harmless
    if last_key == key:
        return last
    by_offset: dict[int, list[int]] = defaultdict(list)
    for g, letter in mapping.items():
        if len(letter) == 1 and not letter.isascii() and g >= 98:
            by_offset[ord(letter) - g].append(g)
    runs = _offset_prior(mapping)
    in_run = {g for offset, _ in runs for g in by_offset[offset]}
    loose = [
        (g, letter.lower())
        for g, letter in mapping.items()
        if len(letter) == 1 and not letter.isascii() and g not in in_run
    ]
    _RUNS[0] = (key, (by_offset, runs, loose))
    return by_offset, runs, loose


def _run_letters(gid: int, mapping: dict[int, str]) -> list[tuple[str, float]]:
    """Letters the font's runs of Unicode-ordered glyphs predict for `gid`, with a weight.

    For each offset of `_offset_prior`, walk from the nearest learnt glyph of the run to
    `gid`, one code point a glyph, skipping letters the font keeps elsewhere: a font lists
    each letter once, so when "ỳ" is learnt far away (Times New Roman keeps "Ỳ ỳ" with the
    Welsh letters) the Vietnamese run goes on "… ự Ỵ ỵ Ỷ ỷ Ỹ ỹ". Case pairs stay together,
    so a letter's capital is skipped with it.
    """
    by_offset, runs, loose = _runs_of(mapping)
    if not runs:
        return []
    # letters the font keeps on their own, far from `gid` and in no run (another face of
    # the font repeats the whole run and says nothing about skips)
    owned = {low for g, low in loose if abs(g - gid) > _FAR}

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
