"""Vietnamese post-correction of OCR text: marks put back where the context says so.

Tesseract's Vietnamese model reads the letters well and the marks less well: the hook or
the tilde over a circumflex is dropped ("tô chức", "triên khai", "kiêm soát"), a breve read
as a circumflex ("cầp"), "Uy ban" for "Ủy ban". Each of those wrong syllables is itself a
word, so a syllable list cannot see the error; word pairs can. A word is replaced by another
spelling of the same letters (same `vntext.fold`) when the pairs it would form with its
neighbours are much more frequent in typed plans than the pairs it forms as read
(`ocr_lexicon`: counts over corpus/ and the seeds, plus `vi_lexicon`). A word that is
neither a syllable of the lexicon nor shaped like one ("chỉ dụo", "Đdo tạo", "pnức") may
also become a syllable one letter away, on three times the evidence (not a capitalised word
inside a line: names are not in the lexicon). The case of the word is kept. Roman numerals
of headings read as "HI." or "IL." are repaired too, and names of state bodies are mended
against their lexicon (`unit_names`). Every correction is counted in the source notes.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex as re

from ...vntext import fold, is_upper_title, key
from .unit_names import correct_unit_names

RATIO = 8  # a replacement's pair evidence must beat the word's by this factor
MIN_EVIDENCE = 3  # ... and be at least this many pair occurrences
MIN_NAME_EVIDENCE = 12  # ... this many for a capitalised word inside a line (names are rare in pairs)
NON_WORD_FACTOR = 3  # a word that is no syllable, read as one a letter away: this many times more evidence
_WORD_RE = re.compile(r"\p{L}+")
_ROMAN_RE = re.compile(r"^(?P<num>[IVXHLl1|]{1,5})(?P<dot>\.\s+)(?=\p{Lu})")
_ROMAN_WORD_RE = re.compile(r"\b(?=[IVXH]*H)[IVXH]{2,5}\b")
_VALID_ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], dict[tuple[str, str], int], dict[str, list[str]]]:
    from ... import vi_lexicon
    from ...ocr_lexicon_data import PAIRS, SYLLABLES

    syll: Counter[str] = Counter()
    tokens = SYLLABLES.split()
    # the data files are flat "word count word count ..." lists: an odd length is a corrupt file
    for w, n in zip(tokens[::2], tokens[1::2], strict=True):
        syll[w] += int(n)
    for w, c in vi_lexicon.frequencies().items():
        syll[key(w)] += c
    pairs: Counter[tuple[str, str]] = Counter()
    tokens = PAIRS.split()
    for p, n in zip(tokens[::2], tokens[1::2], strict=True):
        a, _, b = p.partition("_")
        pairs[(a, b)] += int(n)
    for p, c in vi_lexicon.pairs().items():
        a, _, b = p.partition(" ")
        pairs[(key(a), key(b))] += c
    spellings: dict[str, list[str]] = {}
    for w in syll:
        spellings.setdefault(fold(w), []).append(w)
    return dict(syll), dict(pairs), spellings


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng (NFD)
_SYLLABLE_RE = re.compile(
    r"^(?P<onset>ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(?P<vowel>uyê|uya|iê|yê|uô|ươ|ia|ua|ưa|oa|oă|oe|uâ|uê|uy|uơ|oo|[aăâeêioôơuưy])"
    r"(?P<final>ch|ng|nh|[cmnptiyou])?$"
)


def plausible_syllable(word: str) -> bool:
    """The word has the shape of a Vietnamese syllable (onset, vowel, final; one tone mark)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in _TONES for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    m = _SYLLABLE_RE.match(bare)
    if not m:
        return False
    vowel, final = m["vowel"], m["final"] or ""
    if final == "o" and vowel not in ("a", "e", "oa", "oe"):
        return False  # "dụo": no such rhyme
    return not (final in ("i", "y", "o", "u") and vowel in ("oo", "uya") or vowel == final)


def _one_letter_away(folded: str, spellings: dict[str, list[str]]) -> list[str]:
    """Syllables whose letters (marks aside) are `folded` with one letter changed, added or dropped."""
    variants = set()
    for k in range(len(folded) + 1):
        head, tail = folded[:k], folded[k:]
        if tail:
            variants.add(head + tail[1:])
        for ch in _ALPHABET:
            variants.add(head + ch + tail)
            if tail:
                variants.add(head + ch + tail[1:])
    variants.discard(folded)
    return [w for v in variants for w in spellings.get(v, ())]


