"""Bytes of a text export -> str, with what had to be repaired on the way.

Order of the checks (the first that fits wins):

1. a byte-order mark: UTF-32 (checked before UTF-16: FF FE 00 00 starts like UTF-16 LE),
   UTF-16, UTF-8;
2. no mark, but the NUL-byte pattern of UTF-32 (three NULs in every four bytes) or of
   UTF-16 (a NUL in most even or most odd positions, almost none in the other) — the way
   Notepad and PowerShell save without a BOM;
3. UTF-8; a character cut at the end of the file is dropped, and a few stray invalid bytes
   in a file that is otherwise UTF-8 are replaced by U+FFFD (a copy cut or damaged in
   transit), each said in the notes;
4. Windows-1258, then Windows-1252.

A UTF-16/32 file whose length is not a whole number of code units lost its tail: the
incomplete unit is dropped and noted. A few NUL bytes in a text file (a stray byte from a
bad copy) are dropped and noted; many of them, or many control bytes of any kind, mean the
file is not text at all ("binary_text"). A file that decodes under none of these gives "bad_encoding".
"""

from __future__ import annotations

import codecs

from ...errors import KehoachError

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 65536
MAX_STRAY_CONTROLS = 64  # stray NUL bytes repaired in a text file; more: binary
MAX_STRAY_SHARE = 0.005  # … and at most this share of the bytes
MAX_BAD_UTF8 = 16  # invalid bytes replaced in a file that is otherwise UTF-8
BINARY_SHARE = 0.05  # control bytes above this share of a sample: not text


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode a text file's bytes. Returns (text, notes); raises KehoachError for non-text."""
    notes: list[str] = []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8":  # the UTF-8 repairs below apply
                data = data[len(bom) :]
                break
            return _unicode(data[len(bom) :], codec, path, notes, ""), notes
    wide = sniff_wide(data[:_SAMPLE])
    if wide:
        return _unicode(data, wide, path, notes, "NUL-byte pattern, no byte-order mark"), notes
    data = _drop_stray_controls(data, path, notes)
    try:
        return data.decode("utf-8"), notes
    except UnicodeDecodeError as exc:
        text = _utf8_repaired(data, exc, notes)
        if text is not None:
            return text, notes
    for codec in ("cp1258", "cp1252"):
        try:
            return data.decode(codec), notes
        except UnicodeDecodeError:
            continue
    raise KehoachError(path, "bad_encoding")


def sniff_wide(sample: bytes) -> str | None:
    """'utf-32-le/be' or 'utf-16-le/be' from where the NUL bytes sit, or None.

    Text in UTF-16 has a NUL in the high byte of every ASCII character (and Vietnamese
    letters outside ASCII are in U+00xx or U+1Exx), so one parity of positions is full of
    NULs and the other almost free of them; UTF-32 has three NULs in every four bytes."""
    n = len(sample) - len(sample) % 4
    if n < 8:
        return None
    quads = [sample[i:n:4].count(0) / (n // 4) for i in range(4)]
    if min(quads[2], quads[3]) > 0.95 and quads[1] > 0.5 and quads[0] < 0.2:
        return "utf-32-le"
    if min(quads[0], quads[1]) > 0.95 and quads[2] > 0.5 and quads[3] < 0.2:
        return "utf-32-be"
    n = len(sample) - len(sample) % 2
    even, odd = sample[0:n:2].count(0) / (n // 2), sample[1:n:2].count(0) / (n // 2)
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def _unicode(data: bytes, codec: str, path: str, notes: list[str], why: str) -> str:
    unit = 4 if "32" in codec else 2 if "16" in codec else 1
    name = codec.upper().replace("-LE", " LE").replace("-BE", " BE")
    if unit > 1 and len(data) % unit:
        cut = len(data) % unit
        data = data[: len(data) - cut]
        notes.append(f"text: {name} file ends with an incomplete character ({cut} byte(s)); dropped")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        bad = _count_errors(data, codec)
        if bad > MAX_BAD_UTF8:
            raise KehoachError(path, "bad_encoding") from None
        text = data.decode(codec, errors="replace")
        notes.append(f"text: {bad} invalid {name} sequence(s) replaced by U+FFFD")
    if unit > 1 and why:
        notes.append(f"text: read as {name} ({why})")
    if _control_share(text) > BINARY_SHARE:
        raise KehoachError(path, "binary_text")
    return text


def _drop_stray_controls(data: bytes, path: str, notes: list[str]) -> bytes:
    """Drop a few NUL bytes (a bad copy); refuse a file with many of them or with many
    control bytes of any kind (binary). Other control characters (a vertical tab for a line
    break in Word's text export, a Ctrl-Z at the end) stay for the text cleaner, as before."""
    if _control_share_bytes(data[:_SAMPLE]) > BINARY_SHARE:
        raise KehoachError(path, "binary_text")
    count = data.count(0)
    if not count:
        return data
    if count > MAX_STRAY_CONTROLS or count > MAX_STRAY_SHARE * len(data):
        raise KehoachError(path, "binary_text")
    notes.append(f"text: {count} stray NUL byte(s) dropped")
    return data.replace(b"\0", b"")


def _utf8_repaired(data: bytes, exc: UnicodeDecodeError, notes: list[str]) -> str | None:
    """UTF-8 with a character cut at the very end, or a few stray invalid bytes in text that
    is otherwise UTF-8 (it has valid multi-byte characters): the repaired text, else None."""
    if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
        try:
            text = data[: exc.start].decode("utf-8")
        except UnicodeDecodeError:
            return None
        if text.isascii():  # no evidence of UTF-8: a legacy 8-bit file whose last letter is accented
            return None
        notes.append(f"text: the last character is cut ({len(data) - exc.start} byte(s) of UTF-8); dropped")
        return text
    bad = _count_errors(data, "utf-8")
    text = data.decode("utf-8", errors="replace")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad <= MAX_BAD_UTF8 and multibyte >= 4 * bad:
        notes.append(f"text: {bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD")
        return text
    return None


def _count_errors(data: bytes, codec: str) -> int:
    """How many invalid sequences `data` holds in `codec`."""
    return data.decode(codec, errors="replace").count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")


def _control_share_bytes(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample)


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\f\r") / len(sample)
