"""SDK MessageText reader on the fixture headers under fixtures/sdk/."""

import os
import unittest

from generator import sdktext
from generator.model import GenError

SDK = os.path.join(os.path.dirname(__file__), "fixtures", "sdk")
FIXERR = os.path.join(SDK, "shared", "fixerr.h")


class TestSdkText(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.records = sdktext.read(SDK)
        cls.by_name = {r.name: r for r in cls.records}

    def test_names_in_file_order(self):
        self.assertEqual([r.name for r in self.records], [
            "FIX_ERROR_PLAIN", "FIX_ERROR_TWO_LINES", "FIX_ERROR_PARAGRAPHS",
            "FIX_E_TYPEDEF", "FIX_E_COMPUTED", "FIX_ERROR_OTHER_DEFINE",
            "FIX_STATUS_CRLF", "FIX_SEC_INDENTED", "FIX_SEC_CONST"])

    def test_plain_block(self):
        r = self.by_name["FIX_ERROR_PLAIN"]
        self.assertEqual(r.text, "The fixture operation did not finish.")
        self.assertEqual((r.value, r.table), (1, "fixerr.h"))
        self.assertEqual(r.origin, f"{FIXERR}:13")

    def test_lines_are_hard_breaks_trailing_blanks_dropped(self):
        self.assertEqual(self.by_name["FIX_ERROR_TWO_LINES"].text,
                         "{Fixture Title}\nThe fixture %1 stopped at step %2.")
        self.assertEqual(self.by_name["FIX_ERROR_TWO_LINES"].value, 0x2A)

    def test_blank_comment_lines_are_one_paragraph_break(self):
        self.assertEqual(self.by_name["FIX_ERROR_PARAGRAPHS"].text,
                         "The first paragraph of a fixture text.\n\n"
                         "The second paragraph,\n  indented by two blanks.")

    def test_trivial_values(self):
        self.assertEqual(self.by_name["FIX_ERROR_PARAGRAPHS"].value, 0x2B)
        self.assertEqual(self.by_name["FIX_E_TYPEDEF"].value, 0x807A0001)
        self.assertEqual(self.by_name["FIX_STATUS_CRLF"].value, 0xC07A0001)

    def test_shared_two_blank_indent_dropped(self):
        r = self.by_name["FIX_SEC_INDENTED"]
        self.assertEqual(r.text, "A fixture text indented by two blanks,\n"
                         "on two lines.")
        self.assertEqual((r.value, r.table), (0x807A0100, "fixsec.h"))

    def test_const_declaration_value(self):
        r = self.by_name["FIX_SEC_CONST"]
        self.assertEqual((r.value, r.text),
                         (0x807A0101, "A fixture constant declared in C."))

    def test_computed_value_left_to_the_c_reader(self):
        self.assertIsNone(self.by_name["FIX_E_COMPUTED"].value)

    def test_define_of_another_name_gives_no_value(self):
        r = self.by_name["FIX_ERROR_OTHER_DEFINE"]
        self.assertIsNone(r.value)
        self.assertEqual(r.text,
                         "A fixture text whose define names something else.")

    def test_skipped_blocks(self):
        # text repeating the name, no MessageText, no symbolic name
        for name in ("FIX_ERROR_ECHO", "FIX_ERROR_NO_TEXT",
                     "FIX_ERROR_RENAMED"):
            self.assertNotIn(name, self.by_name)
        self.assertFalse(any("without a name" in r.text for r in self.records))

    def test_table_spelled_as_err_exe(self):
        # FixStatus.h on disk: err.exe names every table in lower case
        r = self.by_name["FIX_STATUS_CRLF"]
        self.assertEqual(r.table, "fixstatus.h")
        self.assertEqual(r.text,
                         "A fixture status from a file with CRLF line ends.")

    def test_missing_directory(self):
        path = os.path.join(SDK, "nonexistent")
        with self.assertRaises(GenError) as cm:
            sdktext.read(path)
        self.assertEqual(str(cm.exception),
                         f"{path}: WINSDK_INCLUDE directory not found")

    def test_directory_without_blocks(self):
        path = os.path.join(SDK, "noblocks")
        with self.assertRaises(GenError) as cm:
            sdktext.read(path)
        self.assertEqual(str(cm.exception),
                         f"{path}: no header with '// MessageId:' and "
                         "'// MessageText:' blocks; is WINSDK_INCLUDE a "
                         "Windows SDK include directory?")

    def test_literal_forms(self):
        cases = {
            "0L": 0, "1L    // dderror": 1, "0x8000FFFFL": 0x8000FFFF,
            "((NTSTATUS)0xC0000005L)": 0xC0000005,
            "_HRESULT_TYPEDEF_(0x80004005L)": 0x80004005,
            "((HRESULT)0x00000001L) /* ok */": 1,
            "MAKE_HRESULT(1, 7, 5)": None, "ERROR_BASE + 1": None,
            "0x100000000": None, "(0x1 | 0x2)": None,
        }
        for expr, value in cases.items():
            self.assertEqual(sdktext._literal(expr), value, expr)


if __name__ == "__main__":
    unittest.main()
