"""winerr_gen end to end on small fixture sources: merge rules, texts,
report, determinism, command-line errors and hostile headers."""

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from generator import winerr_gen
from generator.tests.guard import HangGuarded

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
ROOT = os.path.dirname(os.path.dirname(HERE))
MINGW = os.path.join(FIXTURES, "gen_mingw")
WINAPI = os.path.join(FIXTURES, "gen_winapi")
IMPACKET = os.path.join(FIXTURES, "gen_impacket")
WINSDK = os.path.join(FIXTURES, "gen_winsdk")


def base_args(out, mingw=MINGW, winapi=WINAPI, impacket=IMPACKET):
    return ["--mingw-include", mingw, "--winapi-src", winapi,
            "--impacket-dir", impacket, "--out", out]


def generate(out, *extra, **dirs):
    args = winerr_gen.parse_args(base_args(out, **dirs) + list(extra))
    entries = winerr_gen.run(args)
    return {(e.name, e.table): e for e in entries}, entries


def report(out):
    with open(os.path.join(out, "report.txt"), encoding="utf-8") as f:
        return f.read()


class GenTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="winerr-gen-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def out(self, name="out"):
        return os.path.join(self.tmp, name)


class TestMerge(GenTest):
    def setUp(self):
        super().setUp()
        self.by, self.entries = generate(self.out())

    def values(self, name):
        return sorted((e.value, e.table) for e in self.entries
                      if e.name == name)

    def test_canonical_header(self):
        self.assertEqual(self.values("ERROR_BAD_EXE_FORMAT"),
                         [(0xC1, "winerror.h")])
        self.assertEqual(self.values("STATUS_ACCESS_VIOLATION"),
                         [(0xC0000005, "ntstatus.h")])
        self.assertEqual(self.values("WSAECONNREFUSED"),
                         [(0x274D, "winerror.h")])
        self.assertEqual(self.values("ERROR_INTERNET_NAME_NOT_RESOLVED"),
                         [(0x2EE7, "wininet.h")])
        self.assertEqual(self.values("NERR_NetNotStarted"),
                         [(0x836, "lmerr.h")])
        self.assertEqual(self.values("DDERR_SURFACELOST"),
                         [(0x887601C2, "ddraw.h")])

    def test_conflicts(self):
        self.assertEqual(self.values("E_NOTIMPL"),
                         [(0x80000001, "winerror.h"),
                          (0x80004001, "winerror.h")])
        self.assertEqual(self.values("MAPI_E_USER_ABORT"),
                         [(1, "mapi.h"), (0x80040113, "mapicode.h")])
        self.assertEqual(self.values("IMPERSONATING_WORKER_THREAD"),
                         [(0xDF, "bugcodes.h")])
        self.assertEqual(self.values("STATUS_FIXTURE_DISPUTED"),
                         [(0xC000042E, "ntstatus.h")])
        text = report(self.out())
        self.assertIn("IMPERSONATING_WORKER_THREAD: bugcodes.h: 0xdf from "
                      "winapi-rs shared/bugcodes.rs:5, 0xfa from mingw-w64 "
                      "bugcodes.h:15; kept 0xdf (winapi-rs mirrors the SDK "
                      "header)", text)
        self.assertIn("kept 0xc000042e ([MS-ERREF] lists it)", text)

    def test_values_from_other_sources(self):
        self.assertEqual(self.values("OPC_E_NONCONFORMING_URI"),
                         [(0x80510001, "msopc.h")])
        self.assertEqual(self.values("ERROR_NEWER_THAN_MINGW"),
                         [(15999, "winerror.h")])
        self.assertEqual(self.values("FIXTURE_E_MACRO"),
                         [(0x87F00002, "winerror.h")])

    def test_dropped(self):
        for name in ("NERR_BASE", "WSABASEERR", "CO_E_FIRST", "CO_E_LAST",
                     "FACILITY_WIN32", "DNS_ERROR_MASK", "ECONNREFUSED",
                     "ERRCLASS_OUTRES", "WINDOWS_NT_BANNER", "MAX_PATH",
                     "INTERNET_FLAG_RELOAD", "FIXTURE_PATH",
                     "BROKEN_E_UNBALANCED", "MQ_FIXTURE_FLAG"):
            self.assertEqual(self.values(name), [], name)
        self.assertEqual(self.values("TPM_E_ERROR_MASK"),
                         [(0x80280000, "winerror.h")])

    def test_texts(self):
        self.assertEqual(self.by["ERROR_BAD_EXE_FORMAT", "winerror.h"].text,
                         "Fixture: %1 is not a program.")
        self.assertEqual(self.by["IRQL_NOT_LESS_OR_EQUAL", "bugcodes.h"].text,
                         "Fixture: a driver touched memory at a raised IRQL")
        self.assertIsNone(self.by["SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION",
                                  "bugcodes.h"].text)
        self.assertIsNone(self.by["DDERR_SURFACELOST", "ddraw.h"].text)
        self.assertEqual(self.by["ERROR_FIXTURE_ALIAS", "winerror.h"].text,
                         "Fixture: %1 is not a program.")
        self.assertIn("aliases: 1 texts attached", report(self.out()))

    def test_impacket_only_names_become_entries(self):
        e = self.by["ERROR_ONLY_IN_ERREF", "winerror.h"]
        self.assertEqual((e.value, e.kind), (0x3A97, "win32"))
        e = self.by["STATUS_ONLY_IN_ERREF", "ntstatus.h"]
        self.assertEqual((e.value, e.kind), (0xC0000999, "ntstatus"))
        self.assertEqual(self.values("ERROR_BAD_EXE_FORMAT"),
                         [(0xC1, "winerror.h")])
        self.assertIn("ERROR_BAD_EXE_FORMAT: impacket gives 0x80070032",
                      report(self.out()))

    def test_kinds(self):
        kinds = {name: self.by[name, table].kind for name, table in (
            ("ERROR_BAD_EXE_FORMAT", "winerror.h"), ("E_FAIL", "winerror.h"),
            ("STATUS_ACCESS_VIOLATION", "ntstatus.h"),
            ("IRQL_NOT_LESS_OR_EQUAL", "bugcodes.h"),
            ("MAPI_E_USER_ABORT", "mapi.h"))}
        self.assertEqual(kinds, {"ERROR_BAD_EXE_FORMAT": "win32",
                                 "E_FAIL": "hresult",
                                 "STATUS_ACCESS_VIOLATION": "ntstatus",
                                 "IRQL_NOT_LESS_OR_EQUAL": "bugcheck",
                                 "MAPI_E_USER_ABORT": "other"})

    def test_entries_are_valid_for_emit(self):
        keys = [(e.name, e.value, e.table) for e in self.entries]
        self.assertEqual(len(keys), len(set(keys)))
        self.assertTrue(all(0 <= e.value <= 0xFFFFFFFF for e in self.entries))

    def test_report(self):
        text = report(self.out())
        for needle in (
                "== Entries and texts per table",
                "== Dropped: range marker",
                "  NERR_BASE  mingw-w64 lmcons.h:2",
                "== Could not evaluate (no entry made): 1",
                "  mingw-w64 winerror.h:42: BROKEN_E_UNBALANCED: unterminated "
                "argument list of macro _HRESULT_TYPEDEF_",
                "  ERROR_BAD_EXE_FORMAT 0xc1: winerror.h (also error.h)",
                "  WSAECONNREFUSED 0x274d: winerror.h (also _wsa_errnos.h, "
                "winsock2.h)",
                "  0x51 FACILITY_OPC",
                "  hresult 0x9: FACILITY_SSPI kept, FACILITY_SECURITY at "
                "mingw-w64 winerror.h:8",
                "impacket: 11 texts attached, 2 entries added",
                "emit name_bytes: ",
                "THE RULE."):
            self.assertIn(needle, text)

    def test_output_files(self):
        names = sorted(os.listdir(self.out()))
        self.assertIn("report.txt", names)
        self.assertIn("winerr_data.inc", names)
        self.assertIn("names.inc", names)
        self.assertTrue(any(n.startswith("names_") and n.endswith(".gperf")
                            for n in names))