def _keep_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _evidence(prev: list[str], word: str, nxt: list[str], pairs: dict[tuple[str, str], int]) -> int:
    """Pair counts of `word` with its neighbours, each neighbour taken in its best spelling
    (two wrong words side by side, "PHO GIAM", support each other's correction)."""
    return max((pairs.get((p, word), 0) for p in prev), default=0) + max(
        (pairs.get((word, n), 0) for n in nxt), default=0
    )


def _around(word: str, spellings: dict[str, list[str]]) -> list[str]:
    return [word, *(s for s in spellings.get(fold(word), ()) if s != word)]


_COMMA_READ_AS_DOT_RE = re.compile(r"(?<=\p{Ll}{2})\.(?= \p{Ll}{2})")


def correct_text(text: str, counts: Counter[str] | None = None) -> str:
    """The text with marks corrected from word-pair evidence; `counts` gets 'old->new' tallies.

    A full stop between two lower-case words ("các xã. phường") is a comma read without its
    tail: a sentence does not go on in lower case."""
    syll, pairs, spellings = _tables()
    text = _fix_roman(text, counts)
    text, dots = _COMMA_READ_AS_DOT_RE.subn(",", text)
    if dots and counts is not None:
        counts[".->,"] += dots
    text = _split_run_together(text, syll, pairs, counts)
    matches = list(_WORD_RE.finditer(text))
    if len(matches) < 2:
        return correct_unit_names(text, counts)
    keys = [key(m[0]) for m in matches]
    out, last = [], 0
    for i, m in enumerate(matches):
        word = keys[i]
        options = spellings.get(fold(word), ())
        name_like = m[0][:1].isupper() and not m[0].isupper() and i > 0
        in_code = text[m.end() : m.end() + 1].isdigit() or text[max(m.start() - 1, 0) : m.start()] in ("/", "-")
        if word not in syll and len(word) >= 3 and not (name_like or in_code) and not plausible_syllable(word):
            options = [*options, *_one_letter_away(fold(word).lower(), spellings)]  # no word: a letter misread
        if len(options) < 2 and (not options or options[0] == word):
            continue
        prev = _around(keys[i - 1], spellings) if i and matches[i - 1].end() >= m.start() - 2 else []
        nxt = _around(keys[i + 1], spellings) if i + 1 < len(keys) and matches[i + 1].start() <= m.end() + 2 else []
        here = _evidence(prev, word, nxt, pairs)
        best, best_score = word, here
        for option in options:
            if option != word:
                score = _evidence(prev, option, nxt, pairs)
                if score > best_score:
                    best, best_score = option, score
        # a capitalised word inside a line may be a name ("Hoàng Hoa Thám"): it needs more evidence
        least = MIN_NAME_EVIDENCE if m[0][:1].isupper() and not m[0].isupper() and i else MIN_EVIDENCE
        if fold(best) != fold(word):  # letters changed, not marks: stronger evidence still
            least *= NON_WORD_FACTOR
        if best != word and best_score >= max(least, RATIO * here):
            out.append(text[last : m.start()])
            out.append(_keep_case(m[0], best))
            last = m.end()
            keys[i] = best
            if counts is not None:
                counts[f"{word}->{best}"] += 1
    out.append(text[last:])
    return correct_unit_names("".join(out), counts)


def _split_run_together(
    text: str, syll: dict[str, int], pairs: dict[tuple[str, str], int], counts: Counter[str] | None
) -> str:
    """Two syllables read without the space between them ("Inấn chứng chỉ" for "In ấn"): a word
    that is no syllable, not even in shape, cut where both halves are syllables that the pair
    counts put side by side (at least `MIN_EVIDENCE` times; the best cut when several)."""

    def cut(m: re.Match) -> str:
        word = m[0]
        folded = key(word)
        if len(word) < 4 or folded in syll or plausible_syllable(folded) or word.isupper():
            return word
        best, best_score = 0, 0
        for k in range(2, len(word) - 1):
            a, b = key(word[:k]), key(word[k:])
            if a in syll and b in syll and plausible_syllable(a) and plausible_syllable(b):
                score = pairs.get((a, b), 0)
                if score > best_score:
                    best, best_score = k, score
        if best_score < MIN_EVIDENCE:
            return word
        if counts is not None:
            counts[f"{word}->{word[:best]} {word[best:]}"] += 1
        return f"{word[:best]} {word[best:]}"

    return _WORD_RE.sub(cut, text)


