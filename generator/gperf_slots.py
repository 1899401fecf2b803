#!/usr/bin/env python3
"""Turns gperf's name tables into compact slot tables: names_slots.inc.

gperf's lookup for one name touches three places far apart: its hash
function's association values, a row of its word list, and the key in its
string pool.  The last two are cache misses on almost every lookup.  This
step keeps gperf's perfect hash (the function and the slot each key got) and
replaces the word list and pool with one block per bucket (a few KB, so
usually one page): its slots, 4 bytes per hash value holding the offset of
the key's record from the block's start (0: no key), then the records, each
the key's row value (4 bytes, little-endian), the upper-cased key and a NUL,
4-byte aligned.  Random lookups are bound by cache and TLB misses; this
makes the slot and the key one place instead of two.

Inputs, from out_dir: names_keys.txt (row value and key of every key, from
emit.py) and names_NN.inc (gperf's output: its word list gives each key's
slot, as `..._strSLOT, ROWu}`, and MAX_HASH_VALUE the bucket's last slot).
The same inputs give byte-identical output.

usage: gperf_slots.py OUT_DIR
"""

import os
import re
import sys

try:
    from .emit import banner
except ImportError:  # run as a script from generator/
    from emit import banner

ROW = re.compile(r"_str(\d+), (\d+)u\}")
MAX_HASH = re.compile(r"MAX_HASH_VALUE = (\d+)")
MIN_LEN = re.compile(r"MIN_WORD_LENGTH = (\d+)")
MAX_LEN = re.compile(r"MAX_WORD_LENGTH = (\d+)")


class SlotError(Exception):
    pass


def read_keys(path):
    keys = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            run, hexkey = line.split()
            keys[int(run)] = bytes.fromhex(hexkey)
    return keys


def read_bucket(path):
    """(max hash value, [(slot, row value)], (min, max) key length) of one
    gperf output file.  gperf's hash function must only see lengths in that
    range: outside it, its switch on the length reads past the key."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    found = [r.search(text) for r in (MAX_HASH, MIN_LEN, MAX_LEN)]
    if not all(found):
        raise SlotError("%s: no MAX_HASH_VALUE or word lengths: not gperf output?" % path)
    max_hash, min_len, max_len = (int(m.group(1)) for m in found)
    return max_hash, [(int(a), int(b)) for a, b in ROW.findall(text)], (min_len, max_len)


def bucket_bytes(max_hash, rows, keys):
    """One bucket's slots (4 bytes each: the record's offset from the bucket's
    start, 0 for none) followed by its records, each 4-byte aligned."""
    data = bytearray(4 * (max_hash + 1))
    for slot, run in sorted(rows):
        off = len(data)
        data[4 * slot:4 * slot + 4] = off.to_bytes(4, "little")
        data += run.to_bytes(4, "little") + keys[run] + b"\0"
        data += b"\0" * (-len(data) % 4)
    return bytes(data)


def write_slots(path, buckets, keys):
    parts = [bucket_bytes(max_hash, rows, keys) for max_hash, rows, _ in buckets]
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(banner("/*", "*/", ["names_keys.txt and names_NN.inc (gperf's output),"
                                    " beside this file"], by="generator/gperf_slots.py"))
        f.write("static const uint32_t winerr__slot_base[%d] = {\n" % len(buckets))
        base = 0
        for part in parts:
            f.write("    %du,\n" % base)
            base += len(part)
        f.write("};\n\nstatic const uint32_t winerr__slot_max[%d] = {\n" % len(buckets))
        for max_hash, _, _ in buckets:
            f.write("    %du,\n" % max_hash)
        f.write("};\n\nstatic const uint16_t winerr__len_range[%d][2] = {\n" % len(buckets))
        for _, _, (lo, hi) in buckets:
            f.write("    {%du, %du},\n" % (lo, hi))
        data = b"".join(parts)
        f.write("};\n\n_Alignas(4) static const unsigned char winerr__name_data[%d] = {\n"
                % max(len(data), 1))
        for i in range(0, len(data), 16):
            f.write("    " + ", ".join("0x%02x" % b for b in data[i:i + 16]) + ",\n")
        f.write("};\n")


def main(argv):
    if len(argv) != 2:
        print("usage: gperf_slots.py OUT_DIR", file=sys.stderr)
        return 2
    out_dir = argv[1]
    try:
        keys = read_keys(os.path.join(out_dir, "names_keys.txt"))
        names = sorted(n for n in os.listdir(out_dir) if re.fullmatch(r"names_\d+\.inc", n))
        buckets = [read_bucket(os.path.join(out_dir, n)) for n in
                   sorted(names, key=lambda n: int(n[6:-4]))]
        found = sum(len(rows) for _, rows, _ in buckets)
        if found != len(keys):
            raise SlotError("gperf output holds %d keys, names_keys.txt %d" % (found, len(keys)))
        tmp = os.path.join(out_dir, "names_slots.inc.tmp")
        write_slots(tmp, buckets, keys)
        os.replace(tmp, os.path.join(out_dir, "names_slots.inc"))
    except (OSError, ValueError, KeyError, SlotError) as e:
        print("gperf_slots: %s" % e, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
