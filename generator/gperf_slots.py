#!/usr/bin/env python3
"""Turns gperf's name tables into compact lookup data: names_slots.inc.

gperf gives each bucket of keys a perfect hash: the key's length plus the
association values of a few of its bytes (bytes at fixed positions, and
perhaps the last one, each maybe plus a small increment), a byte counted
only when the key is long enough to have it.  This step keeps that hash and
each key's slot, and replaces the C gperf wrote:

- The hash functions (one per bucket, each a switch on the length, reached
  through a switch on the bucket: two unpredictable jumps per lookup)
  become data read by one routine in lib/names.c (bucket_slot).  Per
  bucket: the increment of the last byte and up to MAX_TERMS (position,
  increment) pairs, NO_TERM for a term it lacks, and gperf's association
  values for the byte values keys bring (byte plus increment), by class
  (winerr__byte_class); any other byte value has class 0, association
  value 0.  lib/names.c reads a zero past the key's end, and a zero's class
  is 0, so a byte the key lacks adds nothing, as in gperf's function.
  Every key's slot under this reading is checked against the slot gperf
  gave it, or the build stops.
- gperf's word list and string pool (two places far apart, two cache
  misses) become one block per bucket: its slots, 2 bytes per hash value
  holding the offset of the key's record from the block's start (0: no
  key), then the records, each the key's row value (4 bytes,
  little-endian), its length (1 byte) and its bytes, byte-packed: lib/names.c
  reads its 8-byte words at the offsets emit.name_words reads the query's
  and compares them.  Zero bytes end the data, so those reads stay inside
  whatever the record.

Inputs, from out_dir: names_keys.txt (row value and key of every key, from
emit.py) and names_NN.inc (gperf's output: its hash function; its word list
gives each key's slot, as `..._strSLOT, ROWu}`; MAX_HASH_VALUE the bucket's
last slot).  The same inputs give byte-identical output.

usage: python3 -m generator.gperf_slots OUT_DIR
"""

import os
import re
import sys

from .emit import HEAD_WORDS, banner, name_words

ROW = re.compile(r"_str(\d+), (\d+)u\}")
MAX_HASH = re.compile(r"MAX_HASH_VALUE = (\d+)")
MIN_LEN = re.compile(r"MIN_WORD_LENGTH = (\d+)")
MAX_LEN = re.compile(r"MAX_WORD_LENGTH = (\d+)")
HASH_FN = re.compile(r"\n\w+ \(register const char \*str, register size_t len\)\n\{\n(.*?)\n\}\n",
                     re.S)
ASSO = re.compile(r"static const unsigned (?:char|short|int) asso_values\[\] =\s*\{([\d,\s]*)\}")
TERM = re.compile(r"asso_values\[\(unsigned char\)str\[(\d+|len - 1)\](?:\+(\d+))?\]")
# The shapes gperf 3.1 gives the sum: a switch on the length that adds a
# byte's value only when the key has it, or one expression when every key
# has every byte used; both start from the length.  When the lengths alone
# tell the keys apart, the hash is the length.
HASH_FORMS = ("register unsigned int hval = len;", "return len + ")
LENGTH_ONLY = "return len;"

MAX_TERMS = 8             # fixed-position terms per bucket: lib/names.c's limit
LAST = "last"             # gperf's str[len - 1]: at most one such term
# A term a bucket does not have gets increment NO_TERM: a byte plus 256
# reads the second half of winerr__byte_class, all class 0, adding 0.
NO_TERM = 256
SPAN = 512                # winerr__byte_class's length: any byte plus any increment
HEAD_BYTES = 8 * HEAD_WORDS  # lib/names.c's key buffer is zero this far past the key
REC_HEAD = 5                 # a record's row value and length, before its key
# The bytes a key may hold: lib/names.c's fold8 keeps them and maps every
# other byte except the lower-case letters outside them.
KEY_BYTES = frozenset(range(0x20, 0x3f)) | frozenset(range(0x41, 0x5b)) | {0x5f}


class SlotError(Exception):
    pass


