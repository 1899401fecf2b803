"""The one line the generator (and make) print for a source that is not
what its variable should name: missing, empty, a directory where a file
belongs, a file where a directory belongs.

The generator checks its sources before reading any of them, so each case
ends at once.  The last test runs make itself: a missing optional file must
reach the generator, not stop make with "No rule to make target".
"""

import contextlib
import io
import os
import subprocess
import tempfile
import unittest

from generator import winerr_gen

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MINGW = os.environ.get("MINGW_INCLUDE") or "/usr/share/mingw-w64/include"
WINAPI = (os.environ.get("WINAPI_SRC")
          or "/usr/share/cargo/registry/winapi-0.3.9/src")
IMPACKET = (os.environ.get("IMPACKET_DIR")
            or "/usr/lib/python3/dist-packages/impacket")


def run_gen(out, *extra, mingw=MINGW):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = winerr_gen.main(["--mingw-include", mingw, "--winapi-src", WINAPI,
                              "--impacket-dir", IMPACKET, "--out", out] + list(extra))
    return rc, err.getvalue().splitlines()


class SourceMessages(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.out = os.path.join(self.tmp.name, "gen")

    def tearDown(self):
        self.tmp.cleanup()

    def test_empty_optional_file(self):
        for opt in ("--sql-messages", "--err-csv"):
            rc, lines = run_gen(self.out, opt, os.devnull)
            self.assertEqual((rc, lines), (2, ["%s: empty file" % os.devnull]), opt)

    def test_directory_as_optional_file(self):
        for opt in ("--sql-messages", "--err-csv"):
            rc, lines = run_gen(self.out, opt, self.tmp.name)
            self.assertEqual((rc, lines), (2, ["%s: is a directory, not a file" % self.tmp.name]),
                             opt)

    def test_missing_optional_file(self):
        path = os.path.join(self.tmp.name, "no-such.csv")
        rc, lines = run_gen(self.out, "--sql-messages", path)
        self.assertEqual((rc, lines), (2, ["%s: not found" % path]))

    def test_file_as_required_directory(self):
        rc, lines = run_gen(self.out, mingw="/etc/passwd")
        self.assertEqual(rc, 2)
        self.assertEqual(lines, ["winerr-gen: /etc/passwd is not a directory: set MINGW_INCLUDE "
                                 "to the headers of mingw-w64-common"])

    def test_make_passes_a_missing_file_to_the_generator(self):
        if not os.path.isfile(os.path.join(MINGW, "winerror.h")):
            self.skipTest("mingw-w64 headers are not installed")
        path = os.path.join(self.tmp.name, "no-such.csv")
        build = os.path.join(self.tmp.name, "build")
        p = subprocess.run(["make", "-s", "-C", ROOT, "BUILD=" + build, "SQL_MESSAGES=" + path,
                            "MINGW_INCLUDE=" + MINGW, "WINAPI_SRC=" + WINAPI,
                            "IMPACKET_DIR=" + IMPACKET, build + "/gen/stamp"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600,
                           env={k: v for k, v in os.environ.items()
                                if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")})
        lines = p.stderr.decode().splitlines()
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("%s: not found" % path, lines)
        self.assertFalse(any("No rule to make target" in l for l in lines), lines)


if __name__ == "__main__":
    unittest.main()
