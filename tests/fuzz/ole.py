"""A minimal OLE compound-file writer (version 4, 4096-byte sectors) for building HWP 5 test
files in code, including damaged ones: a stream whose FAT chain loops on itself, a stream
declaring a size far beyond its sectors, a directory whose sector chain loops, a directory
tree whose sibling chain loops or runs thousands deep, a storage chain thousands deep, a DIFAT sector naming itself, a
mini-FAT whose chain loops or declares billions of sectors, a mini stream chain that loops.

Streams shorter than the 4096-byte mini-stream cutoff are padded with zeros up to it, so that
every stream lives in regular FAT sectors and no mini stream is needed (HWP readers ignore
the padding: FileHeader is read by offset, deflate stops at its end).
"""

from __future__ import annotations

import struct

SECTOR = 4096
FREESECT, ENDOFCHAIN, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


def _dir_entry(name: str, kind: int, child: int = NOSTREAM, right: int = NOSTREAM,
               start: int = ENDOFCHAIN, size: int = 0) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0"
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", NOSTREAM, right, child) + bytes(16) + bytes(4) + bytes(16)
            + struct.pack("<IQ", start, size))


def ole_file(streams: dict[str, bytes], *, loop: str | None = None,
             declared: dict[str, int] | None = None, dir_loop: bool = False,
             tree_loop: bool = False, difat_loop: int = 0, mini: str | None = None,
             mini_fat_sectors: int = 1, mini_loop: bool = False, nest: int = 0) -> bytes:
    """An OLE file holding `streams` ("FileHeader", "BodyText/Section0" ...).

    `loop`: that stream's last sector points back at its first (a FAT self-loop).
    `declared`: sizes written in the directory instead of the real ones.
    `dir_loop`: the directory's last sector points back at its first.
    `tree_loop`: the last top-level entry's right sibling is the first (a sibling cycle).
    `difat_loop`: that many DIFAT sectors declared (and FAT sectors to match), the one
    written naming itself as the next.
    `mini`: that stream is declared 256 bytes, so it is read from the mini stream, through a
    mini-FAT of `mini_fat_sectors` sectors (declared) whose sector chain loops on itself
    when more than one is declared; `mini_loop`: the stream's mini-sector chain loops.
    `nest`: that many empty storages, each the child of the one before, the first the last
    top-level entry's right sibling (a child chain `nest` deep).
    """
    declared = dict(declared or {})
    if mini:
        declared[mini] = 256
    streams = {name: data.ljust(4096, b"\0") for name, data in streams.items()}
    sectors: list[bytes] = []
    fat: list[int] = []
    starts: dict[str, int] = {}
    for name, data in streams.items():
        n = max(1, -(-len(data) // SECTOR))
        first = len(sectors)
        starts[name] = first
        for i in range(n):
            sectors.append(data[i * SECTOR:(i + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(first + i + 1 if i < n - 1 else ENDOFCHAIN)
        if name == loop:
            fat[-1] = first
    mini_root = (ENDOFCHAIN, 0)
    minifat_sect = ENDOFCHAIN
    if mini:  # a one-sector mini stream (the stream's first sector again) and its mini-FAT
        mini_root = (starts[mini], SECTOR)
        minifat = [0 if mini_loop else i + 1 for i in range(4)] + [ENDOFCHAIN] * 60
        if not mini_loop:
            minifat[3] = ENDOFCHAIN
        minifat_sect = len(sectors)
        sectors.append(struct.pack("<64I", *minifat).ljust(SECTOR, b"\xff"))
        fat.append(minifat_sect if mini_fat_sectors > 1 else ENDOFCHAIN)
    # Directory: root, then storages and streams as one right-sibling chain per level.
    storages = sorted({n.split("/")[0] for n in streams if "/" in n})
    top = [n for n in streams if "/" not in n] + storages
    ids: dict[str, int] = {"": 0}
    order = [""] + top + [n for n in streams if "/" in n]
    for i, key in enumerate(order):
        ids[key] = i
    raw_entries = []
    for key in order:
        if key == "":
            kids = top
        elif key in storages:
            kids = [n for n in streams if n.startswith(key + "/")]
        else:
            kids = []
        child = ids[kids[0]] if kids else NOSTREAM
        siblings = (top if "/" not in key else
                    [n for n in streams if n.split("/")[0] == key.split("/")[0] and "/" in n])
        right = NOSTREAM
        if key and key in siblings and siblings.index(key) + 1 < len(siblings):
            right = ids[siblings[siblings.index(key) + 1]]
        label = "Root Entry" if key == "" else key.split("/")[-1]
        if tree_loop and key == top[-1]:
            right = ids[top[0]]
        if nest and key == top[-1]:
            right = len(order)  # the first nested storage, written after every other entry
        if key == "":
            raw_entries.append(_dir_entry(label, 5, child, start=mini_root[0], size=mini_root[1]))
        elif key in storages:
            raw_entries.append(_dir_entry(label, 1, child, right))
        else:
            size = declared.get(key, len(streams[key]))
            raw_entries.append(_dir_entry(label, 2, NOSTREAM, right, starts[key], size))
    for i in range(nest):
        child = len(order) + i + 1 if i < nest - 1 else NOSTREAM
        raw_entries.append(_dir_entry(f"N{i}", 1, child))
    directory = b"".join(raw_entries)
    directory = directory.ljust(-(-len(directory) // SECTOR) * SECTOR, b"\0")
    first_dir = len(sectors)
    n_dir = len(directory) // SECTOR
    for i in range(n_dir):
        sectors.append(directory[i * SECTOR:(i + 1) * SECTOR])
        fat.append(first_dir + i + 1 if i < n_dir - 1 else (first_dir if dir_loop else ENDOFCHAIN))
    difat_sect = ENDOFCHAIN
    if difat_loop:  # one DIFAT sector: the first FAT sector 1023 times, then itself
        difat_sect = len(sectors)
        sectors.append(b"")  # filled in once the FAT's place is known
        fat.append(FREESECT)
    # FAT sectors: enough for every sector including themselves.
    n_fat = 1
    while (len(sectors) + n_fat) > n_fat * (SECTOR // 4):
        n_fat += 1
    first_fat = len(sectors)
    fat.extend([FATSECT] * n_fat)
    fat.extend([FREESECT] * (n_fat * (SECTOR // 4) - len(fat)))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    for i in range(n_fat):
        sectors.append(fat_bytes[i * SECTOR:(i + 1) * SECTOR])
    difat = [first_fat + i for i in range(n_fat)] + [FREESECT] * (109 - n_fat)
    n_fat_declared, n_difat = n_fat, 0
    if difat_loop:
        difat = [first_fat] * 109
        sectors[difat_sect] = struct.pack("<1024I", *([first_fat] * 1023 + [difat_sect]))
        n_fat_declared, n_difat = 109 + 1023 * difat_loop, difat_loop
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 4, 0xFFFE, 12, 6) + bytes(6)
              + struct.pack("<IIII", 0, n_fat_declared, first_dir, 0)
              + struct.pack("<IIIII", 4096 if mini else 0, minifat_sect,
                            mini_fat_sectors if mini else 0,
                            difat_sect, n_difat)
              + struct.pack("<109I", *difat))
    return header.ljust(SECTOR, b"\0") + b"".join(sectors)
