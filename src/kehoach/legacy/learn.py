"""Learning a garbled font's glyph map from the document: anchors first, then rounds of
votes from partly known words against the lexicon; `repair_garbled` renders the result."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ..vi_lexicon import pairs
from ..vntext import nfc
from .glyphs import (
    _CID_RE,
    _VI_LETTERS,
    _VI_LOWER,
    MAC_STANDARD,
    Repair,
    _case_vote,
    _Index,
    _neighbour_prior,
    _plausible,
    _rhyme_weight,
    _run_letters,
    _split_words,
    _units,
    _word_pairs,
)
from .scoring import ANCHORS, _has_motto, _lexicon, vietnamese_share

if TYPE_CHECKING:
    pass


def _learn(
    words: Counter,
    lex: dict[str, int],
    seed: dict[int, str],
    glyph_ids: bool,
    rounds: int = 80,
    contexts: dict[tuple, Counter] | None = None,
    pairs: dict[str, int] | None = None,
    unsure: dict[int, float] | None = None,
) -> dict[int, str]:
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
            if isinstance(u, int) and len(by_glyph[u]) < 80:  # the commonest words say enough
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

    def neighbour_texts(word: tuple, known: dict[int, str]) -> list[tuple[str, str, int]]:
        """The word's neighbours that read in full: (side, text, times)."""
        out = []
        for (side, other), k in contexts.get(word, {}).items():
            text = text_of(other, known)
            if text is not None:
                out.append((side, text, k))
        return out

    def pair_mass(neighbours: list[tuple[str, str, int]], n: int, cand: str) -> float:
        """The weight of the known pairs `cand` makes with the word's neighbours."""
        total = 0.0
        for side, text, k in neighbours:
            count = pairs.get(f"{text} {cand}" if side == "L" else f"{cand} {text}")
            if count:
                total += k / n * count**0.5
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
            found = index.matches(pattern, known)
            if found:
                at = pattern.index(gid)
                if pairs:
                    neighbours = neighbour_texts(word, known)
                    for cand, count in found:
                        mass[cand[at]] += count + pair_mass(neighbours, n, cand)
                else:
                    for cand, count in found:
                        mass[cand[at]] += count + 0.0
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
                    others = [
                        ch
                        for j, v in enumerate(pattern)
                        if j != i
                        for ch in [known.get(v) if isinstance(v, int) else v]
                        if ch and ch.isalpha()
                    ]
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
            ll = sum(
                min(n, 3) * math.log((mass.get(c, 0.0) + alpha) / (total + alpha * n_letters))
                for n, mass, total in evidence
            )
            # one letter is usually one glyph (a second face of the font is the exception)
            scores[c] = ll + bonus * prior.get(c, (0.0, c))[0] - (reuse_penalty if letter_for(c) in taken else 0.0)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))  # ties: the same answer every run
        best, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else top - 10.0
        support = (
            sum(1 for _, mass, _ in evidence if mass.get(best))
            + (1 if best in prior else 0)
            + (1 if best in plausible else 0)
        )
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
    for _ in range(2):  # re-score each learnt glyph with all the others known
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
        open_ = [
            (decided, gid)
            for gid in by_glyph
            if gid not in mapping
            for decided in [decide(gid, mapping, settle=True)]
            if decided
        ]
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
            for u, c in zip(text_units, target, strict=True):
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
    mapping = _learn(words, _lexicon(), seed, glyph_ids=ascii_prior, contexts=contexts, pairs=pairs(), unsure=unsure)
    repaired = [_render(units, mapping, ascii_prior) for units in line_units]
    total = sum(occurrences.values()) or 1
    unmapped = sum(n for g, n in occurrences.items() if g not in mapping)
    result = Repair(
        lines=repaired,
        kind="garbled",
        glyphs=len(occurrences),
        mapped=sum(1 for g in occurrences if g in mapping),
        unmapped_share=unmapped / total,
        mapping=mapping,
    )
    for gid in sorted(unsure):
        seen = 0
        for i, units in enumerate(line_units):
            for word in _split_words(units):
                if gid in word and seen < 5:  # the first few places say enough
                    result.uncertain.append((i, _render(word, mapping, ascii_prior), gid, mapping[gid]))
                    seen += 1
    text = "\n".join(repaired)
    share = vietnamese_share(_CID_RE.sub(" ", text))
    result.trusted = _has_motto(text) and result.unmapped_share <= 0.02 and share >= 0.6
    result.notes.append(
        f"garbled text layer: {result.mapped}/{result.glyphs} glyphs learnt, "
        f"{result.unmapped_share:.1%} of glyph occurrences left, {share:.0%} common words, "
        f"motto {'found' if _has_motto(text) else 'not found'}"
    )
    return result
