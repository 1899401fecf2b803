"""rustsrc: winapi-rs sources -> constants filed under SDK header names."""

import os
import shutil
import tempfile
import unittest

from generator import cexpr, rustsrc
from generator.tests.guard import HangGuarded

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
        self.assertIn("MAKE_HRESULT", self.rs.table)
        self.assertIn("FIXTURE_ERR", self.rs.table)
        self.assertNotIn("DECLARE_HANDLE", self.rs.table)


class TestHostile(HangGuarded):
    def setUp(self):
        super().setUp()
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

    def read(self, data):
        """read_dir of one file (the class's hang guard covers it)."""
        with open(os.path.join(self.dir, "h.rs"), "wb") as f:
            f.write(data)
        rs = rustsrc.read_dir(self.dir)
        return rs

    def errors(self, rs):
        out = {}
        for c in rs.constants:
            try:
                rs.evaluate(c)
            except cexpr.EvalError as e:
                out[c.name] = str(e)
        return out

    def test_truncated_file(self):
        rs = self.read(b"pub const A: DWORD = 1;\npub const B: DWORD = (0x8000")
        self.assertEqual([c.name for c in rs.constants], ["A"])
        self.assertEqual(rs.diagnostics, ["h.rs:2: const B: no ';' before the end "
                                          "of the file"])

    def test_consts_without_semicolons_or_values(self):
        """A file of consts that never end (or never get '=') is read in one
        pass, not once per const: 1 MB of each within the limit."""
        rs = self.read(b"".join(b"pub const A%d: DWORD = %d\n" % (i, i)
                                for i in range(40000)))
        self.assertEqual(rs.constants, [])
        self.assertEqual(rs.diagnostics, ["h.rs:1: const A0: no ';' before the "
                                          "end of the file"])
        rs = self.read(b"".join(b"pub const A%d: DWORD\n" % i for i in range(50000))
                       + b"pub const B:" + b" " * 300 + b"\n" * 1000 + b"= 1;\n")
        self.assertEqual([c.name for c in rs.constants], [])

    def test_unclosed_macros(self):
        rs = self.read(b"".join(b"macro_rules! M%d { ($x:expr) => { ($x + 1\n" % i
                                for i in range(25000))
                       + b"pub const OK: DWORD = 3;\n")
        self.assertEqual([c.name for c in rs.constants], ["OK"])
        self.assertEqual(rs.evaluate(rs.constants[0]), 3)

    def test_unbalanced_parentheses(self):
        rs = self.read(b"pub const A: DWORD = ((1;\npub const B: DWORD = 1));\n")
        self.assertEqual(self.errors(rs), {"A": "expected ')', found end of expression",
                                           "B": "unexpected ')'"})

    def test_recursive_macros_and_consts(self):
        rs = self.read(b"macro_rules! R { ($x:expr) => { R!($x) } }\n"
                       b"pub const A: DWORD = B;\npub const B: DWORD = A;\n"
                       b"pub const C: DWORD = R!(1);\n")
        self.assertEqual(self.errors(rs), {"A": "'A' is not defined",
                                           "B": "'B' is not defined",
                                           "C": "'R' is not defined"})

    def test_macro_bomb(self):
        rs = self.read(b"macro_rules! D { ($x:expr) => { $x + $x } }\n"
                       b"pub const X: DWORD = " + b"D!(" * 40 + b"1" + b")" * 40 + b";\n")
        with self.assertRaisesRegex(cexpr.EvalError, "exceeds|nested"):
            rs.evaluate(rs.constants[0])

    def test_non_utf8_bytes(self):
        rs = self.read(b"pub const A: DWORD = 0x8000\xff01;\n/* \xfe */\n"
                       b"pub const B: DWORD = 2;\n")
        self.assertEqual(self.errors(rs), {"A": "not an integer literal: 0x8000\xff01"})
        self.assertEqual(rs.evaluate(rs.constants[1]), 2)

    def test_ten_megabyte_line(self):
        rs = self.read(b"pub const A: DWORD = " + b"1+" * (5 << 20) + b"1;\n"
                       b"pub const B: DWORD = 2;\n")
        self.assertEqual([c.name for c in rs.constants], ["B"])
        self.assertEqual(rs.diagnostics, ["h.rs:1: const A: expression of %d bytes "
                                          "is too long" % ((10 << 20) + 1)])


if __name__ == "__main__":
    unittest.main()
