"""The section tree: I. / 1. / a) headings with their body text.

The tree follows the document even when it is misnumbered (two sections "III"); the
validator reports such defects. Levels are decided by numbering style, outermost first:
Roman, decimal, dotted decimal (1.1.), letter. When a plan has no Roman headings its
decimal headings are the top level.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..blocks import Paragraph
from ..models import Location, Section
from ..vntext import is_upper_title
from . import patterns as P

_RANK = {"roman": 1, "decimal": 2, "dotted": 3, "letter": 4}


@dataclass
class Node:
    """A heading while the tree is built: keeps the paragraphs for task extraction."""

    number: str
    style: str
    title: str
    block: int
    para: Paragraph
    paras: list[tuple[int, Paragraph]] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    parent: "Node | None" = None
    level: int = 1

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def top(self) -> "Node":
        node = self
        while node.parent is not None:
            node = node.parent
        return node


def heading_of(p: Paragraph) -> tuple[str, str, str] | None:
    """(number, style, title) when the paragraph is a numbered heading."""
    text = p.text.strip()
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
    has_roman = any(h and h[1] == "roman" for _, _, h in heads)
    roots: list[Node] = []
    stack: list[Node] = []
    preamble: list[tuple[int, Paragraph]] = []
    for idx, p, head in heads:
        if head is None:
            (stack[-1].paras if stack else preamble).append((idx, p))
            continue
        number, style, title = head
        rank = _RANK[style] if has_roman or style == "roman" else _RANK[style] - 1
        node = Node(number=number, style=style, title=title, block=idx, para=p)
        while stack and _RANK_OF(stack[-1], has_roman) >= rank:
            stack.pop()
        if stack:
            node.parent = stack[-1]
            stack[-1].children.append(node)
        elif has_roman and style != "roman" and not roots:
            preamble.append((idx, p))      # numbered lines before the first Roman section
            continue
        else:
            roots.append(node)
        stack.append(node)
    for root in roots:
        _set_levels(root, 1)
    return roots, preamble


def _RANK_OF(node: Node, has_roman: bool) -> int:
    return _RANK[node.style] if has_roman or node.style == "roman" else _RANK[node.style] - 1


def _set_levels(node: Node, level: int) -> None:
    node.level = level
    for child in node.children:
        _set_levels(child, level + 1)


def to_model(node: Node) -> Section:
    style = "decimal" if node.style == "dotted" else node.style
    return Section(
        number=node.number, level=node.level, style=style, title=node.title, kinds=P.kinds_of(node.title),
        text=[p.text for _, p in node.paras], children=[to_model(c) for c in node.children],
        location=location_of(node.block, node.para),
    )


def location_of(block: int, p: Paragraph) -> Location:
    pv = p.prov
    return Location(line=pv.line, page=pv.page, page_approx=pv.page_approx or None, table=pv.table,
                    block=block, source=pv.source)
