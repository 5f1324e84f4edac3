"""A minimal reader of OLE2 compound files (the container of Word 97-2003 .doc files).

Two things are needed from a .doc before LibreOffice converts it: the names of its
streams (an encrypted DOCX hides in a compound file) and the page count Word stored in
the summary information when it last saved the file (LibreOffice's DOCX has none).
Every offset is checked against the data and every chain is bounded, so a damaged file
gives `None` or `[]`, never an exception or a loop.
"""

from __future__ import annotations

import struct

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_MAX_STREAM = 1 << 20  # the summary streams are a few hundred bytes
PIDSI_PAGECOUNT = 14
_VT_I4 = 3
_SUMMARY = "\x05SummaryInformation"


class _Compound:
    """Sector size, FAT and directory entries of a compound file."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.ok = len(data) >= 512 and data.startswith(MAGIC)
        self.fat: list[int] = []
        self.entries: list[tuple[str, int, int, int]] = []  # (name, type, start sector, size)
        if not self.ok:
            return
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        mini_shift = struct.unpack_from("<H", data, 0x20)[0]
        if not 7 <= shift <= 16 or not 2 <= mini_shift < shift:
            self.ok = False
            return
        self.size = 1 << shift
        self.mini_size = 1 << mini_shift
        self.mini_cutoff = struct.unpack_from("<I", data, 0x38)[0]
        self.minifat_start = struct.unpack_from("<I", data, 0x3C)[0]
        difat = list(struct.unpack_from("<109I", data, 0x4C))
        next_difat = struct.unpack_from("<I", data, 0x44)[0]
        seen: set[int] = set()
        while next_difat not in (_FREE, _END) and next_difat not in seen:  # very large files
            seen.add(next_difat)
            off = (next_difat + 1) * self.size
            if off + self.size > len(data):
                break
            more = struct.unpack_from(f"<{self.size // 4}I", data, off)
            difat.extend(more[:-1])
            next_difat = more[-1]
        for sector in difat:
            if sector in (_FREE, _END):
                continue
            off = (sector + 1) * self.size
            if off + self.size > len(data):
                break
            self.fat.extend(struct.unpack_from(f"<{self.size // 4}I", data, off))
        directory = self._chain(struct.unpack_from("<I", data, 0x30)[0], self.fat, self.size, self._sector)
        for entry in range(0, len(directory) - 127, 128):
            name_len = struct.unpack_from("<H", directory, entry + 0x40)[0]
            if not 2 <= name_len <= 64:
                continue
            name = directory[entry : entry + name_len - 2].decode("utf-16-le", "replace")
            kind = directory[entry + 0x42]
            start, size = struct.unpack_from("<II", directory, entry + 0x74)
            self.entries.append((name, kind, start, size))

    def _sector(self, n: int) -> bytes:
        off = (n + 1) * self.size
        return self.data[off : off + self.size]

    @staticmethod
    def _chain(start: int, fat: list[int], size: int, read, limit: int = _MAX_STREAM) -> bytes:
        out = bytearray()
        sector, seen = start, set()
        while sector not in (_FREE, _END) and sector < len(fat) and sector not in seen and len(out) < limit:
            seen.add(sector)
            chunk = read(sector)
            if len(chunk) < size:
                break
            out += chunk
            sector = fat[sector]
        return bytes(out)

    def stream(self, name: str) -> bytes | None:
        """The content of the stream called `name` (first match), or None."""
        found = next((e for e in self.entries if e[0] == name and e[1] == 2), None)
        if found is None or found[3] > _MAX_STREAM:
            return None
        _, _, start, size = found
        if size >= self.mini_cutoff:
            return self._chain(start, self.fat, self.size, self._sector)[:size]
        # a small stream lives in the mini stream: the root entry's chain, in mini sectors
        root = next((e for e in self.entries if e[1] == 5), None)
        if root is None:
            return None
        container = self._chain(root[2], self.fat, self.size, self._sector, limit=64 * _MAX_STREAM)
        minifat_raw = self._chain(self.minifat_start, self.fat, self.size, self._sector)
        minifat = list(struct.unpack_from(f"<{len(minifat_raw) // 4}I", minifat_raw))

        def mini(n: int) -> bytes:
            return container[n * self.mini_size : (n + 1) * self.mini_size]

        return self._chain(start, minifat, self.mini_size, mini)[:size]


def stream_names(data: bytes) -> list[str]:
    """Names in a compound file's directory ([] when `data` is not one)."""
    compound = _Compound(data)
    return [e[0] for e in compound.entries] if compound.ok else []


def summary_page_count(data: bytes) -> int | None:
    """The page count Word stored in the summary information (PIDSI_PAGECOUNT), or None.

    Word writes it from its own layout each time it saves; a file written by another
    program may leave it 0, which says nothing and gives None.
    """
    compound = _Compound(data)
    stream = compound.stream(_SUMMARY) if compound.ok else None
    if not stream or len(stream) < 48:
        return None
    try:
        (sections,) = struct.unpack_from("<I", stream, 24)
        if sections < 1:
            return None
        (offset,) = struct.unpack_from("<I", stream, 44)
        _, count = struct.unpack_from("<II", stream, offset)
        for i in range(min(count, 256)):
            pid, poff = struct.unpack_from("<II", stream, offset + 8 + 8 * i)
            if pid == PIDSI_PAGECOUNT:
                vtype, value = struct.unpack_from("<Ii", stream, offset + poff)
                return value if (vtype & 0xFFFF) == _VT_I4 and 0 < value < 100000 else None
    except struct.error:
        return None
    return None
