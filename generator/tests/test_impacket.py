"""impacket reader: the fixture tables, malformed files, the installed package."""

import os
import tempfile
import unittest

from generator import impacket
from generator.model import GenError
from generator.tests.guard import HangGuarded

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")
INSTALLED = "/usr/lib/python3/dist-packages/impacket"


def fixture(*parts):
    return os.path.join(FIXTURES, *parts)


def by_name(records):
    return {r.name: r for r in records}


class TestFixture(unittest.TestCase):
    def setUp(self):
        self.tables = impacket.read(fixture("impacket_ok"))

    def test_three_tables(self):
        self.assertEqual(sorted(self.tables), ["hresult", "ntstatus", "win32"])
        counts = {k: len(v) for k, v in self.tables.items()}
        self.assertEqual(counts, {"win32": 5, "ntstatus": 3, "hresult": 1})

    def test_record_fields(self):
        path = fixture("impacket_ok", "system_errors.py")
        r = by_name(self.tables["win32"])["ERROR_FIXTURE_SEVEN"]
        self.assertEqual(r.value, 7)
        self.assertEqual(r.text, "Seven is a fixture number, with a comma.")
        self.assertIsNone(r.table)
        self.assertEqual(r.origin, f"{path}:6")

    def test_insert_kept_as_is(self):
        r = by_name(self.tables["win32"])["ERROR_FIXTURE_INSERT"]
        self.assertEqual((r.value, r.text), (0xC1, "%1 is a fixture insert."))

    def test_empty_and_name_only_texts_are_none(self):
        win32 = by_name(self.tables["win32"])
        self.assertIsNone(win32["ERROR_FIXTURE_EMPTY"].text)
        self.assertIsNone(win32["ERROR_FIXTURE_ECHO"].text)

    def test_duplicate_keys_both_kept_in_order(self):
        nt = self.tables["ntstatus"]
        self.assertEqual([(r.name, r.value) for r in nt[:2]],
                         [("STATUS_FIXTURE_FIRST", 0x80),
                          ("STATUS_FIXTURE_SECOND", 0x80)])

    def test_blanks_stripped_high_value(self):
        r = by_name(self.tables["ntstatus"])["STATUS_FIXTURE_HIGH"]
        self.assertEqual(r.value, 0xC0000005)
        self.assertEqual(r.text, "A fixture status with blanks around it.")

    def test_hresult(self):
        r = self.tables["hresult"][0]
        self.assertEqual((r.name, r.value, r.text),
                         ("E_FIXTURE_FAIL", 0x80004005, "A fixture failure."))


class TestErrors(unittest.TestCase):
    def check(self, path, message):
        with self.assertRaises(GenError) as cm:
            impacket.read_file(path)
        self.assertEqual(str(cm.exception), message)

    def test_missing_file_names_the_package(self):
        directory = fixture("impacket_partial")
        path = os.path.join(directory, "nt_errors.py")
        with self.assertRaises(GenError) as cm:
            impacket.read(directory)
        self.assertEqual(str(cm.exception),
                         f"{path}: not found; install the Debian package "
                         "python3-impacket (or set IMPACKET_DIR)")

    def test_key_too_wide(self):
        path = fixture("impacket_bad_key.py")
        self.check(path, f"{path}:3: key is not a 32-bit number")

    def test_value_not_a_pair(self):
        path = fixture("impacket_bad_value.py")
        self.check(path, f"{path}:3: value is not a (\"NAME\", \"text\") pair")

    def test_no_table(self):
        path = fixture("impacket_no_table.py")
        self.check(path, f"{path}: no ERROR_MESSAGES dict; is this "
                   "python3-impacket's error table?")

    def test_syntax_error(self):
        path = fixture("impacket_syntax.py")
        with self.assertRaises(GenError) as cm:
            impacket.read_file(path)
        self.assertRegex(str(cm.exception),
                         "^" + path.replace("\\", "\\\\") + r":\d+: not valid Python: ")

    def test_never_executes(self):
        # A file whose execution would fail still reads as data.
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "system_errors.py")
            with open(path, "w") as f:
                f.write('raise SystemExit("executed")\n'
                        'ERROR_MESSAGES = {0x1: ("ERROR_X", "Text.")}\n')
            records = impacket.read_file(path)
        self.assertEqual([(r.name, r.value, r.text) for r in records],
                         [("ERROR_X", 1, "Text.")])