class TestOptionalSources(GenTest):
    def test_winsdk_texts_win(self):
        by, entries = generate(self.out(), "--winsdk-include", WINSDK)
        self.assertEqual(by["ERROR_BAD_EXE_FORMAT", "winerror.h"].text,
                         "Fixture SDK text: %1 is not a valid program.")
        self.assertEqual(by["ERROR_SDK_ONLY", "winerror.h"].text,
                         "Fixture SDK text for a code only the SDK has.\n"
                         "Second line.")
        notimpl = sorted((e.value, e.text) for e in entries
                         if e.name == "E_NOTIMPL")
        self.assertEqual(notimpl, [(0x80000001, None),
                                   (0x80004001, "Fixture SDK text: not "
                                                "implemented.")])
        self.assertEqual(by["E_FAIL", "winerror.h"].text,
                         "Fixture: unspecified.")

    def test_sql_and_err_csv(self):
        sql = os.path.join(self.tmp, "sql.csv")
        with open(sql, "w", encoding="utf-8") as f:
            f.write("193,15,Fixture SQL text, with a comma.\n"
                    "18456,14,Fixture login text.\n")
        dump = os.path.join(self.tmp, "dump.csv")
        with open(dump, "w", encoding="utf-8") as f:
            f.write("HexID,SymbolicName,Description,Source\n"
                    "0x139f,ERROR_INVALID_STATE,\"CSV text&#44; filled in.\","
                    "winerror.h\n"
                    "0xc1,ERROR_BAD_EXE_FORMAT,\"CSV text loses.\",winerror.h\n"
                    "0x7,FIXTURE_CSV_ONLY,\"N/A\",fixture.h\n")
        by, _ = generate(self.out(), "--sql-messages", sql, "--err-csv", dump)
        e = by["SQL_193_severity_15", "sql_err"]
        self.assertEqual((e.value, e.kind, e.text),
                         (193, "sql", "Fixture SQL text, with a comma."))
        self.assertEqual(by["ERROR_INVALID_STATE", "winerror.h"].text,
                         "CSV text, filled in.")
        self.assertEqual(by["ERROR_BAD_EXE_FORMAT", "winerror.h"].text,
                         "Fixture: %1 is not a program.")
        e = by["FIXTURE_CSV_ONLY", "fixture.h"]
        self.assertEqual((e.value, e.text), (7, None))
        text = report(self.out())
        self.assertIn("sql-messages: 2 texts attached, 2 entries added", text)
        self.assertIn("err-csv: 1 texts attached, 1 entries added", text)


