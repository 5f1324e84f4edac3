"""The section tree: I. / 1. / a) headings with their body text.

The tree follows the document even when it is misnumbered (two sections "III"); the
validator reports such defects. Levels are decided by numbering style, outermost first:
capital-letter parts (A., B. — only when the plan has a part A and a part B), Roman, decimal,
dotted decimal (1.1.), letter. When a plan has no Roman headings its decimal headings are the top level.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import cast

from .. import fastre as re
from ..blocks import Paragraph
from ..models import Location, Section, SectionStyle
from ..vntext import is_upper_title
from . import patterns as P
from .diagnostics import report

_RANK = {"capital": 0, "roman": 1, "decimal": 2, "dotted": 3, "letter": 4}


@dataclass
class Node:
    """A heading while the tree is built: keeps the paragraphs for task extraction."""

    number: str
    style: str
    title: str
    block: int
    para: Paragraph
    paras: list[tuple[int, Paragraph]] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    level: int = 1

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def top(self) -> Node:
        node = self
        while node.parent is not None:
            node = node.parent
        return node


def heading_of(p: Paragraph) -> tuple[str, str, str] | None:
    """(number, style, title) when the paragraph is a numbered heading."""
    text = p.text.strip()
    m = P.PART_RE.match(text)
    if m and is_upper_title(m.group("title")):
        return m.group("num"), "capital", m.group("title").strip()
    m = P.SECTION_RE.match(text)
    if m and (is_upper_title(m.group("title")) or p.bold or p.numbered or p.heading_level):
        return m.group("num"), "roman", m.group("title").strip()
    m = P.SUB_RE.match(text)
    if m:
        num = m.group("num")
        return num, ("dotted" if "." in num else "decimal"), m.group("title").strip()
    m = P.POINT_RE.match(text)
    if m:
        return m.group("num"), "letter", m.group("title").strip()
    return None


def build_tree(paras: list[tuple[int, Paragraph]]) -> tuple[list[Node], list[tuple[int, Paragraph]]]:
    """Return (top-level nodes, paragraphs before the first heading)."""
    heads = [(i, p, heading_of(p)) for i, p in paras]
    parts = {h[0] for _, _, h in heads if h and h[1] == "capital"}
    if not {"A", "B"} <= parts:  # a lone "C. …" line is text, not a part of the plan
        heads = [(i, p, None if h and h[1] == "capital" else h) for i, p, h in heads]
    has_roman = any(h and h[1] == "roman" for _, _, h in heads)
    roots: list[Node] = []
    stack: list[Node] = []
    preamble: list[tuple[int, Paragraph]] = []
    for idx, p, head in heads:
        if head is None:
            (stack[-1].paras if stack else preamble).append((idx, p))
            continue
        number, style, title = head
        rank = _RANK_OF_STYLE(style, has_roman)
        node = Node(number=number, style=style, title=title, block=idx, para=p)
        while stack and _RANK_OF(stack[-1], has_roman) >= rank:
            stack.pop()
        if stack:
            node.parent = stack[-1]
            stack[-1].children.append(node)
        elif has_roman and style not in ("roman", "capital") and not roots:
            preamble.append((idx, p))  # numbered lines before the first Roman section
            continue
        else:
            roots.append(node)
        stack.append(node)
    for root in roots:
        _set_levels(root, 1)
    for node in (n for r in roots for n in r.walk()):
        parent = node.parent
        first = node.number.split(".")[0]
        if (
            node.style == "dotted"
            and parent is not None
            and (
                (parent.style == "decimal" and parent.number.rstrip(".") != first)
                or (parent.style != "decimal" and any(c.style == "decimal" for c in parent.children))
            )
        ):
            # "2.1" beside "1", "2" items: its own parent item is missing, its level is a guess
            report(
                "heading-level-guessed",
                f"item {node.number} has no parent item {first}: placed under {parent.number}",
                location=location_of(node.block, node.para),
                excerpt=node.para.text,
            )
    for node in (n for r in roots for n in r.walk()):
        if node.style == "roman" and not re.match(rf"^{P.ROMAN}\s*[.:)/]", node.para.text.strip()):
            report(
                "heading-level-guessed",
                f"section {node.number} has no punctuation after its number: read as a section from its look",
                location=location_of(node.block, node.para),
                excerpt=node.para.text,
            )
    check_sequences(roots)
    return roots, preamble


_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _ordinal(node: Node) -> int | None:
    """Position of a heading in its sequence: III -> 3, 2.3 -> 3, d) -> 4 (đ counts as d's neighbour)."""
    if node.style == "roman":
        return P.roman_value(node.number)
    if node.style in ("decimal", "dotted"):
        last = node.number.rstrip(".").split(".")[-1]
        return int(last) if last.isdigit() else None
    if node.style == "capital":
        return ord(node.number) - ord("A") + 1
    if node.style == "letter" and node.number in _LETTERS:
        return _LETTERS.index(node.number) + 1
    return None


def _gap(prev: int, cur: int, style: str) -> bool:
    if style == "letter":  # "đ" may be used or left out: d -> e and d -> đ -> e are both in order
        d, dd = _LETTERS.index("d") + 1, _LETTERS.index("đ") + 1
        if prev == d and cur == dd + 1:
            return False
    return cur > prev + 1


def check_sequences(roots: list[Node]) -> None:
    """Report a numbered heading that skips one or more numbers in its sequence ("item-skipped").

    A repeated number is not a skip (the validator reports misnumbering). A sequence may go on
    from the previous parent's ("I: 1, 2; II: 3, 4"), a numbering style some plans use."""

    def walk(siblings: list[Node], carried: dict[str, int]) -> None:
        last: dict[str, int] = {}
        for node in siblings:
            n = _ordinal(node)
            if n is None:
                continue
            prev = last.get(node.style)
            if prev is None:
                carried_n = carried.get(node.style)
                if n > 1 and not (carried_n is not None and n == carried_n + 1):
                    _skipped(node, 0, n)
            elif _gap(prev, n, node.style):
                _skipped(node, prev, n)
            last[node.style] = n
        child_carry: dict[str, int] = {}
        for node in siblings:
            walk(node.children, child_carry)
            for child in node.children:
                if (k := _ordinal(child)) is not None:
                    child_carry[child.style] = k

    walk(roots, {})


def _skipped(node: Node, prev: int, cur: int) -> None:
    what = "section" if node.style in ("roman", "capital") else "item"
    if node.style == "letter":
        shown = _LETTERS[prev - 1] if prev else ""
    elif node.style == "capital":
        shown = chr(ord("A") + prev - 1) if prev else ""
    elif node.style == "roman":
        shown = next(
            (
                r
                for r in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
                if P.roman_value(r) == prev
            ),
            str(prev),
        )
    else:
        shown = str(prev)
    before = f"after {shown}" if prev else "at the start of its sequence"
    report(
        "item-skipped",
        f"numbered {what} {node.number} comes {before}: {cur - prev - 1} number(s) skipped",
        location=location_of(node.block, node.para),
        excerpt=node.para.text,
    )


def _RANK_OF_STYLE(style: str, has_roman: bool) -> int:
    return _RANK[style] if has_roman or style in ("roman", "capital") else _RANK[style] - 1


def _RANK_OF(node: Node, has_roman: bool) -> int:
    return _RANK_OF_STYLE(node.style, has_roman)


def _set_levels(node: Node, level: int) -> None:
    node.level = level
    for child in node.children:
        _set_levels(child, level + 1)


def to_model(node: Node) -> Section:
    style = cast("SectionStyle", {"dotted": "decimal", "capital": "letter"}.get(node.style, node.style))
    return Section.model_construct(
        number=node.number,
        level=node.level,
        style=style,
        title=node.title,
        kinds=P.kinds_of(node.title),
        text=[p.text for _, p in node.paras],
        children=[to_model(c) for c in node.children],
        location=location_of(node.block, node.para),
    )


def location_of(block: int, p: Paragraph) -> Location:
    pv = p.prov
    return Location.model_construct(
        line=pv.line, page=pv.page, page_approx=pv.page_approx or None, table=pv.table, block=block, source=pv.source
    )
