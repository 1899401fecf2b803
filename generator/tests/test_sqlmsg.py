"""sys.messages reader: every accepted export format, malformed input, and
the real export in ../shared/data when it is there."""

import os
import sys
import unittest

from generator import sqlmsg
from generator.model import GenError

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
REPO = os.path.dirname(os.path.dirname(HERE))
SQL_EXPORT = os.path.normpath(
    os.path.join(REPO, "..", "shared", "data", "sql-messages.csv"))
HAVE_EXPORT = os.path.isfile(SQL_EXPORT)

TEXT_193 = ("The object or column name starting with '%.*ls' is too long. "
            "The maximum length is %d characters.")
ROW_193 = ("SQL_193_severity_15", 193, TEXT_193)


def setUpModule():
    if not HAVE_EXPORT:
        print(f"\nskipped: no SQL export ({SQL_EXPORT})", file=sys.stderr)


def fixture(name):
    return os.path.join(FIXTURES, name)


def rows(name):
    return [(r.name, r.value, r.text) for r in sqlmsg.read(fixture(name))]


class TestFormats(unittest.TestCase):
    def test_plain_csv(self):
        self.assertEqual(rows("sql_plain.csv"), [
            ROW_193,
            ("SQL_50001_severity_16", 50001,
             "Fixture text, with two commas, in it."),
            ("SQL_50002_severity_10", 50002,
             '"%ls" is a fixture name in quotes, then more.'),
            ("SQL_50003_severity_0", 50003,
             "    Indented fixture text: %d pages."),
            ("SQL_50004_severity_25", 50004,
             'Fixture text with "" two quotes and a | pipe.'),
        ])

    def test_record_table_and_origin(self):
        path = fixture("sql_plain.csv")
        r = sqlmsg.read(path)[1]
        self.assertEqual((r.table, r.origin), ("sql_err", f"{path}:2"))

    def test_utf8_bom_crlf(self):
        self.assertEqual(rows("sql_utf8bom.csv"), [
            ROW_193, ("SQL_50005_severity_14", 50005,
                      "Fixture caf\u00e9 \u2013 na\u00efve text.")])

    def test_sqlcmd(self):
        self.assertEqual(rows("sql_sqlcmd.txt"), [
            ROW_193,
            ("SQL_50001_severity_16", 50001,
             "Fixture text, with two commas, in it."),
            ("SQL_50006_severity_11", 50006,
             "Fixture text with a | pipe in it."),
        ])

    def test_sqlcmd_with_header_dashes_and_padding(self):
        path = fixture("sql_sqlcmd_header.txt")
        records = sqlmsg.read(path)
        self.assertEqual([(r.name, r.value, r.text) for r in records], [
            ROW_193, ("SQL_50007_severity_12", 50007,
                      "Fixture padded text.")])
        self.assertEqual(records[0].origin, f"{path}:3")

    def test_bcp_tabs(self):
        self.assertEqual(rows("sql_bcp.tsv"), [
            ROW_193, ("SQL_50008_severity_13", 50008,
                      "Fixture text, with\ta tab.")])

    def test_bcp_utf16le_bom(self):
        self.assertEqual(rows("sql_bcp_utf16le.tsv"), [
            ROW_193, ("SQL_50009_severity_17", 50009,
                      "Fixture UTF-16 \u00fc text.")])

    def test_utf16be_bom(self):
        self.assertEqual(rows("sql_utf16be.txt"), [
            ROW_193, ("SQL_50010_severity_18", 50010,
                      "Fixture big-endian text.")])

    def test_utf16le_without_bom(self):
        self.assertEqual(rows("sql_utf16le_nobom.tsv"), [ROW_193])

    def test_header_other_order_text_in_middle(self):
        self.assertEqual(rows("sql_header.csv"), [
            ROW_193, ("SQL_50011_severity_19", 50011,
                      "Fixture text, commas, between")])

    def test_header_with_extra_columns(self):
        self.assertEqual(rows("sql_header_extra.tsv"), [ROW_193])

    def test_quoted_csv(self):
        self.assertEqual(rows("sql_quoted.csv"), [
            ROW_193,
            ("SQL_50012_severity_16", 50012,
             'Fixture, quoted "text", with commas.'),
            ("SQL_50013_severity_16", 50013, "Fixture text on\ntwo lines."),
        ])

    def test_minimally_quoted_csv(self):
        path = fixture("sql_quoted_minimal.csv")
        records = sqlmsg.read(path)
        self.assertEqual([(r.name, r.value, r.text) for r in records], [
            ROW_193,
            ("SQL_50014_severity_10", 50014, "Fixture plain text"),
            ("SQL_50015_severity_10", 50015,
             'Fixture "quoted" start, comma'),
            ("SQL_50016_severity_10", 50016,
             "Fixture first line\n\nthird line after a blank one"),
        ])
        self.assertEqual(records[3].origin, f"{path}:4")


