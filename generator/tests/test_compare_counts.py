"""generator/tools/compare_counts: rows per table against err.exe's, on
all entries and on the SDK's own."""

import io
import os
import shutil
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

from generator.tools import compare_counts as cc

# A report in the generator's layout (sections, the per-table header line,
# "kinds | entries from | texts from"), with made-up tables and counts.
REPORT = """== Summary
entries: 467
== Entries and texts per table
table                            entries   texts  kinds | entries from | texts from
alpha.h                              100      90  hresult=100 | winsdk=100 | winsdk-text=90
beta.h                               110      10  hresult=110 | mingw-w64=12 winsdk=98 | winsdk-text=10
Gamma.h                               50       0  win32=50 | winsdk=50 | -
delta.h                                7       0  other=7 | mingw-w64=7 | -
epsilon.h                            200     200  hresult=200 | impacket=3 winsdk=197 | winsdk-text=200
== Sources
winsdk: 5 constants read
"""
TSV = ("source\trows\trows_with_text\n"
       "alpha.h\t100\t90\n"      # equal in both columns
       "beta.h\t100\t10\n"       # ours +10%, the SDK's -2%: within 2%
       "gamma.h\t50\t0\n"        # spelled otherwise
       "delta.h\t7\t0\n"         # only mingw-w64: the SDK's -100%
       "epsilon.h\t200\t0\n"     # the SDK's 197: -1.5%, within 2%
       "zeta.h\t40\t0\n")        # missing


class Tmp(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="winerr-cc-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def file(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def run_main(self, *args):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = cc.main(list(args))
        return status, out.getvalue(), err.getvalue()


class TestRead(Tmp):
    def test_report_rows_and_sources(self):
        rows = cc.read_report(self.file("r.txt", REPORT))
        self.assertEqual(sorted(rows), ["Gamma.h", "alpha.h", "beta.h",
                                        "delta.h", "epsilon.h"])
        beta = rows["beta.h"]
        self.assertEqual((beta.entries, beta.texts, beta.sdk), (110, 10, 98))
        self.assertEqual(beta.sources, {"mingw-w64": 12, "winsdk": 98})
        self.assertEqual(rows["delta.h"].sdk, 0)

    def test_malformed_inputs(self):
        bad_source = REPORT.replace("winsdk=100 |", "winsdk100 |")
        for text in ("no section here\n", bad_source,
                     REPORT.replace("alpha.h                              100",
                                    "alpha.h                              x")):
            path = self.file("bad.txt", text)
            status, out, err = self.run_main(path, self.file("t.tsv", TSV))
            self.assertEqual((status, out), (2, ""), text[:40])
            self.assertTrue(err.startswith("compare_counts: "))
            self.assertEqual(err.count("\n"), 1)
        status, _, err = self.run_main(self.file("r.txt", REPORT),
                                       self.file("t.tsv", "a\tb\n"))
        self.assertEqual(status, 2)
        self.assertIn("expected the columns", err)
        status, _, _ = self.run_main(os.path.join(self.tmp, "absent.txt"))
        self.assertEqual(status, 2)


class TestCompare(Tmp):
    def lines(self, report=REPORT, *extra):
        status, out, _ = self.run_main(self.file("r.txt", report),
                                       self.file("t.tsv", TSV), *extra)
        self.assertEqual(status, 0)
        return {l.split()[0]: l for l in out.splitlines()[1:-2]}, \
            out.splitlines()

    def test_both_columns_judged(self):
        by, lines = self.lines()
        self.assertNotIn("alpha.h", by)
        self.assertNotIn("epsilon.h", by)
        # ours +10%; the SDK's own 98 of 100 is within 2%
        self.assertEqual(by["beta.h"].split()[1:6],
                         ["100", "110", "+10", "98", "-2"])
        self.assertTrue(by["beta.h"].endswith("+10.0%"))
        # every entry from mingw-w64: ours equal, the SDK's -100%
        self.assertTrue(by["delta.h"].endswith("sdk -100.0%"))
        self.assertIn("spelled Gamma.h", by["gamma.h"])
        self.assertIn("missing", by["zeta.h"])
        self.assertEqual(lines[-2], "tables differing: 3 of 6; on the "
                         "SDK's own entries: 3")
        # err.exe: 100+100+50+7+200+40; ours: 100+100+50+7+200+0 (beta.h
        # counts 100 of its 110); the SDK's: 100+98+50+0+197+0
        self.assertEqual(lines[-1], "err.exe rows: 497; ours of them (per "
                         "table, at most err.exe's count): 457 = 91.95%; "
                         "the SDK's own: 445 = 89.54%")

    def test_tolerance_and_all(self):
        by, _ = self.lines(REPORT, "--tolerance", "1")
        self.assertTrue(by["epsilon.h"].endswith("sdk -1.5%"))
        self.assertTrue(by["beta.h"].endswith("+10.0% sdk -2.0%"))
        by, _ = self.lines(REPORT, "--all")
        self.assertTrue(by["alpha.h"].rstrip().endswith("90"))

    def test_report_without_sdk_entries(self):
        no_sdk = REPORT.replace("winsdk=", "mingw-w64=")
        by, lines = self.lines(no_sdk)
        self.assertEqual(by["beta.h"].split()[4:6], ["-", "-"])
        self.assertNotIn("delta.h", by)
        self.assertEqual(lines[-2], "tables differing: 3 of 6 (no winsdk "
                         "entries in the report)")


if __name__ == "__main__":
    unittest.main()
