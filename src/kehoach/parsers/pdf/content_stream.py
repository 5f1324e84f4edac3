"""pdfminer's page interpreter with a faster content-stream tokenizer (the pdfplumber reader).

In: a page's (or form XObject's) content streams, as `PDFPageInterpreter.execute` gets them.
Out: the same calls on the interpreter's `do_*` operators with the same operands, in the same
order, as pdfminer's own `execute` makes — so the device sees the same glyphs and paths.

pdfminer reads a content stream one byte state at a time in pure Python (`PSBaseParser`,
`PSStackParser.nextobject`): on a text page that is most of the reading time. Here a page's
streams are cut into tokens with one regular expression and turned into the objects
pdfminer's parser makes (ints, floats, bytes, interned literals and keywords, lists,
dicts), then run through the same dispatch as pdfminer's `execute`.

Only what is read exactly like pdfminer is read here; anything else — inline images, procs,
names with '#' escapes, unbalanced arrays or dicts, an octal escape past 255, a token cut by
the end of a stream or by pdfminer's 4096-byte read (where its state machine gives another
reading), a page past the operator bound — sends the page's streams to pdfminer's own
`execute`, before any operator ran. The operator bound of `pdfminer_limits` is counted
object by object as pdfminer's `nextobject` counts it, so a page past it fails at the same
point with the same message (and no more objects are read than the bound lets it run).
"""

from __future__ import annotations

import re
from typing import Any

from . import pdfminer_limits

_TOKEN = re.compile(
    rb"(?P<ws>[\s\x00]+)"
    rb"|(?P<num>[-+0-9][0-9]*(?:\.[0-9]*)?|\.[0-9]*)"
    rb"|(?P<kw>[A-Za-z][^#/%\[\]()<>{}\s]*)"
    rb"|(?P<lit>/[^#/%\[\]()<>{}\s]*)"
    rb"|(?P<str>\()"
    rb"|(?P<dict><<)"
    rb"|(?P<hex><[0-9a-fA-F\s]*)"
    rb"|(?P<dend>>>)"
    rb"|(?P<gt>>)"
    rb"|(?P<com>%[^\r\n]*)"
    rb"|(?P<one>.)",
    re.S,
)
_END_STRING = re.compile(rb"[()\\]")
_OCTAL = re.compile(rb"[0-7]{1,3}")
_SPACE = re.compile(rb"\s")
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_ESCAPES = {ord(k): bytes((v,)) for k, v in zip("btnfr()\\", (8, 9, 10, 12, 13, 40, 41, 92), strict=True)}
_BUFSIZ = 4096  # PSBaseParser.BUFSIZ: pdfminer reads a stream in pieces of this size


class _Fallback(Exception):
    """This stream is read by pdfminer's own parser."""


class _Full(Exception):
    """More objects than the operator bound lets the page read: the count stops the page
    before the last one read, as it stops pdfminer's parser, so no more are needed."""


def _string(data: bytes, i: int) -> tuple[bytes, int]:
    """A literal string from just past its '(' -> (its bytes, the index past its ')'),
    as `PSBaseParser._parse_string` reads it."""
    out: list[bytes] = []
    depth = 1
    search = _END_STRING.search
    while True:
        m = search(data, i)
        if m is None:
            raise _Fallback  # unterminated: pdfminer reads on into the next stream
        j = m.start()
        if j > i:
            out.append(data[i:j])
        c = data[j]
        if c == 0x5C:  # backslash
            if j + 1 >= len(data):
                raise _Fallback
            n = data[j + 1]
            if 0x30 <= n <= 0x37:
                o = _OCTAL.match(data, j + 1)
                code = int(o.group(), 8)  # type: ignore[union-attr]
                if code > 255:
                    raise _Fallback  # pdfminer fails an assertion there
                out.append(bytes((code,)))
                i = o.end()  # type: ignore[union-attr]
            elif n in _ESCAPES:
                out.append(_ESCAPES[n])
                i = j + 2
            elif n == 0x0D and data[j + 2 : j + 3] == b"\n":
                i = j + 3
            else:  # pdfminer drops the backslash and the byte after it
                i = j + 2
        elif c == 0x28:
            depth += 1
            out.append(b"(")
            i = j + 1
        else:
            depth -= 1
            if not depth:
                return b"".join(out), j + 1
            out.append(b")")
            i = j + 1


def _cut_by_reads(data: bytes) -> bool:
    """Whether one of pdfminer's 4096-byte reads of `data` ends where its parser looks one
    byte ahead ('<<', '>>', a '#' escape in a name, a backslash escape in a string): there
    it reads otherwise than the whole stream would be read."""
    for p in range(_BUFSIZ, len(data), _BUFSIZ):
        if data[p - 1 : p + 1] in (b"<<", b">>") or 0x23 in data[p - 2 : p] or 0x5C in data[p - 3 : p]:
            return True
    return False


