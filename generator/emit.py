"""Writes the generated C sources the library compiles in.

Outputs, all under out_dir, each opening with a banner that names the
generator and its inputs:

- winerr_data.inc: string pools and the read-only arrays (see lib/internal.h
  for the structures).  Strings are referenced by 32-bit offsets into a pool,
  never by pointers, so the shared library needs no load-time relocations.
    - entries, ordered by (table, name, value);
    - tables, ordered by name, each a contiguous run of entries;
    - by_value: entry indices ordered by (value, table, name), and an
      open-addressing hash over the distinct values, each slot pointing at
      the run of by_value that holds that value (or, for a value only one
      entry has, at that entry itself);
    - by_name: entry indices ordered by (upper-cased name, table, name, value);
    - HRESULT and NTSTATUS facility names, ordered by number.
- names_NN.gperf: gperf input for the exact-name lookup, split into buckets of
  about NAMES_PER_BUCKET keys (gperf slows down sharply on large key sets).
  A key is an upper-cased name; its row points at the run of by_name holding
  every entry of that name (or, for a name only one entry has, at that
  entry itself).  The bucket of a name is name_bucket(upper(name)),
  computed the same way by lib/names.c.
- names_keys.txt: each key's row value and bytes, for gperf_slots.py.
- names.inc: the bucket count and longest key, and the include of
  names_slots.inc (written by gperf_slots.py from gperf's outputs once gperf
  has run: gperf's hash and slots as data, see gperf_slots.py).

The same inputs give byte-identical outputs: everything is sorted, and
nothing (time, paths of the build directory) varies between runs.
"""

import os

from .model import KINDS

NAMES_PER_BUCKET = 100
HASH_MULTIPLIER = 0x9E3779B1
START_BITS = 20   # value-hash slot: start (20 bits) | count (12 bits)
COUNT_BITS = 12
NAME_FIRST_BITS = 22  # gperf row: first (22 bits) | count (10 bits)


HEAD_WORDS = 5  # lib/names.c's HEAD_WORDS
NAME_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                    0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53)


def name_words(key: bytes, count: int):
    """lib/names.c's words of a key: word k is the 8 bytes from min(8k,
    len - 8), little-endian, so the last one ends at the key's end and any
    past it repeat it; a key under 8 bytes is one zero-padded word, then
    zeros."""
    if len(key) < 8:
        return [int.from_bytes(key.ljust(8, b"\0"), "little")] + [0] * (count - 1)
    return [int.from_bytes(key[min(8 * k, len(key) - 8):][:8], "little") for k in range(count)]


def name_bucket(key: bytes, nbuckets: int) -> int:
    """lib/names.c's bucket_of: the first HEAD_WORDS words of the upper-cased
    key (name_words), its last eight bytes when it is longer than those, and
    its length, mixed; the top 32 bits scaled to nbuckets."""
    mask = 0xFFFFFFFFFFFFFFFF
    words = name_words(key, HEAD_WORDS)
    words[0] ^= len(key)
    words.append(int.from_bytes(key[-8:], "little") if len(key) > 8 * HEAD_WORDS else 0)
    h = sum(w * m for w, m in zip(words, NAME_MULTIPLIERS)) & mask
    h ^= h >> 29
    h = (h * 0x94D049BB133111EB) & mask
    return ((h >> 32) * nbuckets) >> 32


def upper_ascii(s: str) -> str:
    return "".join(chr(ord(c) - 32) if "a" <= c <= "z" else c for c in s)


def table_sort_key(table: str):
    return (table.lower(), table)


def c_string(data: bytes) -> str:
    """A C string literal for data, also valid gperf input; octal escapes
    keep it ASCII and trigraph-free ('?' as \\077: gperf does not know \\?)."""
    out = ['"']
    for b in data:
        c = chr(b)
        if c in '"\\':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7F and c != "?":
            out.append(c)
        else:
            out.append("\\%03o" % b)
    out.append('"')
    return "".join(out)


class Pool:
    """A string pool: each distinct string stored once, NUL-terminated."""

    def __init__(self):
        self.offsets = {"": 0}
        self.parts = [b""]
        self.size = 1

    def add(self, s: str) -> int:
        off = self.offsets.get(s)
        if off is None:
            data = s.encode("utf-8")
            if b"\0" in data:
                raise ValueError("NUL byte in string %r" % s[:40])
            off = self.offsets[s] = self.size
            self.parts.append(data)
            self.size += len(data) + 1
        return off

    def write(self, f, cname: str):
        f.write("const char %s[%d] =\n" % (cname, self.size))
        for data in self.parts:
            f.write("    %s \"\\0\"\n" % c_string(data))
        f.write(";\n\n")