class Bucket:
    """One gperf output: its hash (terms, association values), its last
    slot, its keys' slots and row values."""

    def __init__(self, path):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        found = [r.search(text) for r in (MAX_HASH, MIN_LEN, MAX_LEN, HASH_FN)]
        if not all(found):
            raise SlotError("%s: no MAX_HASH_VALUE, word lengths or hash function:"
                            " not gperf output?" % path)
        self.max_hash = int(found[0].group(1))
        self.rows = [(int(a), int(b)) for a, b in ROW.findall(text)]
        body = found[3].group(1)
        asso = ASSO.search(body)
        if body.strip() == LENGTH_ONLY:
            self.asso, self.terms = [], []
        elif asso and any(form in body for form in HASH_FORMS):
            self.asso = [int(v) for v in asso.group(1).replace(",", " ").split()]
            self.terms = [(LAST if pos == "len - 1" else int(pos), int(inc or 0))
                          for pos, inc in TERM.findall(body[asso.end():])]
        else:
            raise SlotError("%s: a hash function of a shape gperf_slots.py does not know" % path)
        self.fixed = [(p, i) for p, i in self.terms if p != LAST]
        self.last_inc = [i for p, i in self.terms if p == LAST] or [NO_TERM]
        if (len(self.fixed) > MAX_TERMS or len(self.last_inc) > 1 or
                any(p >= HEAD_BYTES for p, _ in self.fixed) or
                any(i >= NO_TERM for _, i in self.terms)):
            raise SlotError("%s: gperf's hash reads %s: more than %d bytes, the last one"
                            " twice, one past byte %d or an increment past %d"
                            % (path, self.terms, MAX_TERMS, HEAD_BYTES - 1, NO_TERM - 1))

    def indices(self, key):
        """The association-value index each term reads for key, or None
        where the key is too short to have that byte (lib/names.c reads a
        zero of the padding there, whose class adds 0)."""
        out = []
        for pos, inc in self.terms:
            at = len(key) - 1 if pos == LAST else pos
            out.append(key[at] + inc if at < len(key) else None)
        return out

    def slot(self, key):
        """gperf's hash of key, as lib/names.c's bucket_slot computes it."""
        return len(key) + sum(self.asso[i] for i in self.indices(key) if i is not None)


def read_keys(path):
    keys = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            run, hexkey = line.split()
            keys[int(run)] = bytes.fromhex(hexkey)
    return keys


def byte_classes(buckets, keys):
    """{association-value index: class}, over the indices some key reads;
    classes from 1 in index order (0: read by no key)."""
    used = set()
    for b in buckets:
        for _, run in b.rows:
            used.update(i for i in b.indices(keys[run]) if i is not None)
    if len(used) > 255:
        raise SlotError("keys read %d distinct byte values: more than 255 classes" % len(used))
    if used and min(used) <= max(inc for b in buckets for _, inc in b.terms):
        raise SlotError("a key's byte plus an increment reads where a zero byte does")
    return {index: n + 1 for n, index in enumerate(sorted(used))}


def check_slots(buckets, keys):
    """Every key must get, from the hash as lib/names.c reads it, the slot
    gperf gave it."""
    for n, b in enumerate(buckets):
        for slot, run in b.rows:
            key = keys[run]
            got = b.slot(key)
            if not set(key) <= KEY_BYTES:
                raise SlotError("key %s: a byte other than space to '>', 'A' to 'Z' and '_'"
                                % key.decode("utf-8", "replace"))
            if got != slot:
                raise SlotError("bucket %d: key %s: hash %d, gperf's slot %d"
                                % (n, key.decode("utf-8", "replace"), got, slot))


def record(run, key):
    """The row value (4 bytes, little-endian), the key's length (1 byte),
    then the key's bytes, zero-padded to 8 when it is shorter: lib/names.c
    reads its words where it reads the query's (emit.name_words)."""
    if len(key) > 255:
        raise SlotError("key %s: longer than 255 bytes" % key.decode("utf-8", "replace"))
    return run.to_bytes(4, "little") + bytes([len(key)]) + key.ljust(8, b"\0")


def bucket_bytes(bucket, keys):
    """One bucket's slots (2 bytes each: the record's offset from the bucket's
    start, 0 for none) followed by its records, byte-packed."""
    data = bytearray(2 * (bucket.max_hash + 1))
    for slot, run in sorted(bucket.rows):
        off = len(data)
        if off >= 1 << 16:
            raise SlotError("a bucket's block past 64 KB: too many keys in a bucket")
        data[2 * slot:2 * slot + 2] = off.to_bytes(2, "little")
        data += record(run, keys[run])
    return bytes(data)


def write_bytes(f, data):
    for i in range(0, len(data), 16):
        f.write("    " + ", ".join("0x%02x" % b for b in data[i:i + 16]) + ",\n")