def _tokens(data: bytes, last: bool, out: list, room: int, kwd, lit) -> None:
    """The top-level objects of one stream appended to `out` (at most `room` in all)."""
    from pdfminer.psparser import literal_name

    if _cut_by_reads(data):
        raise _Fallback
    n = len(data)
    stack: list[tuple[str, list]] = []
    cur = out
    i = 0
    match = _TOKEN.match
    while i < n:
        m = match(data, i)
        kind = m.lastgroup  # type: ignore[union-attr]
        j = m.end()  # type: ignore[union-attr]
        if kind == "ws" or kind == "com":
            i = j
            continue
        if kind == "num":
            tok = m.group()  # type: ignore[union-attr]
            try:
                obj: Any = float(tok) if 0x2E in tok else int(tok)
            except ValueError:
                i = j
                continue  # "-", "+", "." alone: pdfminer drops them
        elif kind == "kw":
            tok = m.group()  # type: ignore[union-attr]
            if tok == b"true":
                obj = True
            elif tok == b"false":
                obj = False
            else:
                if tok in (b"BI", b"ID", b"EI"):
                    raise _Fallback  # inline images: pdfminer's own reader
                obj = kwd(tok)
        elif kind == "lit":
            if j == n or data[j] == 0x23:
                raise _Fallback  # a name cut by the stream's end, or with '#' escapes
            tok = data[i + 1 : j]
            try:
                obj = lit(str(tok, "utf-8"))
            except UnicodeDecodeError:
                obj = lit(tok)
        elif kind == "str":
            obj, j = _string(data, j)
        elif kind == "hex":
            if j == n:
                raise _Fallback  # pdfminer reads on into the next stream
            digits = _SPACE.sub(b"", data[i + 1 : j])
            obj = _HEX_PAIR.sub(lambda h: bytes((int(h.group(0), 16),)), digits)
        elif kind == "dict":
            stack.append(("d", cur))
            cur = []
            i = j
            continue
        elif kind == "dend":
            if not stack or stack[-1][0] != "d" or len(cur) % 2:
                raise _Fallback
            items = cur
            cur = stack.pop()[1]
            obj = {literal_name(k): v for k, v in zip(items[0::2], items[1::2], strict=True) if v is not None}
        elif kind == "gt":
            if j == n and not last:
                raise _Fallback  # a '>' at a stream's end: pdfminer may read '>>' across streams
            i = j
            continue
        else:  # one byte: pdfminer makes it a keyword
            tok = m.group()  # type: ignore[union-attr]
            if tok == b"[":
                stack.append(("a", cur))
                cur = []
                i = j
                continue
            if tok == b"]":
                if not stack or stack[-1][0] != "a":
                    raise _Fallback
                obj = cur
                cur = stack.pop()[1]
            elif tok in (b"{", b"}"):
                raise _Fallback
            else:
                obj = kwd(tok)
        cur.append(obj)
        if cur is out and len(out) > room:
            raise _Full
        i = j
    if stack:
        raise _Fallback  # an array or dict left open: pdfminer reads on


_CLASS: list[type] = []


def interpreter_class() -> type:
    """`PDFPageInterpreter` with the fast `execute` (made once: pdfminer is imported late)."""
    if _CLASS:
        return _CLASS[0]
    from pdfminer import settings
    from pdfminer.pdfinterp import PDFInterpreterError, PDFPageInterpreter
    from pdfminer.pdftypes import stream_value
    from pdfminer.psparser import PSKeyword, PSKeywordTable, PSLiteralTable

    kwd, lit = PSKeywordTable.intern, PSLiteralTable.intern
    budget = pdfminer_limits.token_budget
    count = pdfminer_limits.count_token

    class FastInterpreter(PDFPageInterpreter):
        _ops: dict[Any, tuple[str, int]] = {}  # keyword -> (method name, "" if none; operands)

        def execute(self, streams) -> None:
            objs = self._objects(streams)
            if objs is None:
                return super().execute(streams)
            ops = self._ops
            argstack = self.argstack
            for obj in objs:
                count()
                if obj.__class__ is PSKeyword:
                    op = ops.get(obj)
                    if op is None:
                        name = str(obj.name, "utf-8", "ignore")
                        method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
                        if hasattr(self, method):
                            op = ops[obj] = (method, getattr(self, method).__code__.co_argcount - 1)
                        else:
                            op = ops[obj] = ("", 0)
                    method, nargs = op
                    if not method:
                        if settings.STRICT:
                            raise PDFInterpreterError(f"Unknown operator: {str(obj.name, 'utf-8', 'ignore')!r}")
                        continue
                    func = getattr(self, method)
                    if nargs:
                        args = argstack[-nargs:]
                        del argstack[-nargs:]
                        if len(args) == nargs:
                            func(*args)
                    else:
                        func()
                    argstack = self.argstack  # an operator may have replaced the stack
                else:
                    argstack.append(obj)
            count()  # pdfminer's last `nextobject` call, the one that finds the end

        def _objects(self, streams) -> list | None:
            """The streams' top-level objects, after `execute`'s own choice of streams
            (the circular-reference guard); None: pdfminer reads them."""
            try:
                valid = []
                ids = set()
                for obj in streams:
                    stream = stream_value(obj)
                    if stream.objid is None or stream.objid in self.parent_stream_ids:
                        return None  # pdfminer warns and skips it
                    valid.append(stream)
                    ids.add(stream.objid)
                datas = [s.get_data() for s in valid]
                if not datas or not all(isinstance(d, bytes) for d in datas):
                    return None
                out: list = []
                room = budget()
                try:
                    for k, data in enumerate(datas):
                        _tokens(data, k == len(datas) - 1, out, room, kwd, lit)
                except _Full:
                    pass
            except _Fallback:
                return None
            except Exception:  # a stream that does not decode, …: pdfminer meets it in its own time
                return None
            self.stream_ids.clear()
            self.stream_ids.update(ids)
            return out

    _CLASS.append(FastInterpreter)
    return FastInterpreter
