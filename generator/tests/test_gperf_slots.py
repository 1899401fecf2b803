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

    def test_records_hold_key_and_row(self):
        names = ["ERROR_FILE_NOT_FOUND", "E_FAIL", "STATUS_ACCESS_VIOLATION", "S_OK"]
        _, text = self.build(names)
        data = bytes(int(b, 16) for b in re.findall(r"0x([0-9a-f]{2})",
                                                     text.split("winerr__name_data")[1]))
        bases = [int(v) for v in re.findall(r"(\d+)u", text.split("winerr__slot_base")[1]
                                           .split("winerr__slot_max")[0].split("=", 1)[1])]
        maxes = [int(v) for v in re.findall(r"(\d+)u", text.split("winerr__slot_max")[1]
                                           .split("winerr__name_data")[0].split("=", 1)[1])]
        found = {}
        for base, top in zip(bases, maxes):
            for slot in range(top + 1):
                off = int.from_bytes(data[base + 4 * slot:base + 4 * slot + 4], "little")
                if off:
                    rec = base + off
                    key = data[rec + 4:data.index(b"\0", rec + 4)].decode()
                    found[key] = int.from_bytes(data[rec:rec + 4], "little")
        expect = {n: 100 + i | (1 << emit.NAME_FIRST_BITS) for i, n in enumerate(sorted(names))}
        self.assertEqual(found, expect)

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
