"""err.exe /:outputtoCSV reader on fixture dumps."""

import os
import unittest

from generator import errcsv
from generator.model import GenError

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def fixture(name):
    return os.path.join(FIXTURES, name)


class TestRead(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.path = fixture("errcsv_ok.csv")
        cls.records = errcsv.read(cls.path)
        cls.by_name = {r.name: r for r in cls.records}

    def test_rows(self):
        self.assertEqual(
            [(r.name, r.value, r.table) for r in self.records], [
                ("FIX_ERROR_INSERT", 0xC1, "winerror.h"),
                ("FIX_STATUS_ZERO", 0, "ntstatus.h"),
                ("FIX_E_UPPER", 0x807A0001, "fixerr.h"),
                ("FIX_REFS", 0x7A, "legacyFixture.h"),
                ("FIX_ALL_ONES", 0xFFFFFFFF, "fixerr.h"),
                ("FIX_LOOSE", 0x2A, "fixerr.h"),
                ("SQL_193_severity_15", 0xC1, "sql_err"),
            ])

    def test_origin(self):
        self.assertEqual(self.by_name["FIX_E_UPPER"].origin,
                         f"{self.path}:4")

    def test_comma_reference(self):
        self.assertEqual(self.by_name["FIX_ERROR_INSERT"].text,
                         "%1 is a fixture, with a comma.")

    def test_not_available_and_empty_are_none(self):
        self.assertIsNone(self.by_name["FIX_STATUS_ZERO"].text)
        self.assertIsNone(self.by_name["FIX_ALL_ONES"].text)

    def test_newline_and_apostrophe(self):
        self.assertEqual(self.by_name["FIX_E_UPPER"].text,
                         "Line one.\nIt's line two.")

    def test_every_reference_form(self):
        # &#13;&#10; at the end: a CRLF, dropped with the trailing blanks
        self.assertEqual(self.by_name["FIX_REFS"].text,
                         '& <tag> "q" AB \u00e9')

    def test_unknown_ampersand_raw_comma_and_quote_kept(self):
        self.assertEqual(self.by_name["FIX_LOOSE"].text,
                         'Bare & stays, a raw, comma "too".')

    def test_utf16(self):
        r = errcsv.read(fixture("errcsv_utf16.csv"))
        self.assertEqual([(x.name, x.value, x.text, x.table) for x in r], [
            ("FIX_WIDE", 0xC1, "A fixture text in UTF-16 \u00e9.",
             "winerror.h")])


class TestErrors(unittest.TestCase):
    def check(self, name, message):
        path = fixture(name)
        with self.assertRaises(GenError) as cm:
            errcsv.read(path)
        self.assertEqual(str(cm.exception), f"{path}{message}")

    def test_bad_header(self):
        self.check("errcsv_bad_header.csv", ":1: not an err.exe "
                   "/:outputtoCSV dump: expected the header "
                   "HexID,SymbolicName,Description,Source")

    def test_decimal_id(self):
        self.check("errcsv_bad_hex.csv", ":3: HexID '193' is not hex with 0x")

    def test_too_wide(self):
        self.check("errcsv_bad_wide.csv",
                   ":2: HexID 0x100000000 does not fit in 32 bits")

    def test_unquoted_description(self):
        self.check("errcsv_bad_quote.csv", ":2: Description is not "
                   "double-quoted: 'One without quotes.'")

    def test_missing_field(self):
        self.check("errcsv_bad_missing_field.csv", ":2: missing field: "
                   "expected HexID,SymbolicName,Description,Source")

    def test_bad_reference(self):
        self.check("errcsv_bad_reference.csv",
                   ":2: invalid character reference &#0;")

    def test_empty_name(self):
        self.check("errcsv_bad_name.csv", ":2: empty SymbolicName")

    def test_name_not_an_identifier(self):
        self.check("errcsv_bad_identifier.csv",
                   ":2: SymbolicName 'WHAT?' is not a C identifier")

    def test_empty_file(self):
        self.check("errcsv_empty.csv", ": empty file")

    def test_header_only(self):
        self.check("errcsv_header_only.csv", ": no rows (header only)")

    def test_unreadable(self):
        self.check("", ": cannot read: Is a directory")


if __name__ == "__main__":
    unittest.main()
