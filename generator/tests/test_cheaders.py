"""cheaders: a directory of C headers -> constants, tables, diagnostics."""

import os
import shutil
import tempfile
import unittest

from generator import cexpr, cheaders

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")
MINGW = os.path.join(FIXTURES, "gen_mingw")


class TestReadDir(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.hs = cheaders.read_dir(MINGW)

    def value(self, name, fname=None):
        for m in self.hs.constants:
            if m.name == name and (fname is None or m.file == fname):
                return self.hs.evaluate(m)
        raise KeyError(name)

    def test_every_header_below_the_directory(self):
        self.assertIn("winerror.h", self.hs.files)
        self.assertIn(os.path.join("psdk_inc", "_wsa_errnos.h"),
                      self.hs.files)
        self.assertEqual(self.hs.files, sorted(self.hs.files))

    def test_table_is_the_file_name(self):
        self.assertEqual(cheaders.table_name("psdk_inc/_wsa_errnos.h"),
                         "_wsa_errnos.h")
        self.assertEqual(cheaders.table_name("winerror.h"), "winerror.h")

    def test_values(self):
        self.assertEqual(self.value("ERROR_BAD_EXE_FORMAT", "winerror.h"),
                         0xC1)
        self.assertEqual(self.value("NERR_NetNotStarted"), 0x836)
        self.assertEqual(self.value("DDERR_SURFACELOST"), 0x887601C2)
        self.assertEqual(self.value("E_NOT_VALID_STATE"), 0x8007139F)
        self.assertEqual(self.value("WSAECONNREFUSED", os.path.join(
            "psdk_inc", "_wsa_errnos.h")), 0x274D)
        self.assertEqual(self.value("MQ_ERROR_PROPERTY"), 0xC00E0002)

    def test_origin_and_doc(self):
        mac = next(m for m in self.hs.constants
                   if m.name == "IRQL_NOT_LESS_OR_EQUAL")
        self.assertEqual(mac.origin, "bugcodes.h:19")
        self.assertIn("Approximate msg: Fixture: a driver touched memory at "
                      "a raised IRQL", mac.doc)

    def test_function_like_macros_are_not_constants(self):
        names = {m.name for m in self.hs.constants}
        self.assertNotIn("MAKE_HRESULT", names)
        self.assertNotIn("MAKE_DDHRESULT", names)

    def test_unevaluable_constant(self):
        mac = next(m for m in self.hs.constants
                   if m.name == "BROKEN_E_UNBALANCED")
        with self.assertRaisesRegex(cexpr.EvalError, "unterminated argument"):
            self.hs.evaluate(mac)


class TestHostileDirectory(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="winerr-cheaders-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, data):
        with open(os.path.join(self.dir, name), "wb") as f:
            f.write(data)

    def test_bad_files_become_diagnostics(self):
        self.write("good.h", b"#define GOOD_E_ONE 0x80000001\n")
        self.write("latin1.h", b"/* caf\xe9 */\n#define L_E_ONE 1\n")
        self.write("open.h", b"#define A 1\n/* no end\n#define B 2\n")
        self.write("NOTE.TXT", b"#define NOT_A_HEADER 1\n")
        os.symlink("missing-target.h", os.path.join(self.dir, "dangling.h"))
        hs = cheaders.read_dir(self.dir)
        names = sorted(m.name for m in hs.constants)
        self.assertEqual(names, ["A", "B", "GOOD_E_ONE", "L_E_ONE"])
        self.assertEqual(len(hs.diagnostics), 2)
        self.assertTrue(hs.diagnostics[0].startswith("dangling.h:0: cannot "
                                                     "read: "))
        self.assertEqual(hs.diagnostics[1], "open.h:2: unterminated /* "
                         "comment; ended at the end of its line")


if __name__ == "__main__":
    unittest.main()