def write_slots(path, buckets, keys):
    classes = byte_classes(buckets, keys)
    nterms = max((len(b.fixed) for b in buckets), default=0) or 1
    # lib/names.c reads a record's words where the query's are, whatever the
    # record's own length: up to REC_HEAD + the longer of the longest key and
    # the head words past its start.  Zeros after the last record cover that.
    tail = REC_HEAD + max(max((len(k) for k in keys.values()), default=0), HEAD_BYTES)
    nclass = len(classes) + 1
    parts = [bucket_bytes(b, keys) for b in buckets]
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(banner("/*", "*/", ["names_keys.txt and names_NN.inc (gperf's output),"
                                    " beside this file"], by="generator/gperf_slots.py"))
        f.write("#define WINERR_GEN_HASH_TERMS %du\n" % nterms)
        f.write("#define WINERR_GEN_BYTE_SPAN %du\n" % SPAN)
        f.write("#define WINERR_GEN_BYTE_CLASSES %du\n" % nclass)
        f.write("#define WINERR_GEN_NAME_TAIL %du\n" % tail)
        f.write("#define WINERR_GEN_HEAD_WORDS %du\n" % HEAD_WORDS)
        f.write("#define WINERR_GEN_NO_TERM %du\n\n" % NO_TERM)
        f.write("/* The class of each association-value index (byte value plus\n"
                " * increment) some key reads; 0 for the others. */\n")
        f.write("static const uint8_t winerr__byte_class[%d] = {\n" % SPAN)
        write_bytes(f, bytes(classes.get(i, 0) for i in range(SPAN)))
        f.write("};\n\n")
        f.write("struct winerr_name_bucket {\n"
                "    uint32_t base;      /* of its block in winerr__name_data */\n"
                "    uint16_t slot_max;  /* gperf's MAX_HASH_VALUE */\n"
                "    uint16_t last_inc;  /* the last byte's increment, or NO_TERM */\n"
                "    uint16_t inc[WINERR_GEN_HASH_TERMS]; /* byte pos[i]'s, or NO_TERM */\n"
                "    uint8_t pos[WINERR_GEN_HASH_TERMS];\n"
                "    uint16_t asso[WINERR_GEN_BYTE_CLASSES]; /* by byte class */\n"
                "};\n\n")
        f.write("static const struct winerr_name_bucket winerr__name_buckets[%d] = {\n"
                % len(buckets))
        base = 0
        for b, part in zip(buckets, parts):
            terms = b.fixed + [(0, NO_TERM)] * (nterms - len(b.fixed))
            asso = [0] * nclass
            for index, cls in classes.items():
                if index < len(b.asso):
                    asso[cls] = b.asso[index]
            if base >= 1 << 32 or b.max_hash >= 1 << 16 or max(asso) >= 1 << 16:
                raise SlotError("a bucket too large for struct winerr_name_bucket")
            f.write("    {%du, %du, %du, {%s}, {%s},\n     {%s}},\n" % (
                base, b.max_hash, b.last_inc[0],
                ", ".join("%du" % i for _, i in terms),
                ", ".join("%du" % p for p, _ in terms),
                ", ".join("%du" % v for v in asso)))
            base += len(part)
        data = b"".join(parts) + b"\0" * tail
        f.write("};\n\n_Alignas(8) static const unsigned char winerr__name_data[%d] = {\n"
                % len(data))
        write_bytes(f, data)
        f.write("};\n")


def main(argv):
    if len(argv) != 2:
        print("usage: python3 -m generator.gperf_slots OUT_DIR", file=sys.stderr)
        return 2
    out_dir = argv[1]
    try:
        keys = read_keys(os.path.join(out_dir, "names_keys.txt"))
        names = sorted(n for n in os.listdir(out_dir) if re.fullmatch(r"names_\d+\.inc", n))
        buckets = [Bucket(os.path.join(out_dir, n)) for n in
                   sorted(names, key=lambda n: int(n[6:-4]))]
        found = sum(len(b.rows) for b in buckets)
        if found != len(keys):
            raise SlotError("gperf output holds %d keys, names_keys.txt %d" % (found, len(keys)))
        check_slots(buckets, keys)
        tmp = os.path.join(out_dir, "names_slots.inc.tmp")
        write_slots(tmp, buckets, keys)
        os.replace(tmp, os.path.join(out_dir, "names_slots.inc"))
    except (OSError, ValueError, KeyError, SlotError) as e:
        print("gperf_slots: %s" % e, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