def value_hash(value: int, bits: int) -> int:
    return ((value * HASH_MULTIPLIER) & 0xFFFFFFFF) >> (32 - bits)


def build_value_hash(entries, by_value):
    """Open addressing with linear probing, load factor at most 1/2."""
    runs = []  # (value, start, count)
    i = 0
    while i < len(by_value):
        v = entries[by_value[i]].value
        j = i
        while j < len(by_value) and entries[by_value[j]].value == v:
            j += 1
        if j - i >= (1 << COUNT_BITS) or len(entries) >= (1 << START_BITS):
            raise ValueError("value 0x%x: run too long for the hash slot" % v)
        runs.append((v, i, j - i))
        i = j
    bits = 4
    while (1 << bits) < 2 * max(len(runs), 1):
        bits += 1
    slots = [None] * (1 << bits)
    mask = (1 << bits) - 1
    for v, start, count in runs:
        if count == 1:  # a lone entry: its index itself, sparing a lookup
            start = by_value[start]
        h = value_hash(v, bits)
        while slots[h] is not None:
            h = (h + 1) & mask
        slots[h] = (v, start | (count << START_BITS))
    return bits, slots, len(runs)


def banner(comment_open, comment_close, inputs, by="generator/winerr_gen.py (generator/emit.py)"):
    lines = [comment_open + " Generated by %s." % by,
             " * Do not edit: edit the generator or its inputs instead.",
             " * Inputs:"]
    lines += [" *   %s" % p for p in inputs]
    lines.append(" " + comment_close.strip() if comment_close else "")
    return "\n".join(lines) + "\n"


def write_data(path, entries, tables, by_value, by_name, facilities, names, texts, inputs):
    table_index = {t[0]: i for i, t in enumerate(tables)}
    bits, slots, distinct = build_value_hash(entries, by_value)
    kind_index = {k: i for i, k in enumerate(KINDS)}
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(banner("/*", "*/", inputs))
        f.write("#define WINERR_GEN_ENTRY_COUNT %du\n" % len(entries))
        f.write("#define WINERR_GEN_TABLE_COUNT %du\n" % len(tables))
        f.write("#define WINERR_GEN_VALUE_HASH_BITS %d\n" % bits)
        f.write("#define WINERR_GEN_DISTINCT_VALUES %du\n\n" % distinct)
        names.write(f, "winerr__names")
        texts.write(f, "winerr__texts")

        f.write("const struct winerr_entry winerr__entries[%d] = {\n" % max(len(entries), 1))
        for e in entries:
            f.write("    {0x%08xu, %du, %du, %du, %du, 0},\n" % (
                e.value, names.offsets[e.name], texts.offsets[e.text or ""],
                table_index[e.table], kind_index[e.kind]))
        f.write("};\n\n")

        f.write("const struct winerr_table winerr__tables[%d] = {\n" % max(len(tables), 1))
        for name, first, count in tables:
            f.write("    {%du, %du, %du},\n" % (names.offsets[name], first, count))
        f.write("};\n\n")

        write_u32_array(f, "winerr__by_value", by_value)
        write_u32_array(f, "winerr__by_name", by_name)

        f.write("const struct winerr_vslot winerr__value_hash[%d] = {\n" % len(slots))
        for s in slots:
            f.write("    {0x%08xu, %du},\n" % s if s else "    {0u, 0u},\n")
        f.write("};\n\n")

        for cname, fac in (("winerr__hr_facilities", facilities.hresult),
                           ("winerr__nt_facilities", facilities.ntstatus)):
            f.write("#define %s_COUNT %du\n" % (cname.upper(), len(fac)))
            f.write("const struct winerr_facility %s[%d] = {\n" % (cname, max(len(fac), 1)))
            for num in sorted(fac):
                f.write("    {%du, %du},\n" % (num, names.offsets[fac[num]]))
            f.write("};\n\n")


def write_u32_array(f, cname, values):
    f.write("const uint32_t %s[%d] = {\n" % (cname, max(len(values), 1)))
    for i in range(0, len(values), 12):
        f.write("    " + ", ".join("%du" % v for v in values[i:i + 12]) + ",\n")
    f.write("};\n\n")


