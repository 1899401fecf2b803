"""rustsrc: winapi-rs sources -> constants filed under SDK header names."""

import os
import shutil
import tempfile
import unittest

from generator import cexpr, rustsrc

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")
WINAPI = os.path.join(FIXTURES, "gen_winapi")


class TestReadDir(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rs = rustsrc.read_dir(WINAPI)

    def const(self, name, fname=None):
        return next(m for m in self.rs.constants if m.name == name
                    and (fname is None or m.file == fname))

    def test_table_names(self):
        self.assertEqual(rustsrc.table_name("shared/winerror.rs"),
                         "winerror.h")
        self.assertEqual(rustsrc.table_name("um/d3d9.rs"), "d3d9.h")

    def test_files_sorted_with_forward_slashes(self):
        self.assertEqual(self.rs.files, sorted(self.rs.files))
        self.assertIn("shared/winerror.rs", self.rs.files)

    def test_values_and_types(self):
        cases = {"ERROR_BAD_EXE_FORMAT": 0xC1, "E_FAIL": 0x80004005,
                 "FIXTURE_E_MACRO": 0x87F00002,
                 "FIXTURE_E_MULTILINE": 0x87F00003,
                 "ERROR_INTERNET_NAME_NOT_RESOLVED": 0x2EE7}
        for name, want in cases.items():
            self.assertEqual(self.rs.evaluate(self.const(name)), want, name)
        self.assertEqual(self.const("E_FAIL").ctype, "HRESULT")
        self.assertEqual(self.const("WSAECONNREFUSED", "um/winsock2.rs").ctype,
                         "c_int")

    def test_origin(self):
        self.assertEqual(self.const("E_FAIL").origin,
                         "shared/winerror.rs:11")
        self.assertEqual(self.const("FIXTURE_E_MULTILINE").origin,
                         "shared/winerror.rs:14")

    def test_string_const_does_not_evaluate(self):
        mac = self.const("FIXTURE_PATH")
        self.assertEqual(mac.ctype, "&'static str")
        with self.assertRaises(cexpr.EvalError):
            self.rs.evaluate(mac)

    def test_only_expr_macros_are_read(self):
        self.assertIn("MAKE_HRESULT", self.rs.table.by_name)
        self.assertIn("FIXTURE_ERR", self.rs.table.by_name)
        self.assertNotIn("DECLARE_HANDLE", self.rs.table.by_name)


class TestHostile(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="winerr-rustsrc-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_malformed_source(self):
        with open(os.path.join(self.dir, "bad.rs"), "wb") as f:
            f.write(b"pub const A: DWORD = (1 + ;\n"
                    b"/* unterminated \xff\n"
                    b"pub const B: DWORD = 2;\n"
                    b"macro_rules! M { ($x:expr) => { ($x\n"
                    b"pub const C: DWORD = M!(3);\n")
        rs = rustsrc.read_dir(self.dir)
        self.assertEqual(rs.diagnostics, ["bad.rs:2: unterminated /* comment;"
                                          " ended at the end of its line"])
        names = [m.name for m in rs.constants]
        self.assertEqual(names, ["A", "B", "C"])
        with self.assertRaises(cexpr.EvalError):
            rs.evaluate(rs.constants[0])
        self.assertEqual(rs.evaluate(rs.constants[1]), 2)
        with self.assertRaises(cexpr.EvalError):
            rs.evaluate(rs.constants[2])


if __name__ == "__main__":
    unittest.main()
