"""Issue 12: WINSDK_INCLUDE layouts, line ends, C++-only headers, table
names as err.exe spells them, trailing-comment texts, typed constants,
esent.h's two forms, range markers and Wine's headers as a source.

Every header here is written for this test (it imitates the forms real
SDK headers use, with its own names, values and texts)."""

import os
import shutil
import tempfile
import unittest

from generator import cexpr, cheaders, comments, tablenames
from generator.tests.test_gen import generate

# An error header in the SDK's style: mixed-case file name, CRLF, a
# trailing comment per define, one on the next line, reserved slots.
LM_STYLE = (
    "/* Fixture network errors. */\r\n"
    "#define FXERR_BASE        7100\r\n"
    "#define FXERR_Success     0               /* Success */\r\n"
    "/* UNUSED BASE+0 */\r\n"
    "#define FXERR_NoDisk      (FXERR_BASE+1)  /* The fixture disk is not there. */\r\n"
    "#define FXERR_LongOne     (FXERR_BASE+2)\r\n"
    "    /* The fixture text that did not fit on the line of its define. */\r\n"
    "/* UNUSED BASE+3 */\r\n"
    "#define FXERR_Aligned     (FXERR_BASE+4)  /* padded to a column          */\r\n"
    "#define FXERR_Numbered    (FXERR_BASE+5)  /* 7105 */\r\n"
    "#define FXERR_Multi       (FXERR_BASE+6)  /* first half of the text\r\n"
    "                                           and its second half */\r\n"
    "#define FXERR_LAST        (FXERR_BASE+6)\r\n"
)
# dbdaoerr.h's style: // comments after a helper-built value.
DAO_STYLE = (
    "#define FXDAOERR(x) MAKE_SCODE(SEVERITY_ERROR, FACILITY_CONTROL, x)\n"
    "#define E_FXDAO_Busy      FXDAOERR(3100) //The fixture engine is busy.\n"
    "#define E_FXDAO_Gone      FXDAOERR(3101) // Success codes\n"
)
# esent.h's style: negative codes with trailing texts.
ESE_STYLE = (
    "#define JET_errFixtureFailure   -120  /* A fixture resource failed */\n"
    "#define JET_errFixtureBadPage   -121  /* A fixture page is damaged */\n"
    "#define JET_wrnFixtureNote       125  /* A fixture warning */\n"
)
# An enum with trailing comments (xmllite.h's form), stray CR and a BOM.
ENUM_STYLE = (
    "\ufefftypedef enum FixtureXmlError {\r\n"
    "    FXML_E_FIRST = 0xC00CEF00,   /* The fixture document ended early. */\r\n"
    "    FXML_E_SECOND,               /* The fixture encoding is unknown. */\r"
    "    FXML_E_THIRD                 /* 0xC00CEF02 */\n"
    "} FixtureXmlError;\n"
)
# const HRESULT declarations (pbdaerrors.h's and Mpeg2Error.h's form).
CONST_STYLE = (
    "#define MAKE_FX_E(x) MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, (x))\n"
    "//Error HResults\n"
    "const HRESULT FXBDA_E_FAILURE        = MAKE_FX_E(0x0301);\n"
    "const HRESULT FXBDA_E_NOT_READY      = MAKE_FX_E(0x0302); // Not ready yet.\n"
)
# ODBC-style range markers beside codes.
MARKER_STYLE = (
    "#define ODBC_ERROR_FIXTURE_GENERAL    1\n"
    "#define ODBC_ERROR_FIXTURE_NO_MEMORY  2\n"
    "#define ODBC_ERROR_MAX                ODBC_ERROR_FIXTURE_NO_MEMORY\n"
)
# Span ends (ehstormsg.h's and winfax.h's forms): X_START .. X_END more
# than one apart bound codes; a pair one apart is two statuses.
SPAN_STYLE = (
    "#define FXES_GENERAL_ERROR_START        0x0200\n"
    "#define FXES_GENERAL_ERROR_END          0x03FF\n"
    "#define FXFAX_ERR_START                 7401L   // First fixture error\n"
    "#define FXFAX_ERR_JAMMED                7401L\n"
    "#define FXFAX_ERR_EMPTY                 7402L\n"
    "#define FXFAX_ERR_END                   7402L   // Last fixture error\n"
    "#define FXNDIS_STATUS_RESET_START       0x40FE0004L\n"
    "#define FXNDIS_STATUS_RESET_END         0x40FE0005L\n"
)
# A message-compiler header with a string resource beside a code.
MC_STYLE = (
    "//\n// MessageId: FXCDO_E_FIXTURE\n//\n// MessageText:\n//\n"
    "//  The fixture message is not ready.\n//\n"
    "#define FXCDO_E_FIXTURE                  0x80049A01L\n\n"
    "//\n// MessageId: IDS_FxTownName\n//\n// MessageText:\n//\n"
    "//  (GMT+01:00) Fixture Town%0\n//\n"
    "#define IDS_FxTownName                   0x00011120L\n\n"
    "//\n// MessageId: IDS_FX_QUERY_BAD\n//\n// MessageText:\n//\n"
    "//  The fixture query is malformed.\n//\n"
    "#define IDS_FX_QUERY_BAD                 ((HRESULT)0x00049A02L)\n"
)
# A MessageId block whose define has another name (a copy-and-paste slip
# real headers have: 10.0.16299's CorError.h repeats winerror.h's
# ERROR_BAD_PATHNAME over a define of its own).  Its text has no value
# there, while winerror.h's block of that name has one; the generator once
# failed on this pair, sorting a record without a value beside one with.
SLIP_STYLE = (
    "//\n// MessageId: FXFD_E_PAIRING_LOST\n//\n// MessageText:\n//\n"
    "//  The fixture pairing was lost.\n//\n"
    "#define FXFD_E_PAIRING_LOST              ((HRESULT)0x8FD10001L)\n\n"
    "//\n// MessageId: ERROR_FIXTURE_SDK_ONLY\n//\n// MessageText:\n//\n"
    "//  The fixture slip quotes another header's name.\n//\n"
    "#define FXFD_E_SLIP                      FXFD_UNDEFINED_MACRO(2)\n"
)
# A C++-only header: a namespace and no __cplusplus test.
CXX_ONLY = (
    "#pragma once\n"
    "#define FXCPP_E_SHOULD_NOT_APPEAR ((HRESULT)0x80049999L)\n"
    "namespace fixture { struct thing { int x; }; }\n"
)
# A WDK framework's status header (wdfstatus.h's form: MessageId blocks
# over NTSTATUS casts).  Two versions, so the newer one must win.
def wdfstatus(version, extra=""):
    return (
        "//\n// MessageId: STATUS_FXWDF_OBJECT_GONE\n//\n// MessageText:\n"
        "//\n// The fixture framework object went away (%s).\n//\n"
        "#define STATUS_FXWDF_OBJECT_GONE        ((NTSTATUS)0xC0FD0001L)\n"
        % version + extra)