class TestDeterminism(GenTest):
    def test_same_inputs_same_bytes(self):
        a, b = self.out("a"), self.out("b")
        generate(a, "--winsdk-include", WINSDK)
        generate(b, "--winsdk-include", WINSDK)
        names = sorted(os.listdir(a))
        self.assertEqual(names, sorted(os.listdir(b)))
        match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
        self.assertEqual((mismatch, errors), ([], []))
        self.assertEqual(len(match), len(names))


class TestCommandLine(GenTest):
    def run_script(self, *args):
        return subprocess.run([sys.executable, "-m", "generator"] + list(args),
                              capture_output=True, text=True, timeout=120,
                              cwd=ROOT)

    def test_runs_as_a_package(self):
        res = self.run_script(*base_args(self.out()))
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertRegex(res.stdout, r"^winerr-gen: \d+ entries, \d+ names, "
                         r"\d+ tables in [0-9.]+ s; report: ")
        self.assertEqual(res.stderr, "")

    def test_missing_sources_name_the_package(self):
        nowhere = os.path.join(self.tmp, "nowhere")
        for kw, package, var in (("mingw", "mingw-w64-common",
                                  "MINGW_INCLUDE"),
                                 ("winapi", "librust-winapi-dev",
                                  "WINAPI_SRC"),
                                 ("impacket", "python3-impacket",
                                  "IMPACKET_DIR")):
            res = self.run_script(*base_args(self.out(), **{kw: nowhere}))
            self.assertEqual(res.returncode, 2)
            self.assertEqual(res.stderr, "winerr-gen: %s not found: install "
                             "%s (or set %s)\n" % (nowhere, package, var))
        empty = os.path.join(self.tmp, "empty")
        os.mkdir(empty)
        res = self.run_script(*base_args(self.out(), mingw=empty))
        self.assertEqual(res.stderr, "winerr-gen: %s not found: install "
                         "mingw-w64-common (or set MINGW_INCLUDE)\n"
                         % os.path.join(empty, "winerror.h"))

    def test_malformed_input_is_one_line(self):
        sql = os.path.join(self.tmp, "bad.csv")
        with open(sql, "w", encoding="utf-8") as f:
            f.write("193,15,fine\nabc,16,bad id\n")
        res = self.run_script(*base_args(self.out()) + ["--sql-messages", sql])
        self.assertEqual(res.returncode, 2)
        self.assertEqual(res.stderr.count("\n"), 1)
        self.assertTrue(res.stderr.startswith(sql + ":2: "), res.stderr)

    def test_bad_impacket_file(self):
        bad = os.path.join(self.tmp, "impacket")
        shutil.copytree(IMPACKET, bad)
        with open(os.path.join(bad, "nt_errors.py"), "w") as f:
            f.write("ERROR_MESSAGES = {\n  0x1: (\n")
        res = self.run_script(*base_args(self.out(), impacket=bad))
        self.assertEqual(res.returncode, 2)
        self.assertEqual(res.stderr.count("\n"), 1)
        self.assertTrue(res.stderr.startswith(
            os.path.join(bad, "nt_errors.py") + ":"), res.stderr)