def _fix_roman(text: str, counts: Counter[str] | None) -> str:
    """ "HI. GIẢI PHÁP" -> "III. GIẢI PHÁP"; "khu vực XIH" -> "khu vực XIII" (H is II run together)."""
    m = _ROMAN_RE.match(text)
    if m and not _VALID_ROMAN.match(m["num"]) and text[m.end() : m.end() + 12].isupper():
        fixed = m["num"].replace("H", "II").replace("l", "I").replace("1", "I").replace("|", "I")
        if _VALID_ROMAN.match(fixed) and fixed:
            text = fixed + text[m.end("num") :]
            if counts is not None:
                counts[f"{m['num']}->{fixed}"] += 1

    def word(mm: re.Match) -> str:
        for fixed in (mm[0].replace("H", "II"), mm[0].replace("H", "I")):  # "HI", "XIIH", "XIHI"
            if _VALID_ROMAN.match(fixed):
                if counts is not None:
                    counts[f"{mm[0]}->{fixed}"] += 1
                return fixed
        return mm[0]

    return _ROMAN_WORD_RE.sub(word, text)


_ROMAN_HEADING_RE = re.compile(r"^(?P<num>[IVX]{1,5})\.\s+(?=\p{Lu}{2})")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _renumber_repeated_sections(blocks: list, counts: Counter[str]) -> None:
    """A capitals section heading with the number of the one before it ("II. CHỈ TIÊU …",
    "II. GIẢI PHÁP …") is the next number read with a stroke lost ("III" -> "II")."""
    last = None
    for block in blocks:
        text = getattr(block, "text", None)
        if not text or hasattr(block, "rows"):
            continue
        m = _ROMAN_HEADING_RE.match(text)
        if not m or not is_upper_title(text[m.end() :]):
            continue
        num = m["num"]
        if num == last and num in _ROMANS[:-1]:
            num = _ROMANS[_ROMANS.index(num) + 1]
            block.text = num + text[m.end("num") :]
            block.lines = (
                [block.text] if len(block.lines) <= 1 else [num + block.lines[0][len(m["num"]) :], *block.lines[1:]]
            )
            block.raw = block.text
            counts[f"{m['num']}->{num} (section after {last})"] += 1
        last = num


_SIGNS_FOR_RE = re.compile(r"^KT\.?\s+(\p{Lu}[\p{Lu} ]+)$")


def _deputy_title(principal: str) -> str:
    """The title of whoever signs "KT." (for) `principal`: a Bộ trưởng's deputy is a Thứ
    trưởng; any other head's is "PHÓ <title>" (Phó Chủ tịch, Phó Giám đốc, Phó Tổ trưởng)."""
    return "THỨ TRƯỞNG" if principal == "BỘ TRƯỞNG" else f"PHÓ {principal}"


def _deputy_titles(blocks: list, counts: Counter[str]) -> None:
    """A line within three after "KT. <title>" with the deputy's title in the same letters but
    other marks is that title misread ("THỦ TRƯỞNG" for THỨ TRƯỞNG, "PHÓ GIÁM ĐÔC"): both are
    often real words, so the lexicon cannot tell them apart; the signing block can."""
    expected, since = "", 99
    for block in blocks:
        text = (getattr(block, "text", None) or "").strip()
        since += 1
        m = _SIGNS_FOR_RE.match(text)
        if m:
            expected, since = _deputy_title(m[1].strip()), 0
        elif since <= 3 and text != expected and fold(text) == fold(expected):
            block.text = expected
            if getattr(block, "raw", None) is not None:
                block.raw = expected
            if getattr(block, "lines", None):
                block.lines = [expected if line.strip() == text else line for line in block.lines]
            counts[f"{text}->{expected}"] += 1


def load_tables() -> None:
    """Build the lexicon tables now (about a second of pure Python, once a process): the OCR
    front-end calls it in a thread while Tesseract reads the pages."""
    _tables()


def correct_blocks(blocks: list, notes: list[str]) -> None:
    """Correct every paragraph and table cell in place; one note with the tally."""
    counts: Counter[str] = Counter()
    _renumber_repeated_sections(blocks, counts)
    for block in blocks:
        if hasattr(block, "rows"):
            for row in block.rows:
                for cell in row.cells:
                    if cell.lines:
                        cell.lines = [correct_text(line, counts) for line in cell.lines]
            continue
        if getattr(block, "lines", None):
            block.lines = [correct_text(line, counts) for line in block.lines]
        if getattr(block, "text", None):
            block.text = correct_text(block.text, counts)
            if getattr(block, "raw", None) is not None:
                block.raw = block.text
    _deputy_titles(blocks, counts)  # after the words: their pair counts favour the commoner "thủ trưởng"
    total = sum(counts.values())
    if total:
        top = ", ".join(f"{k} ×{v}" for k, v in counts.most_common(8))
        notes.append(f"ocr: {total} word(s) corrected against the lexicon ({top})")