WINERROR = (
    "//\n"
    "// MessageId: ERROR_FIXTURE_SDK_ONLY\n"
    "//\n"
    "// MessageText:\n"
    "//\n"
    "// The fixture SDK says so.\n"
    "//\n"
    "#define ERROR_FIXTURE_SDK_ONLY 4398L\n"
    "#define FACILITY_ITF 4\n"
    "#define FACILITY_CONTROL 10\n"
    "#define SEVERITY_ERROR 1\n"
    "#define SEVERITY_SUCCESS 0\n"
    "#define MAKE_HRESULT(sev,fac,code) \\\n"
    "    ((HRESULT) (((unsigned long)(sev)<<31) | ((unsigned long)(fac)<<16)"
    " | ((unsigned long)(code))) )\n"
    "#define MAKE_SCODE(sev,fac,code) \\\n"
    "    ((SCODE) (((unsigned long)(sev)<<31) | ((unsigned long)(fac)<<16)"
    " | ((unsigned long)(code))) )\n"
)


def write(path, text, encoding="utf-8"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)


def sdk_tree(root, lower=False):
    """An SDK Include/<version> folder in miniature."""
    def name(n):
        return n.lower() if lower else n
    write(os.path.join(root, "shared", "winerror.h"), WINERROR)
    write(os.path.join(root, "shared", name("FxLmErr.h")), LM_STYLE)
    write(os.path.join(root, "um", name("FxDaoErr.h")), DAO_STYLE)
    write(os.path.join(root, "um", "esent.h"), ESE_STYLE)
    write(os.path.join(root, "um", name("FxXmlLite.h")), ENUM_STYLE)
    write(os.path.join(root, "um", name("FxPbdaErrors.h")), CONST_STYLE)
    write(os.path.join(root, "um", name("FxOdbcInst.h")), MARKER_STYLE)
    write(os.path.join(root, "um", name("FxSpanMsg.h")), SPAN_STYLE)
    write(os.path.join(root, "um", name("FxCxxOnly.h")), CXX_ONLY)
    write(os.path.join(root, "um", name("FxCdoSysErr.h")), MC_STYLE)
    write(os.path.join(root, "um", name("FxFdError.h")), SLIP_STYLE)
    write(os.path.join(root, "ucrt", "fxstdio.h"), "#define FX_EOF (-1)\n")
    write(os.path.join(root, "winrt", "fxwinrt.h"),
          "#define FXRT_E_FIXTURE ((HRESULT)0x80049901L)\n")
    # cppwinrt: C++ only, never read (a header that would fail if it were)
    write(os.path.join(root, "cppwinrt", "winrt", "base.h"),
          "#define FXCPPWINRT_E_READ ((HRESULT)0x80049902L)\n")