def write_names(out_dir, groups, by_name, inputs):
    """groups: list of (upper_name, first, count) sorted by upper_name."""
    nbuckets = max(1, (len(groups) + NAMES_PER_BUCKET - 1) // NAMES_PER_BUCKET)
    buckets = [[] for _ in range(nbuckets)]
    keys = []  # (upper name, run) for gperf_slots.py
    for g in groups:
        buckets[name_bucket(g[0].encode("utf-8"), nbuckets)].append(g)
    for old in os.listdir(out_dir):
        if old.startswith("names_") and old.endswith((".gperf", ".inc", ".txt")):
            os.remove(os.path.join(out_dir, old))
    for i, bucket in enumerate(buckets):
        with open(os.path.join(out_dir, "names_%02d.gperf" % i), "w",
                  encoding="utf-8", newline="\n") as f:
            f.write("%{\n" + banner("/*", "*/", inputs) + "%}\n")
            f.write("%%define lookup-function-name winerr__lookup_%02d\n" % i)
            f.write("%%define hash-function-name winerr__hash_%02d\n" % i)
            f.write("%%define string-pool-name winerr__npool_%02d\n" % i)
            f.write("%%define word-array-name winerr__words_%02d\n" % i)
            f.write("struct winerr_name;\n%%\n")
            for upper, first, count in bucket:
                if len(by_name) >= (1 << NAME_FIRST_BITS) or count >= (1 << (32 - NAME_FIRST_BITS)):
                    raise ValueError("name %s: run too long for a gperf row" % upper)
                if count == 1:  # a lone entry: its index itself, sparing a lookup
                    first = by_name[first]
                run = first | (count << NAME_FIRST_BITS)
                keys.append((upper, run))
                f.write("%s, %du\n" % (c_string(upper.encode("utf-8")), run))
    with open(os.path.join(out_dir, "names_keys.txt"), "w", encoding="ascii",
              newline="\n") as f:
        for upper, run in sorted(keys, key=lambda k: k[1]):
            f.write("%d %s\n" % (run, upper.encode("utf-8").hex()))
    with open(os.path.join(out_dir, "names.inc"), "w", encoding="ascii", newline="\n") as f:
        f.write(banner("/*", "*/", inputs))
        f.write("#define WINERR_GEN_NAME_BUCKETS %du\n" % nbuckets)
        f.write("#define WINERR_GEN_NAME_MAX_LEN %du\n\n" % max(
            (len(g[0].encode("utf-8")) for g in groups), default=0))
        f.write('#include "names_slots.inc"\n')
    return nbuckets


def emit(out_dir, entries, facilities, inputs):
    """Writes the generated sources; returns statistics for the report."""
    os.makedirs(out_dir, exist_ok=True)
    tables_sorted = sorted({e.table for e in entries}, key=table_sort_key)
    entries = sorted(entries, key=lambda e: (table_sort_key(e.table), e.name, e.value))

    tables = []
    for i, e in enumerate(entries):
        if not tables or tables[-1][0] != e.table:
            tables.append([e.table, i, 0])
        tables[-1][2] += 1

    by_value = sorted(range(len(entries)), key=lambda i: (entries[i].value, i))
    by_name = sorted(range(len(entries)), key=lambda i: (upper_ascii(entries[i].name), i))
    groups = []
    for pos, i in enumerate(by_name):
        up = upper_ascii(entries[i].name)
        if groups and groups[-1][0] == up:
            groups[-1][2] += 1
        else:
            groups.append([up, pos, 1])

    names, texts = Pool(), Pool()
    for t in tables_sorted:
        names.add(t)
    for fac in (facilities.hresult, facilities.ntstatus):
        for num in sorted(fac):
            names.add(fac[num])
    for e in entries:
        names.add(e.name)
        texts.add(e.text or "")

    write_data(os.path.join(out_dir, "winerr_data.inc"), entries, tables, by_value,
               by_name, facilities, names, texts, inputs)
    nbuckets = write_names(out_dir, groups, by_name, inputs)
    return {
        "entries": len(entries),
        "tables": len(tables),
        "distinct_names": len(groups),
        "distinct_values": len({e.value for e in entries}),
        "name_bytes": sum(len(e.name.encode("utf-8")) + 1 for e in entries),
        "text_bytes": sum(len((e.text or "").encode("utf-8")) + 1 for e in entries if e.text),
        "name_pool_bytes": names.size,
        "text_pool_bytes": texts.size,
        "name_buckets": nbuckets,
    }
