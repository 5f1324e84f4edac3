"""The compiled-pattern store (kehoach.pattern_store): a pattern rebuilt from the store is the
pattern `regex` compiles, no pattern is parsed again once stored, and a store that is damaged,
turned off or cannot be written changes nothing but the time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from kehoach import pattern_store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "000_4a6fe417c4c99215.txt"

# patterns of the kinds kehoach writes: Vietnamese letters, \p classes, named groups,
# lookbehind, case folding, verbose mode
PATTERNS = [
    (r"(?P<so>\d+)/(?P<kh>KH|QĐ)-(?P<org>[\p{Lu}Đ]+)", 0),
    (r"(?<=\p{L}|\d|\))\s+(?P<head>Sở|Bộ|Ủy ban nhân dân|Uỷ ban nhân dân)\b", 0),
    (r"^\s*chủ\s+trì\s*[:,]", int(regex.IGNORECASE)),
    (
        r"""ngày \s+ (\d{1,2}) \s+ tháng \s+ (\d{1,2})  # the date line
         \s+ năm \s+ (\d{4})""",
        int(regex.VERBOSE),
    ),
    (r"^(?:[IVXLC]+|\d+(?:\.\d+)*)[.)]\s", int(regex.MULTILINE)),
]
TEXTS = [
    "Số: 172/KH-UBND ngày 12 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh",
    "Giao Sở Tư pháp chủ trì, phối hợp Uỷ ban nhân dân các xã",
    "CHỦ TRÌ: Phòng Văn hóa - Thông tin\nII. Nhiệm vụ",
    "",
]


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh store in tmp_path, as a new process would find it."""
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path))
    _new_process(monkeypatch)
    return tmp_path / "patterns"


def _new_process(monkeypatch) -> None:
    """Forget what this process read and compiled, as a new process starts."""
    monkeypatch.setattr(pattern_store, "_stored", None)
    monkeypatch.setattr(pattern_store, "_new", {})
    monkeypatch.setattr(pattern_store, "_builder", None)


def _behaviour(p) -> list:
    out = [p.pattern, p.flags, p.groups, dict(p.groupindex)]
    for text in TEXTS:
        out.append([(m.span(), m.groups(), m.groupdict()) for m in p.finditer(text)])
        out.append(p.sub("<>", text))
    return out


def _no_parsing(monkeypatch) -> list[str]:
    """Make `regex.compile` record what it is asked to parse (the store's probe is "")."""
    asked: list[str] = []
    real = regex.compile

    def compile_(pattern, flags=0, **kw):
        asked.append(pattern)
        return real(pattern, flags, **kw)

    monkeypatch.setattr(pattern_store._regex, "compile", compile_)
    return asked


def test_a_stored_pattern_is_rebuilt_without_parsing_and_behaves_the_same(store, monkeypatch):
    first = [pattern_store.compile(p, f) for p, f in PATTERNS]
    pattern_store.save()
    files = list(store.iterdir())
    assert len(files) == 1 and regex.__version__ in files[0].name

    _new_process(monkeypatch)
    asked = _no_parsing(monkeypatch)
    again = [pattern_store.compile(p, f) for p, f in PATTERNS]
    assert set(asked) <= {""}, asked  # only the probe that finds regex's builder
    for a, b in zip(first, again, strict=True):
        assert a is not b
        assert _behaviour(a) == _behaviour(b)


def test_a_pattern_not_in_the_store_is_compiled_and_added(store, monkeypatch):
    pattern_store.compile(*PATTERNS[0])
    pattern_store.save()
    _new_process(monkeypatch)
    asked = _no_parsing(monkeypatch)
    pattern_store.compile(*PATTERNS[0])
    pattern_store.compile(*PATTERNS[1])
    assert asked[-1] == PATTERNS[1][0]
    pattern_store.save()
    _new_process(monkeypatch)
    asked = _no_parsing(monkeypatch)
    pattern_store.compile(*PATTERNS[0])
    pattern_store.compile(*PATTERNS[1])
    assert set(asked) <= {""}


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-7],  # cut short
        lambda data: data[:10] + bytes([data[10] ^ 0xFF]) + data[11:],  # a flipped byte
        lambda data: b"",
        lambda data: b"\x00" * 3,
    ],
    ids=["truncated", "flipped-byte", "empty", "shorter-than-its-check"],
)
def test_a_damaged_store_is_ignored_and_rewritten(store, monkeypatch, damage):
    for p, f in PATTERNS:
        pattern_store.compile(p, f)
    pattern_store.save()
    (path,) = store.iterdir()
    path.write_bytes(damage(path.read_bytes()))

    _new_process(monkeypatch)
    asked = _no_parsing(monkeypatch)
    got = [pattern_store.compile(p, f) for p, f in PATTERNS]
    assert asked == [p for p, _ in PATTERNS]  # every one compiled as usual
    assert [_behaviour(g) for g in got] == [_behaviour(regex.compile(p, f)) for p, f in PATTERNS]
    pattern_store.save()
    _new_process(monkeypatch)
    asked = _no_parsing(monkeypatch)
    for p, f in PATTERNS:
        pattern_store.compile(p, f)
    assert set(asked) <= {""}


def test_a_store_holding_something_else_is_ignored(store, monkeypatch):
    import marshal
    import zlib

    pattern_store.compile(*PATTERNS[0])
    pattern_store.save()
    (path,) = store.iterdir()
    for body in (marshal.dumps([1, 2, 3]), marshal.dumps({(PATTERNS[0][0], 0): ("not", "a", "pattern")})):
        path.write_bytes(zlib.crc32(body).to_bytes(4, "little") + body)
        _new_process(monkeypatch)
        p = pattern_store.compile(*PATTERNS[0])
        assert _behaviour(p) == _behaviour(regex.compile(*PATTERNS[0]))


def test_the_store_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("KEHOACH_CACHE_DIR", "")
    _new_process(monkeypatch)
    assert pattern_store.directory() is None
    pattern_store.compile(*PATTERNS[2])
    pattern_store.save()  # nowhere to write: nothing happens
    assert not list(tmp_path.iterdir())


def test_a_store_that_cannot_be_written_is_silent(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(blocker / "kehoach"))
    _new_process(monkeypatch)
    p = pattern_store.compile(*PATTERNS[3])
    pattern_store.save()
    assert _behaviour(p) == _behaviour(regex.compile(*PATTERNS[3]))
    assert sorted(x.name for x in tmp_path.iterdir()) == ["not-a-directory"]


def test_the_cache_directory_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("KEHOACH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert pattern_store.directory() == tmp_path / "kehoach" / "patterns"


@pytest.mark.skipif(not SEED.exists(), reason="samples/ has no seed 000 (copy ../shared/seeds into samples/)")
def test_a_parse_with_the_store_gives_the_same_output_as_one_without(tmp_path):
    """Three processes: store off, store filled, store read; the JSON is the same bytes."""
    outs = []
    for run, cache in (("off", ""), ("fill", str(tmp_path / "c")), ("read", str(tmp_path / "c"))):
        out = tmp_path / f"{run}.json"
        r = subprocess.run(
            [sys.executable, "-m", "kehoach", "parse", str(SEED), "-o", str(out), "-f", "json"],
            capture_output=True,
            text=True,
            env={**os.environ, "KEHOACH_CACHE_DIR": cache},
            timeout=300,
        )
        assert r.returncode == 0, r.stderr
        outs.append(out.read_bytes())
    assert list((tmp_path / "c").iterdir()), "the filling run wrote no store"
    assert outs[0] == outs[1] == outs[2]