class Tmp(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="winerr-sdk-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)


class TestLayouts(Tmp):
    PARTS = ["shared", "ucrt", "um", "winrt"]

    def dirs(self, root):
        d, layout = cheaders.sdk_dirs(root)
        return sorted(os.path.normpath(os.path.join(root, x))
                      for x in d), layout

    def expect(self, root, version_dir):
        dirs, _ = self.dirs(root)
        self.assertEqual(dirs, sorted(os.path.join(version_dir, p)
                                      for p in self.PARTS))

    def test_include_version_root_skips_cppwinrt(self):
        v = self.path("Include", "10.0.22000.0")
        sdk_tree(v)
        self.expect(v, v)

    def test_windows_kits_root_takes_newest_version(self):
        kits = self.path("Windows Kits", "10")
        sdk_tree(os.path.join(kits, "Include", "10.0.19041.0"))
        sdk_tree(os.path.join(kits, "Include", "10.0.22000.0"))
        self.expect(kits, os.path.join(kits, "Include", "10.0.22000.0"))
        self.expect(os.path.join(kits, "Include"),
                    os.path.join(kits, "Include", "10.0.22000.0"))

    def wdk(self, kits):
        """A Kits folder with an SDK and a WDK's wdf folders."""
        sdk_tree(os.path.join(kits, "Include", "10.0.22000.0"))
        wdf = os.path.join(kits, "Include", "wdf")
        for fw, version in (("kmdf", "1.9"), ("kmdf", "1.33"),
                            ("umdf", "2.31"), ("umdf", "2.33")):
            write(os.path.join(wdf, fw, version, "wdfstatus.h"),
                  wdfstatus(fw + " " + version))
        # a newer version folder without headers, and a stray file
        os.makedirs(os.path.join(wdf, "kmdf", "1.35"))
        write(os.path.join(wdf, "readme.txt"), "not a framework\n")

    def test_wdk_wdf_newest_version_of_each_framework(self):
        kits = self.path("Windows Kits", "10")
        self.wdk(kits)
        version = os.path.join(kits, "Include", "10.0.22000.0")
        wdf = os.path.join(kits, "Include", "wdf")
        want = sorted([os.path.join(version, p) for p in self.PARTS] +
                      [os.path.join(wdf, "kmdf", "1.33"),
                       os.path.join(wdf, "umdf", "2.33")])
        for root in (kits, os.path.join(kits, "Include")):
            self.assertEqual(self.dirs(root)[0], want)
        # an Include/<version> folder alone reads no wdf folder
        self.expect(version, version)

    def test_xwin_splat(self):
        splat = self.path("splat")
        sdk_tree(os.path.join(splat, "sdk", "include"), lower=True)
        write(os.path.join(splat, "crt", "include", "vcruntime.h"), "\n")
        self.expect(splat, os.path.join(splat, "sdk", "include"))
        self.expect(os.path.join(splat, "sdk", "include"),
                    os.path.join(splat, "sdk", "include"))

    def test_msvc_wine(self):
        dest = self.path("msvc")
        sdk_tree(os.path.join(dest, "kits", "10", "include", "10.0.22000.0"),
                 lower=True)
        write(os.path.join(dest, "vc", "tools", "msvc", "14.30", "include",
                           "yvals.h"), "\n")
        self.expect(dest, os.path.join(dest, "kits", "10", "include",
                                       "10.0.22000.0"))

    def test_one_subfolder(self):
        v = self.path("10.0.22000.0")
        sdk_tree(v)
        dirs, layout = self.dirs(os.path.join(v, "um"))
        self.assertEqual(dirs, [os.path.join(v, "um")])
        self.assertEqual(layout, "one folder")

    def test_cxx_only_header_skipped_without_errors(self):
        v = self.path("v")
        sdk_tree(v)
        hs = cheaders.read_dir(v, cheaders.sdk_dirs(v)[0])
        self.assertEqual(hs.cxx_only, [os.path.join("um", "FxCxxOnly.h")])
        names = {m.name for m in hs.constants}
        self.assertNotIn("FXCPP_E_SHOULD_NOT_APPEAR", names)
        self.assertNotIn("FXCPPWINRT_E_READ", names)
        self.assertIn("FXRT_E_FIXTURE", names)
        self.assertEqual(hs.diagnostics, [])

    def test_cxx_rule(self):
        self.assertTrue(cheaders.is_cxx_only(CXX_ONLY.encode()))
        mixed = b"#ifdef __cplusplus\nnamespace a {}\n#endif\n#define X 1\n"
        self.assertFalse(cheaders.is_cxx_only(mixed))
        self.assertFalse(cheaders.is_cxx_only(LM_STYLE.encode()))


class TestTableNames(unittest.TestCase):
    def test_lower_case(self):
        self.assertEqual(tablenames.of_path("um/LpmApi.h"), "lpmapi.h")
        self.assertEqual(tablenames.of_path("shared/WINERROR.H"),
                         "winerror.h")
        self.assertEqual(cheaders.table_name("um/MsiQuery.h"), "msiquery.h")

    def test_err_exe_mixed_case_kept(self):
        self.assertEqual(tablenames.spell("LEGACYERRORCODES.H"),
                         "legacyErrorCodes.h")


class TestComments(unittest.TestCase):
    def scan(self, text, name="fx.h"):
        res = cexpr.scan(text, name)
        return {m.name: m for m in res.macros + res.enums}

    def test_lm_style(self):
        m = self.scan(LM_STYLE)
        self.assertEqual(m["FXERR_NoDisk"].note,
                         "The fixture disk is not there.")
        self.assertEqual(m["FXERR_Success"].note, "Success")
        self.assertEqual(m["FXERR_LongOne"].note, "The fixture text that "
                         "did not fit on the line of its define.")
        self.assertEqual(m["FXERR_Aligned"].note, "padded to a column")
        self.assertEqual(m["FXERR_Multi"].note,
                         "first half of the text and its second half")
        # a number is a remark; a comment alone at a line's start is not
        # the text of the define above it
        self.assertEqual(m["FXERR_Numbered"].note, "")
        self.assertEqual(m["FXERR_BASE"].note, "")
        self.assertEqual(m["FXERR_LAST"].note, "")

    def test_line_comment_and_heading_words(self):
        m = self.scan(DAO_STYLE)
        self.assertEqual(m["E_FXDAO_Busy"].note, "The fixture engine is busy.")
        # a trailing comment is a text even when it reads like a heading
        self.assertEqual(m["E_FXDAO_Gone"].note, "Success codes")

    def test_enum_members_stray_cr_and_bom(self):
        m = self.scan(ENUM_STYLE)
        self.assertEqual(m["FXML_E_FIRST"].note,
                         "The fixture document ended early.")
        self.assertEqual(m["FXML_E_SECOND"].note,
                         "The fixture encoding is unknown.")
        self.assertEqual(m["FXML_E_THIRD"].note, "")
        self.assertEqual(m["FXML_E_FIRST"].line, 2)

    def test_typed_consts(self):
        m = self.scan(CONST_STYLE)
        self.assertEqual(m["FXBDA_E_FAILURE"].ctype, "HRESULT")
        self.assertEqual(m["FXBDA_E_FAILURE"].body, "MAKE_FX_E(0x0301)")
        self.assertEqual(m["FXBDA_E_NOT_READY"].note, "Not ready yet.")

    def test_remarks(self):
        for text in ("", "UNUSED BASE+24", "0x80070005", "FXERR_BASE + 3",
                     "7105", "(FXERR_BASE+1)", "unused", "---"):
            self.assertTrue(comments.is_remark(comments.clean(text), "X"),
                            text)
        self.assertTrue(comments.is_remark("FXERR_A", "FXERR_A"))
        for text in ("Invalid argument.", "Success", "not ready",
                     "Reserved error (|); there is no message for it."):
            self.assertFalse(comments.is_remark(text, "X"), text)

    def test_markers_stripped(self):
        self.assertEqual(comments.clean("* The text."), "The text.")
        self.assertEqual(comments.clean("!< Doxygen text"), "Doxygen text")
        self.assertEqual(comments.clean("/ the text"), "the text")
        self.assertEqual(comments.clean(" line one\n * line two "),
                         "line one line two")


class TestSdkBuild(Tmp):
    """The whole generator with a miniature SDK in each layout."""

    def build(self, sdk, *extra):
        return generate(self.path("out"), "--winsdk-include", sdk, *extra)

    def check(self, by, entries):
        # one table per header, spelled as err.exe spells it
        tables = {e.table for e in entries}
        self.assertIn("fxlmerr.h", tables)
        self.assertFalse([t for t in tables if t != t.lower()])
        nodisk = by[("FXERR_NoDisk", "fxlmerr.h")]
        self.assertEqual(nodisk.value, 7101)
        self.assertEqual(nodisk.text, "The fixture disk is not there.")
        self.assertEqual(by[("FXERR_LongOne", "fxlmerr.h")].text,
                         "The fixture text that did not fit on the line of "
                         "its define.")
        self.assertEqual(by[("E_FXDAO_Busy", "fxdaoerr.h")].value,
                         0x800A0C1C)
        # esent.h: the number as written and the HRESULT, told by kind
        ese = sorted((e.value, e.kind, e.text) for e in entries
                     if e.name == "JET_errFixtureFailure")
        self.assertEqual(ese, [
            (0x8E5E0078, "hresult", "A fixture resource failed"),
            (0xFFFFFF88, "other", "A fixture resource failed")])
        self.assertEqual([e.value for e in entries
                          if e.name == "JET_wrnFixtureNote"], [125])
        self.assertEqual(by[("FXBDA_E_NOT_READY", "fxpbdaerrors.h")].value,
                         0x80040302)
        self.assertEqual(by[("FXML_E_SECOND", "fxxmllite.h")].value,
                         0xC00CEF01)
        names = {e.name for e in entries}
        for absent in ("ODBC_ERROR_MAX", "FXERR_BASE", "FXERR_LAST",
                       "FXCPP_E_SHOULD_NOT_APPEAR", "FXCPPWINRT_E_READ"):
            self.assertNotIn(absent, names)
        self.assertIn("ODBC_ERROR_FIXTURE_NO_MEMORY", names)
        # span ends are markers; a pair one apart is two codes
        for absent in ("FXES_GENERAL_ERROR_START", "FXES_GENERAL_ERROR_END",
                       "FXFAX_ERR_START", "FXFAX_ERR_END"):
            self.assertNotIn(absent, names)
        self.assertEqual(by[("FXFAX_ERR_EMPTY", "fxspanmsg.h")].value, 7402)
        self.assertEqual(
            by[("FXNDIS_STATUS_RESET_START", "fxspanmsg.h")].value,
            0x40FE0004)
        self.assertEqual(
            by[("FXNDIS_STATUS_RESET_END", "fxspanmsg.h")].value, 0x40FE0005)
        # a string resource's MessageText makes no entry of it
        self.assertNotIn("IDS_FxTownName", names)
        # but an IDS_* built as an HRESULT is a message code
        self.assertEqual(by[("IDS_FX_QUERY_BAD", "fxcdosyserr.h")].value,
                         0x00049A02)
        self.assertEqual(by[("FXCDO_E_FIXTURE", "fxcdosyserr.h")].text,
                         "The fixture message is not ready.")
        # a MessageId over a define of another name gives no value and
        # no entry; the header that defines the name keeps its own text
        self.assertEqual(by[("FXFD_E_PAIRING_LOST", "fxfderror.h")].text,
                         "The fixture pairing was lost.")
        self.assertNotIn(("ERROR_FIXTURE_SDK_ONLY", "fxfderror.h"), by)
        self.assertEqual(by[("ERROR_FIXTURE_SDK_ONLY", "winerror.h")].text,
                         "The fixture SDK says so.")

    def test_include_version_root(self):
        v = self.path("Include", "10.0.22000.0")
        sdk_tree(v)
        self.check(*self.build(v))
        with open(self.path("out", "report.txt"), encoding="utf-8") as f:
            text = f.read()
        self.assertIn("WINSDK_INCLUDE layout: Include/<version>", text)
        self.assertIn("C++-only headers, not read: 1", text)

    def test_wdk_wdfstatus_entries(self):
        kits = self.path("Windows Kits", "10")
        TestLayouts.wdk(self, kits)
        by, entries = self.build(kits)
        self.check(by, entries)
        gone = by[("STATUS_FXWDF_OBJECT_GONE", "wdfstatus.h")]
        self.assertEqual((gone.value, gone.kind), (0xC0FD0001, "ntstatus"))
        # one entry, with the text of a newest version
        self.assertEqual(len([e for e in entries
                              if e.name == "STATUS_FXWDF_OBJECT_GONE"]), 1)
        self.assertRegex(gone.text, r"\((kmdf 1\.33|umdf 2\.33)\)\.$")

    def test_xwin_splat_lower_case(self):
        splat = self.path("splat")
        sdk_tree(os.path.join(splat, "sdk", "include"), lower=True)
        self.check(*self.build(splat))

    def test_msvc_wine(self):
        dest = self.path("msvc")
        sdk_tree(os.path.join(dest, "kits", "10", "include", "10.0.22000.0"))
        self.check(*self.build(dest))

    def test_same_header_mixed_case_one_table(self):
        v = self.path("v")
        sdk_tree(v)
        by, entries = self.build(v)
        # gen_mingw's fixture headers are lower case; the SDK's mixed-case
        # copy of a header and mingw-w64's make one table
        self.assertEqual(len({e.table.lower() for e in entries}),
                         len({e.table for e in entries}))

    def test_wine_source(self):
        wine = self.path("wine")
        write(os.path.join(wine, "winerror.h"),
              "#define ERROR_FIXTURE_ONLY_IN_WINE 4399L\n")
        by, entries = generate(self.path("out"), "--wine-include", wine)
        e = by[("ERROR_FIXTURE_ONLY_IN_WINE", "winerror.h")]
        self.assertEqual((e.value, e.kind), (4399, "win32"))
        self.assertTrue(e.origin.startswith("wine "))

    def test_wine_without_winerror_h_is_an_error(self):
        from generator import model, winerr_gen
        args = winerr_gen.parse_args(
            ["--mingw-include", "x", "--winapi-src", "x", "--impacket-dir",
             "x", "--out", self.path("o"), "--wine-include", self.tmp])
        with self.assertRaises((model.GenError, winerr_gen.Missing)):
            winerr_gen.check_sources(args)


if __name__ == "__main__":
    unittest.main()