class TestHostile(HangGuarded):
    """Each malformed table ends in a clear GenError naming the file, without
    hanging; nothing escapes as a traceback."""

    def read(self, data):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "system_errors.py")
            with open(path, "wb") as f:
                f.write(data)
            return path, impacket.read_file(path)

    def fails(self, data, pattern):
        with self.assertRaises(GenError) as cm:
            self.read(data)
        self.assertRegex(str(cm.exception), r"/system_errors\.py(:\d+)?: " + pattern)

    def test_truncated(self):
        self.fails(b"ERROR_MESSAGES = {0x1: ('ERROR_A', 'b", "not valid Python: ")
        self.fails(b"ERROR_MESSAGES = {0x1: ('ERROR_A', 'b'),\n", "not valid Python: ")

    def test_unbalanced_parentheses(self):
        self.fails(b"ERROR_MESSAGES = {0x1: ('ERROR_A', 'b'))}\n", "not valid Python: ")
        self.fails(b"ERROR_MESSAGES = {0x1: " + b"(" * 1000 + b"'x'" + b")" * 1000 + b"}\n",
                   "not valid Python: too many nested parentheses")

    def test_nested_too_deeply_for_the_parser(self):
        # CPython's parser runs out of stack or memory rather than say so
        deep = "(nested too deeply to be read as Python|not valid Python: )"
        self.fails(b"ERROR_MESSAGES = {" + b"-" * 200000 + b"1: ('A', 'b')}\n", deep)
        self.fails(b"ERROR_MESSAGES = {" + b"1+" * 500000 + b"1: ('A', 'b')}\n", deep)

    def test_non_utf8_bytes(self):
        self.fails(b"ERROR_MESSAGES = {0x1: ('ERROR_A', '\xff\xfe')}\n",
                   "not valid Python: .*utf-8")

    def test_ten_megabyte_line(self):
        _, records = self.read(b"ERROR_MESSAGES = {0x1: ('ERROR_A', '" + b"x" * (10 << 20)
                               + b"'), 0x2: ('ERROR_B', 'Text.')}\n")
        self.assertEqual([(r.name, len(r.text)) for r in records],
                         [("ERROR_A", 10 << 20), ("ERROR_B", 5)])


@unittest.skipUnless(os.path.isdir(INSTALLED),
                     "skipped: python3-impacket not installed")
class TestInstalled(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tables = impacket.read(INSTALLED)

    def test_counts(self):
        # Measured on Debian 12's python3-impacket 0.10: 2,751 / 1,793 / 2,927.
        self.assertGreaterEqual(len(self.tables["win32"]), 2700)
        self.assertGreaterEqual(len(self.tables["ntstatus"]), 1750)
        self.assertGreaterEqual(len(self.tables["hresult"]), 2900)

    def test_bad_exe_format(self):
        r = by_name(self.tables["win32"])["ERROR_BAD_EXE_FORMAT"]
        self.assertEqual(r.value, 193)
        self.assertEqual(r.text, "%1 is not a valid Win32 application.")

    def test_access_violation(self):
        r = by_name(self.tables["ntstatus"])["STATUS_ACCESS_VIOLATION"]
        self.assertEqual(r.value, 0xC0000005)
        self.assertTrue(r.text)

    def test_every_value_is_32_bit(self):
        for records in self.tables.values():
            for r in records:
                self.assertTrue(0 <= r.value <= 0xFFFFFFFF, r)


if __name__ == "__main__":
    unittest.main()