class TestHostileHeaders(HangGuarded, GenTest):
    def test_generation_survives_hostile_headers(self):
        mingw = os.path.join(self.tmp, "mingw")
        shutil.copytree(MINGW, mingw)

        def write(name, data):
            with open(os.path.join(mingw, name), "wb") as f:
                f.write(data)

        write("trunc_err.h", b"#define TRUNC_E_ONE _HRESULT_TYPEDEF_(0x8000")
        write("parens_err.h", b"#define PAREN_E_ONE ((0x80001\n"
                              b"#define PAREN_E_TWO 0x80000002)\n"
                              b"#define PAREN_E_OK 0x80000003\n")
        write("comment_err.h", b"/* open comment\n#define CMT_E_OK 0x80000004\n")
        write("recur_err.h", b"#define REC_E_A REC_E_B\n#define REC_E_B REC_E_A\n")
        bomb = [b"#define BOMB0 1"] + [
            b"#define BOMB%d (BOMB%d + BOMB%d)" % (i, i - 1, i - 1)
            for i in range(1, 64)]
        write("bomb_err.h", b"\n".join(bomb) + b"\n#define BOMB_E_X BOMB63\n")
        write("latin_err.h", b"/* \xe9\xff */\n#define LATIN_E_OK 0x80000005\n")
        write("huge_err.h", b"#define HUGE_E_X " + b"1+" * (5 * 1024 * 1024)
              + b"1\n#define HUGE_E_OK 0x80000006\n")
        by, _ = generate(self.out(), mingw=mingw)
        for name, table in (("PAREN_E_OK", "parens_err.h"),
                            ("CMT_E_OK", "comment_err.h"),
                            ("LATIN_E_OK", "latin_err.h"),
                            ("HUGE_E_OK", "huge_err.h")):
            self.assertIn((name, table), by)
        for name in ("TRUNC_E_ONE", "PAREN_E_ONE", "PAREN_E_TWO", "REC_E_A",
                     "BOMB_E_X", "HUGE_E_X"):
            self.assertFalse([k for k in by if k[0] == name], name)
        text = report(self.out())
        for needle in (
                "mingw-w64 trunc_err.h:1: TRUNC_E_ONE: unterminated argument "
                "list of macro _HRESULT_TYPEDEF_",
                "mingw-w64 parens_err.h:1: PAREN_E_ONE: expected ')'",
                "mingw-w64 parens_err.h:2: PAREN_E_TWO: unexpected ')'",
                "mingw-w64 recur_err.h:1: REC_E_A: 'REC_E_A' is not defined",
                "mingw-w64 bomb_err.h:65: BOMB_E_X: the macros of this file "
                "expanded to more than",
                "mingw-w64 bomb_err.h:18: BOMB17: macro expansion exceeds",
                "mingw-w64 comment_err.h:1: unterminated /* comment"):
            self.assertIn(needle, text)
        self.assertRegex(text, r"mingw-w64 huge_err.h:1: line of \d+ bytes is "
                         r"longer than the limit of \d+; skipped")

    HOSTILE = (
        # (file, contents, what the report says about it)
        ("trunc_err.h", b"#define TRUNC_E_OK 0x80000001\n#define TRUNC_E_ONE "
         b"_HRESULT_TYPEDEF_(0x8000", "trunc_err.h:2: TRUNC_E_ONE: unterminated "
         "argument list of macro _HRESULT_TYPEDEF_"),
        ("parens_err.h", b"#define PAREN_E_ONE ((0x80001\n", "parens_err.h:1: "
         "PAREN_E_ONE: expected ')'"),
        ("comment_err.h", b"".join(b"/* c%d\n" % i for i in range(100000)),
         "comment_err.h:1: unterminated /* comment"),
        ("recur_err.h", b"#define REC_E_A REC_E_B\n#define REC_E_B REC_E_A\n",
         "recur_err.h:1: REC_E_A: 'REC_E_A' is not defined"),
        ("bomb_err.h", b"\n".join([b"#define BOMB0 1"] + [
            b"#define BOMB%d (BOMB%d + BOMB%d)" % (i, i - 1, i - 1)
            for i in range(1, 64)]) + b"\n#define BOMB_E_X BOMB63\n",
         "bomb_err.h:65: BOMB_E_X: the macros of this file expanded to more than"),
        ("latin_err.h", b"#define LATIN_E_X 0x8000\xff01\n",
         "latin_err.h:1: LATIN_E_X: not an integer literal"),
        ("huge_err.h", b"#define HUGE_E_X " + b"1+" * (5 << 20) + b"1\n",
         "huge_err.h:1: line of %d bytes is longer than the limit" % ((10 << 20) + 18)),
        ("cont_err.h", b"#define CONT_E_X 1 \\\n" * 50000,
         "cont_err.h:1: #define of "),
    )

    def test_each_hostile_header_alone(self):
        """Each hostile header, on its own, ends in a clear line of the
        report, without hanging, and the generation goes on."""
        for name, data, needle in self.HOSTILE:
            with self.subTest(name):
                mingw = os.path.join(self.tmp, "mingw-" + name)
                shutil.copytree(MINGW, mingw)
                with open(os.path.join(mingw, name), "wb") as f:
                    f.write(data)
                out = self.out("out-" + name)
                by, _ = generate(out, mingw=mingw)
                self.assertIn("mingw-w64 " + needle, report(out))
                self.assertIn(("ERROR_BAD_EXE_FORMAT", "winerror.h"), by)


if __name__ == "__main__":
    unittest.main()
