"""gperf_slots.py: every key lands in the slot gperf gave it, with its row."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

from generator import emit, gperf_slots

GPERF_FLAGS = ["-L", "ANSI-C", "-t", "-T", "-P", "-C", "-E"]


@unittest.skipUnless(shutil.which("gperf"), "skipped: gperf not installed")
class GperfSlotsTest(unittest.TestCase):
    def build(self, names):
        out = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, out)
        groups = [[n, i, 1] for i, n in enumerate(sorted(names))]
        by_name = list(range(100, 100 + len(groups)))  # entry indices, not positions
        emit.write_names(out, groups, by_name, ["test"])
        for f in sorted(os.listdir(out)):
            if f.endswith(".gperf"):
                with open(os.path.join(out, f[:-6] + ".inc"), "w") as inc:
                    subprocess.run(["gperf"] + GPERF_FLAGS + [f], cwd=out, stdout=inc, check=True)
        self.assertEqual(gperf_slots.main(["gperf_slots.py", out]), 0)
        with open(os.path.join(out, "names_slots.inc")) as f:
            return out, f.read()

    @staticmethod
    def array(text, name):
        """The numbers of one C array initializer of names_slots.inc."""
        body = text.split(name + "[", 1)[1].split("= {", 1)[1].split("\n};", 1)[0]
        return [int(v, 0) for v in re.findall(r"0x[0-9a-f]+|\d+", body)]

    def lookup(self, text, key):
        """lib/names.c's lookup, on the data of names_slots.inc: the row value
        of key (upper-cased bytes), or None."""
        terms = int(re.search(r"WINERR_GEN_HASH_TERMS (\d+)u", text).group(1))
        classes = int(re.search(r"WINERR_GEN_BYTE_CLASSES (\d+)u", text).group(1))
        byte_class = self.array(text, "winerr__byte_class")
        data = bytes(self.array(text, "winerr__name_data"))
        flat = self.array(text, "winerr__name_buckets")
        width = 3 + 2 * terms + classes
        buckets = [flat[i:i + width] for i in range(0, len(flat), width)]
        d = buckets[emit.name_bucket(key, len(buckets))]
        base, slot_max, last_inc = d[:3]
        incs, pos, asso = d[3:3 + terms], d[3 + terms:3 + 2 * terms], d[3 + 2 * terms:]
        padded = key + b"\0" * 64

        def value(at, inc):
            return asso[byte_class[padded[at] + inc]]

        slot = len(key) + value(len(key) - 1, last_inc) + sum(map(value, pos, incs))
        if slot > slot_max:
            return None
        off = int.from_bytes(data[base + 2 * slot:base + 2 * slot + 2], "little")
        if not off:
            return None
        rec = base + off
        if data[rec + 4] != len(key):
            return None
        rkey = data[rec + 5:rec + 5 + max(len(key), 8)]
        if emit.name_words(rkey[:len(key)], 5) != emit.name_words(key, 5) or rkey[:len(key)] != key:
            return None
        return int.from_bytes(data[rec:rec + 4], "little")

    def test_every_key_found_with_its_row(self):
        names = ["ERROR_FILE_NOT_FOUND", "E_FAIL", "STATUS_ACCESS_VIOLATION", "S_OK", "A",
                 "E_ABC", "NS_E_WMP_CANNOT_FIND_FOLDER", "X" * 41, "X" * 40 + "Y",
                 "ERROR_THIS_NAME_IS_LONGER_THAN_FORTY_BYTES_BY_FAR"] + \
                ["CODE_%d" % i for i in range(250)]
        _, text = self.build(names)
        for i, n in enumerate(sorted(names)):
            self.assertEqual(self.lookup(text, n.encode()), 100 + i | (1 << emit.NAME_FIRST_BITS), n)
        for miss in ["E_FAI", "E_FAILS", "X" * 42, "X" * 40 + "Z", "CODE_250", "S_OJ"]:
            self.assertIsNone(self.lookup(text, miss.encode()), miss)

    def test_a_key_with_a_byte_fold8_cannot_keep_is_an_error(self):
        out = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, out)
        for name in ["WHAT?", "AT@HOME"]:
            emit.write_names(out, [[name, 0, 1]], [7], ["test"])
            for f in sorted(os.listdir(out)):
                if f.endswith(".gperf"):
                    with open(os.path.join(out, f[:-6] + ".inc"), "w") as inc:
                        subprocess.run(["gperf"] + GPERF_FLAGS + [f], cwd=out, stdout=inc,
                                       check=True)
            self.assertEqual(gperf_slots.main(["gperf_slots.py", out]), 2, name)

    def test_same_input_same_bytes(self):
        names = ["A_%d" % i for i in range(300)]
        _, first = self.build(names)
        _, second = self.build(names)
        self.assertEqual(first, second)

    def test_missing_gperf_output_is_an_error(self):
        out = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, out)
        emit.write_names(out, [["E_FAIL", 0, 1]], [7], ["test"])
        with open(os.path.join(out, "names_00.inc"), "w") as f:
            f.write("not gperf output\n")
        self.assertEqual(gperf_slots.main(["gperf_slots.py", out]), 2)


if __name__ == "__main__":
    unittest.main()
