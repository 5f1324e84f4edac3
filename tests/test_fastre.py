"""kehoach.fastre: the `regex` functions with a cheap cache, and a `compile` that waits for use."""

from __future__ import annotations

import pickle

import regex

from kehoach import fastre


def test_compile_waits_for_the_first_use():
    lazy = fastre.compile(r"(?P<so>\d+)\s*/\s*(?P<ma>[\p{Lu}-]+)", fastre.I)
    assert lazy.pattern == r"(?P<so>\d+)\s*/\s*(?P<ma>[\p{Lu}-]+)"
    assert lazy._compiled is None  # nothing compiled by naming it
    m = lazy.search("Kế hoạch số 20/KH-UBND ngày 3/2/2026")
    assert lazy._compiled is not None
    assert m.group("so", "ma") == ("20", "KH-UBND")
    # afterwards the compiled pattern's own bound method is kept: no indirection per call
    assert lazy.search.__self__ is lazy.compiled()


def test_a_lazy_pattern_answers_like_the_compiled_one():
    text = "Sở Công Thương; Sở Tài chính - UBND các huyện\nCăn cứ Luật số 1"
    for pattern, flags in [
        (r"\s*;\s*|\s+-\s+", 0),
        (r"^căn cứ\b.*$", regex.I | regex.M),
        (r"\p{Lu}\p{Ll}+", 0),
    ]:
        real, lazy = regex.compile(pattern, flags), fastre.compile(pattern, flags)
        assert lazy.split(text) == real.split(text)
        assert lazy.findall(text) == real.findall(text)
        assert lazy.sub("_", text) == real.sub("_", text)
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
        assert lazy.flags == real.flags and lazy.groupindex == real.groupindex
        # the module functions take a lazy pattern where `regex` takes a compiled one
        assert fastre.sub(lazy, "_", text) == regex.sub(real, "_", text)
        assert fastre.findall(lazy, text) == regex.findall(real, text)
        assert fastre.compile(lazy) is not None and fastre.compile(lazy).pattern == pattern


def test_a_lazy_pattern_pickles_and_reports_bad_patterns_on_use():
    lazy = fastre.compile(r"ngày\s+(\d{1,2})", fastre.I)
    again = pickle.loads(pickle.dumps(lazy))
    assert again.search("Ngày 15 tháng 3").group(1) == "15"
    broken = fastre.compile(r"(unclosed")  # naming a broken pattern is not yet an error
    try:
        broken.search("x")
    except regex.error:
        pass
    else:  # pragma: no cover
        raise AssertionError("a broken pattern must raise regex.error when used")


def test_the_plan_builder_names_lazy_patterns():
    """The plan builder's module-level patterns are lazy: importing it compiles none of them."""
    import kehoach.plan.build  # noqa: F401
    from kehoach.plan import assignments, duty_text, patterns, prose, units

    named = [
        v
        for m in (patterns, prose, units, duty_text, assignments)
        for v in vars(m).values()
        if isinstance(v, fastre.LazyPattern)
    ]
    assert len(named) > 20
    assert all(v.pattern for v in named)
