"""The glyph-map learner's cheaper lookups answer as the plain ones did (issue 12).

`_Index.matches` selects lexicon words by per-position bit sets and keeps its answers;
`_run_letters` keeps what it made of the last mapping. Both are compared here with the
plain computations on made-up lexicons, patterns and mappings (mappings changed in place
between calls too, as the learning rounds do).
"""

from __future__ import annotations

import random
from collections import defaultdict

from kehoach.legacy import glyphs
from kehoach.legacy.glyphs import _FAR, _Index, _offset_prior, _run_letters


def _plain_matches(lex: dict[str, int], pattern: list, mapping: dict[int, str]) -> list[tuple[str, float]]:
    """The lookup as it was: every word of the length, letters then glyphs checked."""
    fixed = [(i, (mapping.get(u) if isinstance(u, int) else u)) for i, u in enumerate(pattern)]
    fixed = [(i, c.lower()) for i, c in fixed if c is not None]
    free = [(i, u) for i, u in enumerate(pattern) if isinstance(u, int) and u not in mapping]
    out = []
    for word, count in lex.items():
        if len(word) != len(pattern) or any(word[i] != c for i, c in fixed):
            continue
        seen: dict[int, str] = {}
        ok = True
        for i, gid in free:
            ch = word[i]
            if (ch.isascii() and gid >= 98) or seen.setdefault(gid, ch) != ch:
                ok = False
                break
        if ok:
            out.append((word, float(count) ** 0.5))
    return out


def test_index_matches_equal_the_plain_lookup():
    rng = random.Random(12)
    letters = "anhđôơưêăiyuoc"
    lex = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 5))): rng.randint(1, 50) for _ in range(400)}
    index = _Index(lex)
    mapping: dict[int, str] = {}
    glyph_ids = [5, 40, 97, 98, 120, 300, 301]
    for step in range(3000):
        if step % 50 == 0:  # the rounds learn glyphs (in place) and sometimes change one
            mapping[rng.choice(glyph_ids)] = rng.choice(letters + "AÔ")
        n = rng.randint(1, 5)
        pattern = [rng.choice(glyph_ids) if rng.random() < 0.5 else rng.choice(letters + "ÊX") for _ in range(n)]
        assert index.matches(pattern, mapping) == _plain_matches(lex, pattern, mapping), (pattern, mapping)
    assert index.matches([5, 5], {5: "ab"}) == []  # a glyph read as two letters fits no word


def _plain_run_letters(gid: int, mapping: dict[int, str]) -> list[tuple[str, float]]:
    """`_run_letters` as it was, everything recomputed per glyph."""
    owned: dict[str, int] = {}
    by_offset: dict[int, list[int]] = defaultdict(list)
    for g, letter in mapping.items():
        if len(letter) == 1 and not letter.isascii() and g >= 98:
            by_offset[ord(letter) - g].append(g)
    runs = _offset_prior(mapping)
    in_run = {g for offset, _ in runs for g in by_offset[offset]}
    for g, letter in mapping.items():
        if len(letter) == 1 and not letter.isascii() and g not in in_run and abs(g - gid) > _FAR:
            owned.setdefault(letter.lower(), g)
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
            while 0 < cp < 0x110000 and chr(cp).lower() in owned:
                cp += step
        if 0 < cp < 0x110000:
            out.append((chr(cp), weight))
    return [(c, w) for c, w in out if c]


def test_run_letters_equal_the_plain_computation():
    rng = random.Random(5)
    # a font keeping the Vietnamese block in Unicode order from glyph 1200 (offset 0x1EA0 - 1200) …
    mapping = {1200 + k: chr(0x1EA0 + k) for k in range(0, 60, 3)}
    # … a second face at another offset, and letters kept on their own
    mapping.update({1600 + k: chr(0x1EA0 + k) for k in range(0, 30, 4)})
    mapping.update({150: "ỳ", 151: "Ỳ", 60: "a", 99: "é"})
    glyphs._RUNS[0] = (None, None)
    for step in range(600):
        if step % 40 == 0:  # learnt in place, as the rounds do
            g = rng.randint(1150, 1700)
            mapping[g] = chr(0x1EA0 + rng.randint(0, 90))
        gid = rng.randint(90, 1750)
        assert _run_letters(gid, mapping) == _plain_run_letters(gid, mapping), gid
        other = {g: c for g, c in mapping.items() if g != gid}  # the re-scoring asks with one glyph out
        assert _run_letters(gid, other) == _plain_run_letters(gid, other), gid
    assert _run_letters(1230, mapping)  # the runs do predict letters here: the comparison compared something
