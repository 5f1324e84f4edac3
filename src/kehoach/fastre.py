"""The `regex` module's functions with a cheaper pattern cache: `import kehoach.fastre as re`.

`regex.search(pattern, text)` looks its compiled pattern up on every call through a cache
whose key costs more than most searches do (flag enums are combined, unused arguments
checked): in the plan builder, which calls the module functions with literal patterns
thousands of times per document, that lookup was a fifth of the time. Here the compiled
pattern is found in a plain dict keyed by (pattern, flags); results are the same, since the
same `regex.compile` makes the pattern. Anything else (compiled patterns passed in, named
lists, `concurrent`, `timeout`…) goes to `regex` itself, as does every other name.

`compile` is lazy: the modules of the plan builder and the parsers name a few hundred patterns
at import, and `regex` parses a pattern in Python (a fraction of a millisecond to several
each), so compiling them all made every start-up pay for rules a document never reaches. A
`LazyPattern` compiles on its first use and then hands out the compiled pattern's own bound
methods, so a search through it costs what one through the compiled pattern does. Both
compile through `pattern_store`, which rebuilds a pattern an earlier run compiled without
parsing it again.
"""

from __future__ import annotations

from typing import Any

import regex as _regex

from . import pattern_store

_CACHE: dict[tuple[type, Any, int], Any] = {}
_MAX = 2048  # patterns are literals; a document-made pattern must not grow it forever


def _compiled(pattern: Any, flags: int) -> Any:
    key = (type(pattern), pattern, flags)
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) >= _MAX:
            _CACHE.clear()
        found = _CACHE[key] = pattern_store.compile(pattern, flags)
    return found


def _plain(pattern: Any, kw: dict) -> bool:
    return not kw and isinstance(pattern, (str, bytes))


class LazyPattern:
    """A pattern compiled on first use; afterwards its attributes are the compiled pattern's.

    Only `pattern` is known before: reading any other attribute (`search`, `sub`, `flags`,
    `groupindex`…) compiles it and keeps that attribute in the instance, so `__getattr__` runs
    once per name. `compiled()` gives the `regex` pattern itself, for code that needs one.
    """

    def __init__(self, pattern: Any, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: Any = None

    def compiled(self) -> Any:
        found = self._compiled
        if found is None:
            found = self._compiled = pattern_store.compile(self.pattern, self._flags)
        return found

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends probe dunders: not the pattern's
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return repr(self.compiled())


def _real(pattern: Any) -> Any:
    return pattern.compiled() if isinstance(pattern, LazyPattern) else pattern


def compile(pattern: Any, flags: int = 0, **kw: Any) -> Any:
    """`regex.compile`, deferred until the pattern is used (see the module docstring)."""
    if kw or not isinstance(pattern, (str, bytes)):
        return _regex.compile(_real(pattern), flags, **kw)
    return LazyPattern(pattern, flags)


def search(pattern, string, flags=0, pos=None, endpos=None, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).search(string, pos, endpos)
    return _regex.search(_real(pattern), string, flags, pos, endpos, **kw)


def match(pattern, string, flags=0, pos=None, endpos=None, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).match(string, pos, endpos)
    return _regex.match(_real(pattern), string, flags, pos, endpos, **kw)


def fullmatch(pattern, string, flags=0, pos=None, endpos=None, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).fullmatch(string, pos, endpos)
    return _regex.fullmatch(_real(pattern), string, flags, pos, endpos, **kw)


def sub(pattern, repl, string, count=0, flags=0, pos=None, endpos=None, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).sub(repl, string, count, pos, endpos)
    return _regex.sub(_real(pattern), repl, string, count, flags, pos, endpos, **kw)


def subn(pattern, repl, string, count=0, flags=0, pos=None, endpos=None, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).subn(repl, string, count, pos, endpos)
    return _regex.subn(_real(pattern), repl, string, count, flags, pos, endpos, **kw)


def split(pattern, string, maxsplit=0, flags=0, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).split(string, maxsplit)
    return _regex.split(_real(pattern), string, maxsplit, flags, **kw)


def findall(pattern, string, flags=0, pos=None, endpos=None, overlapped=False, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).findall(string, pos, endpos, overlapped)
    return _regex.findall(_real(pattern), string, flags, pos, endpos, overlapped, **kw)


def finditer(pattern, string, flags=0, pos=None, endpos=None, overlapped=False, **kw):
    if _plain(pattern, kw):
        return _compiled(pattern, flags).finditer(string, pos, endpos, overlapped)
    return _regex.finditer(_real(pattern), string, flags, pos, endpos, overlapped, **kw)


def __getattr__(name: str) -> Any:  # escape, flags, Pattern, error …
    return getattr(_regex, name)