class TestErrors(unittest.TestCase):
    def check(self, name, message):
        path = fixture(name)
        with self.assertRaises(GenError) as cm:
            sqlmsg.read(path)
        self.assertEqual(str(cm.exception), f"{path}{message}")

    def test_missing_field(self):
        self.check("sql_bad_missing_field.csv",
                   ":2: missing field: 2 of 3 fields")

    def test_non_numeric_id(self):
        self.check("sql_bad_id.csv", ":3: non-numeric message_id 'abc'")

    def test_id_out_of_range(self):
        self.check("sql_bad_id_range.csv",
                   ":2: message_id 0 out of range 1..2147483647")

    def test_severity_out_of_range(self):
        self.check("sql_bad_severity.csv",
                   ":2: severity 26 out of range 0..25")

    def test_duplicate_id_different_text(self):
        self.check("sql_bad_duplicate.csv", ":3: duplicate message_id 193 "
                   "with a different text than line 1")

    def test_duplicate_id_different_severity(self):
        self.check("sql_bad_duplicate_severity.tsv", ":2: duplicate "
                   "message_id 50020 with a different severity than line 1")

    def test_truncated_utf16(self):
        self.check("sql_bad_utf16_truncated.tsv",
                   ":2: truncated UTF-16: odd byte count (251 bytes)")

    def test_invalid_utf8(self):
        self.check("sql_bad_utf8.csv", ":2: invalid UTF-8 (byte 0xe9); "
                   "export as UTF-8 or UTF-16")

    def test_nul_character(self):
        self.check("sql_bad_nul.csv", ":2: NUL character in a text file")

    def test_unterminated_quote(self):
        self.check("sql_bad_unterminated.csv",
                   ":3: unterminated quoted field")

    def test_header_without_severity(self):
        self.check("sql_bad_header.csv", ":1: header row needs one column "
                   "named severity (has: message_id, text)")

    def test_not_an_export(self):
        self.check("sql_bad_format.txt", ":1: not a sys.messages export: "
                   "expected message_id, severity, text separated by ',', "
                   "'|' or a tab")

    def test_empty_file(self):
        self.check("sql_empty.csv", ": empty file")

    def test_blank_file(self):
        self.check("sql_blank.csv", ": no messages (only blank lines)")

    def test_header_only(self):
        self.check("sql_header_only.csv", ": no messages (header row only)")

    def test_unreadable(self):
        path = fixture("sql_does_not_exist.csv")
        with self.assertRaises(GenError) as cm:
            sqlmsg.read(path)
        self.assertEqual(str(cm.exception),
                         f"{path}: cannot read: No such file or directory")


@unittest.skipUnless(HAVE_EXPORT, "skipped: no SQL export")
class TestRealExport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.records = sqlmsg.read(SQL_EXPORT)
        cls.by_id = {r.value: r for r in cls.records}

    def test_count(self):
        self.assertEqual(len(self.records), 16313)
        self.assertEqual(len(self.by_id), 16313)

    def test_row_193(self):
        r = self.by_id[193]
        self.assertEqual((r.name, r.value, r.text, r.table),
                         ROW_193 + ("sql_err",))

    def test_login_failed(self):
        r = self.by_id[18456]
        self.assertEqual(r.name, "SQL_18456_severity_14")
        self.assertIn("Login failed", r.text)


if __name__ == "__main__":
    unittest.main()
