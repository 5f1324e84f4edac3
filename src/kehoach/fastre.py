"""The `regex` module's functions with a cheaper pattern cache: `import kehoach.fastre as re`.

`regex.search(pattern, text)` looks its compiled pattern up on every call through a cache
whose key costs more than most searches do (flag enums are combined, unused arguments
checked): in the plan builder, which calls the module functions with literal patterns
thousands of times per document, that lookup was a fifth of the time. Here the compiled
pattern is found in a plain dict keyed by (pattern, flags); results are the same, since the
same `regex.compile` makes the pattern. Anything else (compiled patterns passed in, named
lists, `concurrent`, `timeout`…) goes to `regex` itself, as does every other name.
"""

from __future__ import annotations

from typing import Any

import regex as _regex

_CACHE: dict[tuple[type, Any, int], Any] = {}
_MAX = 2048  # patterns are literals; a document-made pattern must not grow it forever


def _compiled(pattern: Any, flags: int) -> Any:
    key = (type(pattern), pattern, flags)
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) >= _MAX:
            _CACHE.clear()
        found = _CACHE[key] = _regex.compile(pattern, flags)
    return found


def _plain(pattern: Any, kw: dict) -> bool:
    return not kw and isinstance(pattern, (str, bytes))


def search(pattern, string, flags=0, pos=None, endpos=None, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).search(string, pos, endpos)
    return _regex.search(pattern, string, flags, pos, endpos, **kw)


def match(pattern, string, flags=0, pos=None, endpos=None, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).match(string, pos, endpos)
    return _regex.match(pattern, string, flags, pos, endpos, **kw)


def fullmatch(pattern, string, flags=0, pos=None, endpos=None, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).fullmatch(string, pos, endpos)
    return _regex.fullmatch(pattern, string, flags, pos, endpos, **kw)


def sub(pattern, repl, string, count=0, flags=0, pos=None, endpos=None, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).sub(repl, string, count, pos, endpos)
    return _regex.sub(pattern, repl, string, count, flags, pos, endpos, **kw)


def subn(pattern, repl, string, count=0, flags=0, pos=None, endpos=None, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).subn(repl, string, count, pos, endpos)
    return _regex.subn(pattern, repl, string, count, flags, pos, endpos, **kw)


def split(pattern, string, maxsplit=0, flags=0, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).split(string, maxsplit)
    return _regex.split(pattern, string, maxsplit, flags, **kw)


def findall(pattern, string, flags=0, pos=None, endpos=None, overlapped=False, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).findall(string, pos, endpos, overlapped)
    return _regex.findall(pattern, string, flags, pos, endpos, overlapped, **kw)


def finditer(pattern, string, flags=0, pos=None, endpos=None, overlapped=False, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).finditer(string, pos, endpos, overlapped)
    return _regex.finditer(pattern, string, flags, pos, endpos, overlapped, **kw)


def __getattr__(name: str) -> Any:  # compile, escape, flags, Pattern, error …
    return getattr(_regex, name)
