#!/usr/bin/env python3
"""Tests for the `err` command: err.exe's samples, every input form, the
output formats, and a catalogue of bad inputs.

    python3 tests/cli/run_cli_tests.py --err build/err [--wrapper "valgrind ..."]
        [-k SUBSTRING] [-v]

Golden files in tests/cli/golden/ come from ../shared/reference/err-exe.md
(see golden/README).  Where the exact output depends on the versions of the
packages the tables were generated from, a test checks the lines that
matter, in order, rather than the whole output.

Ends with "N passed, M failed" (and ", K skipped" when some were skipped);
the exit status is 1 when any test failed.
"""

import argparse
import csv
import html
import io
import json
import os
import random
import re
import shlex
import subprocess
import sys

import json_schema

import wine_loader  # noqa: F401  (under Wine only: see its docstring)

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden")
TESTS = []


class Skip(Exception):
    """Raised by a test that cannot run here; counted as skipped."""


def test(fn):
    TESTS.append(fn)
    return fn


class Err:
    """Runs the err binary, optionally under a wrapper such as valgrind."""

    def __init__(self, path, wrapper):
        self.path = path
        self.wrapper = shlex.split(wrapper) if wrapper else []
        self.timeout = 600 if wrapper else 60
        self._tables = None

    def run(self, *args, stdin=b""):
        argv = self.wrapper + [self.path] + [a if isinstance(a, bytes) else str(a) for a in args]
        p = subprocess.run(argv, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=self.timeout)
        if "--json" in argv[len(self.wrapper):] and "--help" not in argv:
            json_schema.record(p.stdout)
        return p.returncode, p.stdout, p.stderr

    def ok(self, *args, stdin=b"", rc=0):
        """Runs, expects exit status rc and an empty stderr; returns stdout text."""
        code, out, err = self.run(*args, stdin=stdin)
        if code != rc or err:
            raise AssertionError("err %s: exit %d (want %d), stderr %r" %
                                 (fmt_args(args), code, rc, err[:500]))
        return out.decode("utf-8", "replace")

    def lines(self, *args, **kw):
        return self.ok(*args, **kw).splitlines()

    def tables(self):
        """Table name -> entry count, from `err` with no arguments."""
        if self._tables is None:
            self._tables = {}
            for line in self.lines():
                m = re.match(r"^  (\S+) +(\d+)$", line)
                if m:
                    self._tables[m.group(1)] = int(m.group(2))
        return self._tables


def fmt_args(args):
    shown = []
    for a in args:
        a = a.decode("utf-8", "replace") if isinstance(a, bytes) else str(a)
        shown.append(repr(a[:60] + "..." if len(a) > 60 else a))
    return " ".join(shown)


def golden(name):
    with open(os.path.join(GOLDEN, name), encoding="utf-8") as f:
        return f.read().splitlines()


def match_line(name, table):
    return "  %-62s %s" % (name, table)


def assert_equal_lines(got, want, what):
    if got != want:
        diff = []
        for i in range(max(len(got), len(want))):
            g = got[i] if i < len(got) else "<missing>"
            w = want[i] if i < len(want) else "<missing>"
            if g != w:
                diff.append("  line %d:\n    got:  %r\n    want: %r" % (i + 1, g, w))
        raise AssertionError("%s differs from golden:\n%s" % (what, "\n".join(diff[:8])))


def assert_subsequence(got, want, what):
    """Every line of want appears in got, in this order."""
    i = 0
    for w in want:
        while i < len(got) and got[i] != w:
            i += 1
        if i == len(got):
            raise AssertionError("%s: line %r missing (or out of order) in:\n%s" %
                                 (what, w, "\n".join(got[:40])))
        i += 1


def names_in(lines):
    """(name, table) of every match line."""
    out = []
    for line in lines:
        m = re.match(r"^  (\S+) +(\S+)$", line)
        if m:
            out.append((m.group(1), m.group(2)))
    return out


def footer(lines):
    m = re.match(r'^# (\d+) matches found for "(.*)"$', lines[-1])
    if not m:
        raise AssertionError("no footer at the end: %r" % lines[-1:])
    return int(m.group(1)), m.group(2)


def has_sql(err):
    return "sql_err" in err.tables()


# ---- err.exe's samples ------------------------------------------------------

STRUCTURE = re.compile(r"^(  \S+ +\S+|# for |# as an |# No results found |# \S+ selected\.$)")


def blocks(lines):
    """(structural line, its text lines joined by blanks) for each line that
    is not message text; the footer is left out."""
    out = []
    for line in lines:
        if re.match(r"^# \d+ matches found for ", line):
            continue
        if STRUCTURE.match(line) or not out:
            out.append([line, []])
        else:
            out[-1][1].append(line[2:])
    return [(l, " ".join(" ".join(t).split())) for l, t in out]


def assert_sample(got, sample, what):
    """err.exe's sample, as far as our data can answer it: every line of the
    sample in its order (other matches may come between), each message text
    word for word (our sources may break its lines elsewhere), and a footer
    counting the matches printed."""
    mine = blocks(got)
    i = 0
    for line, text in blocks(sample):
        while i < len(mine) and mine[i][0] != line:
            i += 1
        if i == len(mine):
            raise AssertionError("%s: %r missing or out of order in:\n%s" %
                                 (what, line, "\n".join(got)))
        if text and mine[i][1] != text:
            raise AssertionError("%s: text of %r is\n  %r, want\n  %r" %
                                 (what, line.strip(), mine[i][1], text))
        i += 1
    n, arg = footer(got)
    assert n == len(names_in(got)), (what, n, len(names_in(got)))
    assert arg == footer(sample)[1], (what, arg)


@test
def sample_800700c1_founding_example(err):
    """The founding example, compared whole: the HRESULT line, then the
    matches of the Win32 code."""
    want = golden("800700c1-sql.txt" if has_sql(err) else "800700c1.txt")
    assert_equal_lines(err.lines("800700c1"), want, "err 800700c1")


@test
def sample_c000021a(err):
    assert_sample(err.lines("c000021a"), golden("c000021a.txt"), "err c000021a")


@test
def sample_negative_decimal(err):
    assert_sample(err.lines("-1073741701"), golden("neg-1073741701.txt"), "err -1073741701")


@test
def sample_two_tables_and_zero(err):
    got = err.lines("/winerror.h", "/ntstatus.h", "0")
    assert_sample(got, golden("tables-winerror-ntstatus-0.txt"), "err /winerror.h /ntstatus.h 0")
    assert got[:3] == golden("tables-winerror-ntstatus-0.txt")[:3], got[:3]
    assert {t for _, t in names_in(got)} == {"winerror.h", "ntstatus.h"}


@test
def sample_80070002_ambiguous(err):
    """Both readings of an all-digit argument: the decimal one finds nothing.
    err.exe prints a second HRESULT line naming FACILITY_NTWIN32 (the same
    number in ntstatus.h); we print the one HRESULT reading."""
    got = err.lines("80070002")
    assert_sample(got, golden("80070002.subseq.txt") + ['# 8 matches found for "80070002"'],
                  "err 80070002")


# ---- input forms ------------------------------------------------------------

def body(lines):
    """The lines of an answer without its footer and event-log offset lines."""
    return [l for l in lines if not l.startswith("# offset ") and
            not re.match(r"^# \d+ matches found for ", l)]


@test
def same_value_many_spellings(err):
    """Every way of writing 0x800700c1 gives the same answer."""
    want = body(err.lines("800700c1"))
    for form in ["0x800700c1", "0X800700C1", "0x800700c1L", "0x800700C1UL", "0x800700c1ul",
                 "HRESULT: 0x800700C1", "hr=0x800700c1", "hr = 0x800700c1", "Error 0x800700c1",
                 "(Exception from HRESULT: 0x800700C1)", "Exception from HRESULT: 0x800700C1",
                 "  0x800700c1  "]:
        got = err.lines(form)
        assert body(got) == want, "%r answers differently:\n%s" % (form, "\n".join(got))
        assert footer(got)[1] == form, footer(got)


@test
def negative_and_unsigned_decimal(err):
    """-2147024703 and 2147942593 are both 0x800700c1; decimal-first headers."""
    hexed = names_in(err.lines("800700c1"))
    for form, header in [("-2147024703", "# for decimal -2147024703 / hex 0x800700c1"),
                         ("2147942593", "# for decimal 2147942593 / hex 0x800700c1")]:
        got = err.lines(form)
        assert names_in(got) == hexed, (form, got)
        assert "# for decimal 193 / hex 0xc1" in got, got
        exact = err.lines("0x800700c1")
        if any(l.startswith("# for hex 0x800700c1") for l in exact):
            assert header in got, (form, got)


@test
def decimal_suffix_means_decimal(err):
    """1359L is a C decimal literal: one reading, decimal 1359 = 0x54f."""
    got = err.lines("1359L")
    assert "# for decimal 1359 / hex 0x54f" in got, got
    assert not any("0x1359" in l for l in got), got


@test
def ambiguous_digits_both_readings(err):
    """1359: decimal reading (0x54f, ERROR_INTERNAL_ERROR) first, then hex."""
    got = err.lines("1359")
    i = got.index("# for decimal 1359 / hex 0x54f")
    assert got[i + 1] == match_line("ERROR_INTERNAL_ERROR", "winerror.h"), got
    later = [l for l in got[i + 1:] if "0x1359" in l]
    assert later and later[0] in ("# for hex 0x1359 / decimal 4953",
                                  "# No results found for hex 0x1359 / decimal 4953"), got


@test
def single_digit_one_reading(err):
    """Digits reading the same in both bases give one reading, hex first."""
    got = err.lines("5")
    assert got[0] == "# for hex 0x5 / decimal 5", got
    assert sum(1 for l in got if l.startswith("# for ")) == 1, got


@test
def implicit_hex(err):
    got = err.lines("54f")
    assert got[0] == "# for hex 0x54f / decimal 1359", got
    assert match_line("ERROR_INTERNAL_ERROR", "winerror.h") in got, got


@test
def exact_name(err):
    got = err.lines("=ERROR_INTERNAL_ERROR")
    assert got[0] == "# for hex 0x54f / decimal 1359", got
    assert got[1] == match_line("ERROR_INTERNAL_ERROR", "winerror.h"), got
    assert got[2] == "# An internal error occurred.", got
    assert all(n == "ERROR_INTERNAL_ERROR" for n, _ in names_in(got)), got
    assert footer(got) == (len(names_in(got)), "=ERROR_INTERNAL_ERROR")


@test
def exact_name_ignores_case(err):
    assert names_in(err.lines("=error_internal_error")) == \
        names_in(err.lines("=ERROR_INTERNAL_ERROR"))


@test
def bare_name(err):
    """A word that cannot be hex is an exact name."""
    for name, value in [("E_FAIL", "0x80004005"), ("STATUS_ACCESS_VIOLATION", "0xc0000005"),
                        ("ERROR_ACCESS_DENIED", "0x5")]:
        got = err.lines(name)
        assert got[0].startswith("# for hex %s / decimal " % value), got
        assert (name, "winerror.h" if not name.startswith("STATUS") else "ntstatus.h") \
            in names_in(got), got
        assert footer(got)[1] == name


@test
def substring(err):
    got = err.lines(":INTERNAL_ERROR")
    found = names_in(got)
    assert ("ERROR_INTERNAL_ERROR", "winerror.h") in found, got
    assert all("INTERNAL_ERROR" in n.upper() for n, _ in found), found
    assert footer(got) == (len(found), ":INTERNAL_ERROR")
    # every match sits under a header naming its value
    headers = [l for l in got if l.startswith("# for hex ")]
    assert headers, got
    # table, then name order
    order = [(t.lower(), n) for n, t in found]
    assert order == sorted(order), found


@test
def hresult_from_nt(err):
    """0xD0000022 is STATUS_ACCESS_DENIED with the N bit set (err.exe misses it)."""
    got = err.lines("0xD0000022")
    i = got.index("# as an HRESULT_FROM_NT: the NTSTATUS 0xc0000022")
    assert got[i + 1] == "# for hex 0xc0000022 / decimal -1073741790", got
    assert got[i + 2] == match_line("STATUS_ACCESS_DENIED", "ntstatus.h"), got


@test
def ntwin32_status(err):
    """0xC0070005: an NTSTATUS carrying Win32 error 5 (FACILITY_NTWIN32)."""
    got = err.lines("0xC0070005")
    i = got.index("# as an NTSTATUS: Severity: STATUS_SEVERITY_ERROR (3), "
                  "FACILITY_NTWIN32 (0x7), Code 0x5")
    assert got[i + 1] == "# for hex 0x5 / decimal 5", got
    assert match_line("ERROR_ACCESS_DENIED", "winerror.h") in got[i + 2:], got


@test
def hresult_from_nt_of_ntwin32_status(err):
    """0xD0070005 is HRESULT_FROM_NT(0xC0070005), a FACILITY_NTWIN32 status
    carrying Win32 error 5: the status has no entry of its own, so its
    HRESULT_FROM_NT line is left out and the Win32 code's entries follow."""
    got = err.lines("0xD0070005")
    assert not any(l.startswith("# as an HRESULT_FROM_NT") for l in got), got
    assert got[0] == ("# as an NTSTATUS: Severity: STATUS_SEVERITY_ERROR (3), "
                      "FACILITY_NTWIN32 (0x7), Code 0x5"), got
    assert got[1] == "# for hex 0x5 / decimal 5", got
    assert ("ERROR_ACCESS_DENIED", "winerror.h") in names_in(got), got
    rel = {m["name"]: m["relation"] for r in json.loads(err.ok("--json", "0xD0070005"))["readings"]
           for m in r["matches"]}
    assert rel["ERROR_ACCESS_DENIED"] == "win32-from-ntstatus", rel


@test
def unnamed_facility_by_number(err):
    """A facility no header names is shown by its number."""
    got = err.lines("0x87fe0001")
    assert got[0] == "# as an HRESULT: Severity: FAILURE (1), Facility: 0x7fe, Code 0x1", got
    assert got[1] == "# for hex 0x1 / decimal 1", got
    assert ("ERROR_INVALID_FUNCTION", "winerror.h") in names_in(got), got


@test
def several_values_in_turn(err):
    a, b = err.lines("800700c1"), err.lines("c000021a")
    assert err.lines("800700c1", "c000021a") == a + b
    # the second answer of a repeated query comes from the formatted-entry cache
    once = err.lines(":STATUS_")
    assert err.lines(":STATUS_", ":STATUS_") == once + once


@test
def not_found_exit_1(err):
    got = err.lines("=NO_SUCH_ERROR_NAME_ANYWHERE", rc=1)
    assert got == ['# 0 matches found for "=NO_SUCH_ERROR_NAME_ANYWHERE"'], got
    got = err.lines("800700c1", "=NO_SUCH_ERROR_NAME_ANYWHERE", rc=1)
    assert footer(err.lines("800700c1"))[0] > 0


@test
def no_results_line(err):
    """A reading without hits prints err.exe's "No results" line."""
    got = err.lines("0x7ffffffe", rc=1)
    assert got == ["# No results found for hex 0x7ffffffe / decimal 2147483646",
                   '# 0 matches found for "0x7ffffffe"'], got


@test
def table_selection(err):
    got = err.lines("/winerror.h", "5")
    assert got[0] == "# winerror.h selected.", got
    assert names_in(got) and all(t == "winerror.h" for _, t in names_in(got)), got
    got = err.lines("/WINERROR.H", "/winerror.h", "5")
    assert got[0] == "# winerror.h selected." and got[1] != got[0], got


@test
def strict_drops_low_word_guess(err):
    """c000021a's low word is not a Win32 code: --strict drops ERROR_ABIOS_ERROR."""
    got = err.lines("--strict", "c000021a")
    assert ("STATUS_SYSTEM_PROCESS_TERMINATED", "ntstatus.h") in names_in(got), got
    assert ("ERROR_ABIOS_ERROR", "winerror.h") not in names_in(got), got
    assert not any(l.startswith("# as an HRESULT") for l in got), got


@test
def strict_keeps_win32_of_hresult(err):
    """800700c1 --strict: only Win32 entries for code 0xc1."""
    got = err.lines("800700c1", "--strict")
    assert names_in(got) == [("ERROR_BAD_EXE_FORMAT", "winerror.h")], got
    assert got[0].startswith("# as an HRESULT: Severity: FAILURE (1), FACILITY_WIN32 (0x7)")


@test
def strict_hresult_from_nt(err):
    """--strict 0xD0000022: the NTSTATUS inside, no low-word guess (0x22)."""
    got = err.lines("--strict", "0xD0000022")
    assert ("STATUS_ACCESS_DENIED", "ntstatus.h") in names_in(got), got
    obj = json.loads(err.ok("--strict", "--json", "0xD0000022"))
    rels = {m["relation"] for r in obj["readings"] for m in r["matches"]}
    assert rels <= {"exact", "ntstatus-from-hresult"}, rels
    kinds = {m["kind"] for r in obj["readings"] for m in r["matches"]
             if m["relation"] == "ntstatus-from-hresult"}
    assert kinds == {"ntstatus"}, kinds


# ---- event-log data ---------------------------------------------------------

EVENT_BYTES = "0000: c1 00 07 80               \u00c1..?"


@test
def eventlog_forms(err):
    """Event Viewer's bytes and words views and wevtutil's hex string all
    read as the DWORD 0x800700c1 at offset 0."""
    want = body(err.lines("800700c1"))
    for args in [[EVENT_BYTES], ["c1 00 07 80"], ["0000: 800700c1"], ["--bytes", "C1000780"],
                 ["--bytes=c1000780"], ["<Binary>C1000780</Binary>"],
                 ["0000: c1 00 07 80 \u00c1..?"]]:
        got = err.lines(*args)
        assert got[0] == "# offset 0000: 0x800700c1", (args, got)
        assert body(got) == want, (args, got)
        typed = args[-1][len("--bytes="):] if args[-1].startswith("--bytes=") else args[-1]
        assert footer(got)[1] == typed, footer(got)


@test
def eventlog_several_dwords(err):
    """A pasted Data: block: several lines, DWORDs labelled by offset."""
    block = ("Data:\n0000: 00 00 00 00 02 00 00 00   ........\n"
             "0008: c1 00 07 80               \u00c1..?\n")
    got = err.lines(block)
    offsets = [l for l in got if l.startswith("# offset ")]
    assert offsets == ["# offset 0000: 0x00000000", "# offset 0004: 0x00000002",
                       "# offset 0008: 0x800700c1"], got
    i = got.index("# offset 0004: 0x00000002")
    assert got[i + 1] == "# for hex 0x2 / decimal 2", got
    assert footer(got)[1] == block.replace("\n", "\\x0a"), footer(got)


@test
def eventlog_big_argument(err):
    """10,000 DWORDs in one argument (120 KB, near Linux's limit for one)."""
    arg = "0000: " + "c1 00 07 80 " * 10000
    got = err.lines(arg)
    offsets = [l for l in got if l.startswith("# offset ")]
    assert len(offsets) == 10000 and offsets[-1] == "# offset 9c3c: 0x800700c1", offsets[-1:]
    assert footer(got) == (10000 * footer(err.lines("800700c1"))[0], arg)


@test
def eventlog_last_dword_at_top(err):
    """The highest offset a DWORD can have still decodes."""
    got = err.lines("  Data:  \nfffffffc: c1 00 07 80")
    assert got[0] == "# offset fffffffc: 0x800700c1", got


@test
def eventlog_words_view_two_dwords(err):
    got = err.lines("0000: 800700c1 c000021a")
    assert [l for l in got if l.startswith("# offset ")] == \
        ["# offset 0000: 0x800700c1", "# offset 0004: 0xc000021a"], got
    assert ("STATUS_SYSTEM_PROCESS_TERMINATED", "ntstatus.h") in names_in(got)


@test
def eventlog_both_views_pasted(err):
    """Event Viewer's whole Data: block, bytes view and words view: each view
    starts again at its own offset 0000 and reads the same DWORDs."""
    block = ("Data:\n  In Bytes  \n\n0000: c1 00 07 80 05 00 00 00   \u00c1..?....\n\n"
             "In Words\n\n0000: 800700c1 00000005\n")
    got = err.lines(block)
    offsets = [l for l in got if l.startswith("# offset ")]
    assert offsets == ["# offset 0000: 0x800700c1", "# offset 0004: 0x00000005"] * 2, got


@test
def bytes_string_blanks_around(err):
    """--bytes takes the string with the blanks and newline a copy brings."""
    got = err.lines("--bytes", " C1000780 \n")
    assert got[0] == "# offset 0000: 0x800700c1", got
    assert footer(got) == (footer(err.lines("800700c1"))[0], " C1000780 \\x0a"), footer(got)


@test
def eventlog_indented_lines(err):
    """Lines indented by the paste still read, their labels checked."""
    got = err.lines("Data:\n   0000: c1 00 07 80\n   0004: 05 00 00 00")
    assert [l for l in got if l.startswith("# offset ")] == \
        ["# offset 0000: 0x800700c1", "# offset 0004: 0x00000005"], got


# ---- standard input ---------------------------------------------------------

@test
def stdin_values(err):
    """`-`: several values per line, each answered in turn, as arguments are."""
    want = err.lines("800700c1", "c000021a", "-1073741701", "=E_FAIL")
    got = err.lines("-", stdin=b"800700c1 c000021a\n\n  -1073741701\t=E_FAIL\r\n")
    assert got == want, got


@test
def stdin_phrases_whole_lines(err):
    """A line with an offset label or a keyword is one input, not words."""
    want = err.lines("HRESULT: 0x80070005", "0000: c1 00 07 80   ab")
    got = err.lines("-", stdin=b"  HRESULT: 0x80070005\t\n0000: c1 00 07 80   ab")
    assert got == want, got


@test
def stdin_between_arguments(err):
    want = err.lines("5", "800700c1", "c000021a")
    assert err.lines("5", "-", "c000021a", stdin=b"800700c1\n") == want


@test
def stdin_long_line(err):
    """A 2 MB line of values is read whole."""
    n = 200000
    out = err.ok("-", stdin=b"0x5 " * n + b"\n")
    assert out.count('# ') >= n and out.count('matches found for "0x5"') == n


@test
def stdin_bad_token_keeps_going(err):
    code, out, e = err.run("-", stdin=b"5\nzz! 0x5\n0x1ffffffff\n")
    lines = e.decode().splitlines()
    assert code == 2, code
    assert lines == ["err: stdin line 2: 'zz!' is not a number, a name or event-log data",
                     "err: stdin line 3: '0x1ffffffff' does not fit in 32 bits"], lines
    assert out.decode().count("matches found for") == 2


@test
def stdin_binary_garbage(err):
    """Random bytes: errors, no crash, and the good values still answered."""
    rnd = random.Random(4)
    garbage = bytes(rnd.randrange(256) for _ in range(20000))
    code, out, e = err.run("-", stdin=garbage + b"\n0x5\n")
    assert code == 2, code
    assert out.endswith(b'matches found for "0x5"\n'), out[-200:]
    for line in e.decode("utf-8", "replace").splitlines():
        assert line.startswith("err: stdin line "), line


@test
def stdin_empty(err):
    assert err.ok("-", stdin=b"", rc=1) == ""


@test
def stdin_unreadable(err):
    """Standard input that cannot be read (a directory) is exit 2 and one line."""
    d = os.open(HERE, os.O_RDONLY)
    try:
        p = subprocess.run(err.wrapper + [err.path, "-"], stdin=d, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=err.timeout)
    finally:
        os.close(d)
    assert p.returncode == 2, p.returncode
    assert p.stderr.decode().splitlines() == \
        ["err: standard input could not be read: Is a directory"], p.stderr
    assert p.stdout == b"", p.stdout


def overlong_then_more(err, size):
    """A line of `size` bytes (over the 16 MiB limit), then two short lines:
    the long one is reported and skipped, the others answered in order with
    their own line numbers."""
    data = (b"5 " * (size // 2 + 1))[:size] + b"\n0x5\nzz!\n"
    code, out, e = err.run("-", stdin=data)
    lines = e.decode().splitlines()
    assert code == 2, code
    assert len(lines) == 2, lines
    assert re.match(r"^err: stdin line 1: '(5 )+5?\.\.\.' starts a line longer than 16 MiB, "
                    r"not read$", lines[0]), lines[0]
    assert lines[1] == "err: stdin line 3: 'zz!' is not a number, a name or event-log data", lines
    assert out.decode().count("matches found for") == 1 and out.endswith(b'found for "0x5"\n'), \
        out[-200:]


@test
def stdin_overlong_line_then_more(err):
    overlong_then_more(err, 17 * MB)           # the limit passed before its newline comes
    overlong_then_more(err, 16 * MB + 10)      # the limit passed in the piece ending it


@test
def stdin_terminal_output_answers_each_line(err):
    """With a terminal on standard output, each line read is answered at
    once, not when standard input ends."""
    import pty
    import select
    master, slave = pty.openpty()
    p = subprocess.Popen(err.wrapper + [err.path, "-"], stdin=subprocess.PIPE, stdout=slave,
                         stderr=subprocess.PIPE)
    os.close(slave)
    got = b""
    try:
        p.stdin.write(b"800700c1\n")
        p.stdin.flush()
        while b'found for "800700c1"' not in got:
            ready, _, _ = select.select([master], [], [], err.timeout)
            if not ready:
                break
            try:
                got += os.read(master, 65536)
            except OSError:  # EIO: the program is gone
                break
        assert b'matches found for "800700c1"' in got and p.poll() is None, got[-300:]
    finally:
        p.stdin.close()
        p.wait(timeout=err.timeout)
        os.close(master)
        p.stderr.close()
    assert p.returncode == 0, p.returncode


# ---- --json -----------------------------------------------------------------

def json_lines(text):
    return [json.loads(l) for l in text.splitlines()]


@test
def json_founding_example(err):
    objs = json_lines(err.ok("--json", "800700c1"))
    assert len(objs) == 1
    o = objs[0]
    assert o["input"] == "800700c1" and o["form"] == "hex", o
    r = o["readings"][0]
    assert r["value"] == 0x800700C1 and r["hex"] == "0x800700c1" and r["signed"] == -2147024703
    h = r["hresult"]
    assert (h["severity"], h["facility"], h["facility_name"], h["code"]) == \
        (1, 7, "FACILITY_WIN32", 0xC1), h
    assert r["ntstatus"]["facility_name"] == "FACILITY_NTWIN32", r["ntstatus"]
    m = [x for x in r["matches"] if x["name"] == "ERROR_BAD_EXE_FORMAT"]
    assert m and m[0] == {"name": "ERROR_BAD_EXE_FORMAT", "value": 193, "hex": "0xc1",
                          "table": "winerror.h",
                          "text": "%1 is not a valid Win32 application.", "kind": "win32",
                          "relation": "win32-from-hresult",
                          "shown_as": "HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)"}, m
    # a bug check sharing the number is not wrapped: it is no Win32 code
    m = [x for x in r["matches"] if x["name"] == "SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION"]
    assert m and m[0]["shown_as"] == m[0]["name"], m
    assert o["found"] == sum(len(r["matches"]) for r in o["readings"])
    # the same matches as the text output, in the same order
    assert [(x["name"], x["table"]) for x in r["matches"]] == names_in(err.lines("800700c1"))


@test
def json_relations(err):
    rel = {}
    for o in json_lines(err.ok("--json", "c000021a", "0xD0000022", "0xC0070005", "=E_FAIL",
                               ":INTERNAL_ERROR")):
        rel[o["input"]] = {m["name"]: m["relation"] for r in o["readings"] for m in r["matches"]}
    assert rel["c000021a"]["STATUS_SYSTEM_PROCESS_TERMINATED"] == "exact"
    assert rel["c000021a"]["ERROR_ABIOS_ERROR"] == "low-word"
    assert rel["0xD0000022"]["STATUS_ACCESS_DENIED"] == "ntstatus-from-hresult"
    assert rel["0xC0070005"]["ERROR_ACCESS_DENIED"] == "win32-from-ntstatus"
    assert rel["=E_FAIL"] == {"E_FAIL": "name"}, rel["=E_FAIL"]
    assert set(rel[":INTERNAL_ERROR"].values()) == {"substring"}


@test
def json_ambiguous_and_eventlog(err):
    o = json.loads(err.ok("--json", "80070002"))
    assert o["form"] == "ambiguous"
    assert [(r["value"], r["base"]) for r in o["readings"]] == \
        [(80070002, "decimal"), (0x80070002, "hex")], o["readings"]
    assert o["readings"][0]["matches"] == []
    o = json.loads(err.ok("--json", "0000: 00 00 00 00 c1 00 07 80"))
    assert o["form"] == "eventlog"
    assert [(r["offset"], r["value"]) for r in o["readings"]] == [(0, 0), (4, 0x800700C1)]


@test
def json_escaping(err):
    """Control characters and invalid UTF-8 in the input still give valid
    JSON; a bad input on stdin is an object with an "error"."""
    raw = b"zz\x01\x7f\"\\\xff\xc3\x81\xed\xa0\x80 5\n"
    code, out, e = err.run("--json", "-", stdin=raw)
    assert code == 2 and len(e.decode("utf-8", "replace").splitlines()) == 1, (code, e)
    out.decode("utf-8")  # strictly valid UTF-8
    objs = json_lines(out.decode("utf-8"))
    assert objs[0]["input"] == "zz\x01\x7f\"\\\ufffd\u00c1\ufffd\ufffd\ufffd", objs[0]
    assert "error" in objs[0] and objs[1]["input"] == "5", objs


@test
def json_escapes_every_byte(err):
    """Four-byte UTF-8 kept; a cut sequence or a bad continuation byte each
    become U+FFFD; CR, LF and tab in an argument escaped."""
    code, out, e = err.run("--json", "-", stdin=b"\xf0\x9f\x98\x80\nab\xe2\x82\nab\xc3A\n")
    inputs = [o["input"] for o in json_lines(out.decode("utf-8"))]
    assert code == 2 and inputs == ["\U0001f600", "ab\ufffd\ufffd", "ab\ufffdA"], inputs
    arg = b"Data:\r\n0000: c1 00 07 80\t\xc1..?"
    text = err.ok("--json", arg)
    assert '"input":"Data:\\r\\n0000: c1 00 07 80\\t\\ufffd..?"' in text, text[:120]
    assert json.loads(text)["input"] == "Data:\r\n0000: c1 00 07 80\t\ufffd..?"


@test
def json_not_found(err):
    o = json.loads(err.ok("--json", "0x7ffffffe", rc=1))
    assert o["found"] == 0 and o["readings"][0]["matches"] == [], o


# ---- --csv ------------------------------------------------------------------

def parse_csv(text):
    return list(csv.reader(io.StringIO(text, newline="")))


@test
def csv_dump(err):
    for args in [["--csv"], ["/:outputtoCSV"], ["/:OUTPUTTOCSV"]]:
        text = err.ok(*args)
        rows = parse_csv(text)
        assert rows[0] == ["HexID", "SymbolicName", "Description", "Source"], rows[0]
        assert len(rows) - 1 == sum(err.tables().values()), (len(rows), err.tables())
        assert all(len(r) == 4 for r in rows), [r for r in rows if len(r) != 4][:3]
        assert ["0xc1", "ERROR_BAD_EXE_FORMAT", "%1 is not a valid Win32 application.",
                "winerror.h"] in rows
        assert all(re.match(r"^0x(0|[1-9a-f][0-9a-f]{0,7})$", r[0]) for r in rows[1:]), \
            [r[0] for r in rows[1:] if not re.match(r"^0x[0-9a-f]+$", r[0])][:5]
        # one physical line per row: newlines and commas are references
        assert text.count("\n") == len(rows), "a row spans lines"
        assert all("," not in r[2] and "'" not in r[2] for r in rows[1:])


@test
def csv_round_trips_texts(err):
    """Decoding the references gives back each text exactly ("N/A" = none)."""
    rows = parse_csv(err.ok("--csv"))[1:]
    entries = json_lines(err.ok("--json", "-l"))
    assert len(rows) == len(entries)
    for row, e in zip(rows, entries):
        assert row[1] == e["name"] and row[3] == e["table"] and int(row[0], 16) == e["value"]
        text = e["text"] if e["text"] else "N/A"
        assert html.unescape(row[2]) == text, (row, e)
    texts = " ".join(r[2] for r in rows)
    plain = " ".join(e["text"] or "" for e in entries)
    for ch, ref in ((",", "&#44;"), ("\n", "&#10;"), ("'", "&apos;")):
        assert (ch in plain) == (ref in texts), (ch, ref)


@test
def csv_respects_tables(err):
    rows = parse_csv(err.ok("/ntstatus.h", "--csv"))[1:]
    assert rows and {r[3] for r in rows} == {"ntstatus.h"}
    assert len(rows) == err.tables()["ntstatus.h"]


# ---- -l, -s, no arguments, --help, --version --------------------------------

@test
def list_all(err):
    lines = err.lines("-l")
    assert len(lines) == sum(err.tables().values())
    assert "ERROR_BAD_EXE_FORMAT 0xc1 winerror.h %1 is not a valid Win32 application." in lines
    assert all(re.match(r"^\S+ 0x[0-9a-f]+ \S+( .+)?$", l) for l in lines), \
        [l for l in lines if not re.match(r"^\S+ 0x[0-9a-f]+ \S+( .+)?$", l)][:3]
    assert err.lines("--list") == lines


@test
def search_words(err):
    lines = err.lines("-s", "not", "a", "valid", "WIN32", "application")
    assert "ERROR_BAD_EXE_FORMAT 0xc1 winerror.h %1 is not a valid Win32 application." in lines
    for o in json_lines(err.ok("--json", "--search", "access", "denied")):
        t = o["text"].lower()
        assert "access" in t and "denied" in t, o
    assert err.ok("-s", "zzqqxxnotawordanywhere", rc=1) == ""


@test
def no_arguments_lists_tables(err):
    lines = err.lines()
    assert re.match(r"^# winerr \S+: \d+ tables, \d+ entries", lines[0]), lines[0]
    t = err.tables()
    assert {"winerror.h", "ntstatus.h", "bugcodes.h"} <= set(t), t
    assert len(t) == len(lines) - 1
    n = re.match(r"^# winerr \S+: (\d+) tables, (\d+) entries", lines[0])
    assert (int(n.group(1)), int(n.group(2))) == (len(t), sum(t.values()))


@test
def tables_selected_without_values(err):
    lines = err.lines("/ntstatus.h", "/winerror.h")
    assert lines[:2] == ["# ntstatus.h selected.", "# winerror.h selected."], lines
    t = err.tables()
    assert lines[2] == "# winerr %s: 2 tables, %d entries (err --help for usage)" % (
        err.ok("--version").split()[-1], t["ntstatus.h"] + t["winerror.h"]), lines[2]
    assert lines[3:] == ["  %-62s %d" % (n, t[n]) for n in ("ntstatus.h", "winerror.h")]


@test
def help_and_version(err):
    for flag in ("-h", "--help", "/?"):
        out = err.ok(flag)
        assert out.startswith("Usage: err ") and "--strict" in out and "Exit status" in out
    assert re.match(r"^err \(winerr\) \d+\.\d+\.\d+\n$", err.ok("--version"))


@test
def text_wrapping(err):
    """Message lines hold at most 59 characters of text."""
    for line in err.lines(":STATUS_"):
        if line.startswith("# ") and not re.match(
                r"^# (for |as an |offset |\d+ matches found|No results)", line):
            assert len(line) - 2 <= 59, line


@test
def write_error_is_reported(err):
    """Output that cannot be written is an error, not a silent success."""
    if not os.path.exists("/dev/full"):
        raise Skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        p = subprocess.run(err.wrapper + [err.path, "-l"], stdout=full, stderr=subprocess.PIPE,
                           timeout=err.timeout)
    lines = p.stderr.decode().splitlines()
    assert p.returncode == 2 and lines == \
        ["err: standard output could not be written: No space left on device"], \
        (p.returncode, lines)


@test
def dashdash_protects_values(err):
    assert err.lines("--", "-1073741701") == err.lines("-1073741701")


@test
def annotate_only_as_an_option(err):
    """--annotate after "--", among the words of -s or as the value of
    --bytes is an argument like any other, not the switch to annotate."""
    code, out, e = err.run("--", "--annotate", stdin=b"error 5\n")
    assert (code, out) == (2, b"") and e.decode().splitlines() == \
        ["err: '--annotate' is not a number, a name or event-log data"], (code, out, e)
    code, out, e = err.run("--bytes", "--annotate", stdin=b"error 5\n")
    assert (code, out) == (2, b"") and e.decode().splitlines() == \
        ["err: '--annotate' has '--an' where a hex digit belongs"], (code, out, e)
    assert err.ok("-s", "--annotate", stdin=b"error 5\n", rc=1) == ""
    assert err.ok("-s", "access", "--annotate", stdin=b"error 5\n", rc=1) == ""
    # before "--" it still switches, and what follows "--" is its file
    code, out, e = err.run("--json", "--annotate", "--", "--annotate")
    assert code == 2 and b"'--annotate' could not be opened" in e, (code, e)


# ---- issue 15: the edge cases a hostile tester found ---------------------------

@test
def defect1_nul_in_token_is_never_a_number(err):
    """A token with a NUL inside is not a number, whatever follows the NUL
    (a tail of three bytes or fewer once passed the C-suffix check)."""
    for token in (b"5\x00g", b"0x80070005\x00ff", b"5\x00", b"0x5\x00u", b"12\x00ul"):
        code, out, e = err.run("-", stdin=token + b"\n")
        lines = e.decode("utf-8", "replace").splitlines()
        assert code == 2 and out == b"" and len(lines) == 1 and "is not a number" in lines[0], \
            (token, code, out[:200], lines)
    code, out, e = err.run("--json", "-", stdin=b"0x80070005\x00ff\n")
    assert code == 2 and "error" in json.loads(out), (code, out)


@test
def defect2_utf8_bom_skipped(err):
    """A UTF-8 byte-order mark at the start of input is skipped: on standard
    input, at the start of an argument, and by --annotate."""
    want = err.lines("0x80070005")
    assert err.lines("-", stdin=b"\xef\xbb\xbf0x80070005\n") == want
    assert err.lines("-", stdin=b"\xef\xbb\xbf0x80070005 5\r\n")[:len(want)] == want
    got = err.lines(b"\xef\xbb\xbf0x80070005")
    assert got == want, got[-1:]
    # only at the start: a BOM inside a line is an error as before
    code, _, e = err.run("-", stdin=b"5\n\xef\xbb\xbf0x80070005\n")
    assert code == 2 and b"stdin line 2" in e, (code, e)
    p = subprocess.run(err.wrapper + [err.path, "--annotate", "--json"],
                       input=b"\xef\xbb\xbfhr=0x80070005\n", stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=err.timeout)
    json_schema.record(p.stdout)
    o = json.loads(p.stdout)
    assert p.returncode == 0 and o["column"] == 4 and o["match"] == "0x80070005", o


@test
def defect3_json_conflicts_and_table_list(err):
    """--json with --csv (or /:outputtoCSV) is a usage error; --json alone
    lists the tables as JSON."""
    for args in (["--json", "--csv"], ["--csv", "--json"], ["/:outputtoCSV", "--json"]):
        code, out, e = err.run(*args)
        lines = e.decode().splitlines()
        assert code == 2 and out == b"" and len(lines) == 1 and \
            "cannot be combined" in lines[0], (args, code, lines)
    objs = json_lines(err.ok("--json"))
    assert {o["table"]: o["entries"] for o in objs} == err.tables(), objs[:3]
    objs = json_lines(err.ok("--json", "/winerror.h"))
    assert [o["table"] for o in objs] == ["winerror.h"], objs


def _io(err, args, **kw):
    p = subprocess.run(err.wrapper + [err.path] + args, stdout=kw.get("stdout", subprocess.PIPE),
                       stdin=kw.get("stdin", subprocess.DEVNULL), stderr=subprocess.PIPE,
                       timeout=err.timeout)
    return p.returncode, p.stderr.decode().splitlines()


@test
def defect4_io_errors_give_the_reason(err):
    """Every I/O error names the reason (strerror), the same way for err and
    err --annotate."""
    if not os.path.exists("/dev/full"):
        raise Skip("no /dev/full here")
    full_msg = ["err: standard output could not be written: No space left on device"]
    for args in (["5"], ["--json", "5"], ["-l"], ["--annotate"], ["--annotate", "--json"]):
        with open("/dev/full", "wb") as full, open(os.devnull, "rb") as null:
            stdin = null
            if args[0] == "--annotate":
                stdin = subprocess.PIPE
            p = subprocess.run(err.wrapper + [err.path] + args, stdout=full, stderr=subprocess.PIPE,
                               input=b"hr=0x80070005\n" if stdin == subprocess.PIPE else None,
                               stdin=None if stdin == subprocess.PIPE else stdin,
                               timeout=err.timeout)
        assert (p.returncode, p.stderr.decode().splitlines()) == (2, full_msg), (args, p.returncode,
                                                                                 p.stderr)
    dir_msg = ["err: standard input could not be read: Is a directory"]
    for args in (["-"], ["--annotate"], ["--annotate", "-"]):
        d = os.open(HERE, os.O_RDONLY)
        try:
            got = _io(err, args, stdin=d)
        finally:
            os.close(d)
        assert got == (2, dir_msg), (args, got)
    missing = os.path.join(HERE, "no-such-file.log")
    assert _io(err, ["--annotate", missing]) == (
        2, ["err: '%s' could not be opened: No such file or directory" % missing])
    assert _io(err, ["--annotate", HERE]) == (
        2, ["err: '%s' could not be read: Is a directory" % HERE])


@test
def defect5_annotate_stdin_twice(err):
    """err --annotate - - is the usage error err - - is."""
    for args in (["-", "-"], ["--annotate", "-", "-"], ["--annotate", "-", "--", "-"]):
        code, out, e = err.run(*args, stdin=b"error 5\n")
        assert code == 2 and out == b"" and \
            e.decode().splitlines() == ["err: '-' names standard input twice"], (args, code, e)


@test
def defect7_nbsp_trimmed(err):
    """A non-breaking space (U+00A0) around or between codes is a blank."""
    nb = "\u00a0".encode()
    want = err.lines("0x80070005")
    for arg in (nb + b"0x80070005" + nb, b" " + nb + b"0x80070005", b"HRESULT:" + nb + b"0x80070005"):
        got = err.lines(arg)
        assert body(got) == body(want) and footer(got)[0] == footer(want)[0], (arg, got[-1:])
    assert err.lines("-", stdin=nb + b"0x80070005" + nb + b"\n") == want
    two = err.lines("-", stdin=b"0x80070005" + nb + b"5\n")
    assert two[:len(want)] == want and footer(two)[1] == "5", two[-1:]


@test
def defect9_empty_input(err):
    """Standard input with no values (empty, or only blank lines) answers
    nothing and exits 1, as an input that matched nothing does; --annotate
    likewise."""
    for data in (b"", b"\n\n", b"  \t\r\n", b"\xef\xbb\xbf"):
        code, out, e = err.run("-", stdin=data)
        assert (code, out, e) == (1, b"", b""), (data, code, out, e)
        code, out, e = err.run("--json", "-", stdin=data)
        assert (code, out, e) == (1, b"", b""), (data, code, out, e)
    code, out, e = err.run("5", "-", stdin=b"")
    assert code == 1 and e == b"" and out.endswith(b'matches found for "5"\n'), (code, e)
    code, out, e = err.run("--annotate", stdin=b"")
    assert (code, out, e) == (1, b"", b""), (code, out, e)


# ---- bad inputs: exit status 2 and one line on stderr -------------------------

MB = 1 << 20
# Linux limits one argument to 128 KiB (MAX_ARG_STRLEN); the 1 MB cases go
# through standard input, which feeds the same parser.
ARG_MAX_ONE = 128 * 1024 - 1
_rnd = random.Random(7)
GARBAGE = bytes(_rnd.randrange(1, 256) for _ in range(4096)).replace(b" ", b"!") \
    .replace(b"\t", b"!").replace(b"\n", b"!").replace(b"\r", b"!") \
    .replace(b"\v", b"!").replace(b"\f", b"!")

# (arguments, stdin or None, stderr regex)
BAD = [
    ([""], None, r"^err: '' is empty$"),
    (["   "], None, r"^err: '   ' is blank$"),
    (["0x"], None, r"^err: '0x' has no digits after 0x$"),
    (["--"], None, r"^err: '--' must be followed by the values it protects$"),
    (["0x1ffffffff"], None, r"^err: '0x1ffffffff' does not fit in 32 bits$"),
    (["fffffffff"], None, r"^err: 'fffffffff' does not fit in 32 bits$"),
    (["4294967296"], None, r"^err: '4294967296' does not fit in 32 bits$"),
    (["99999999999999999999999"], None, r"^err: '9+' does not fit in 32 bits$"),
    (["-2147483649"], None, r"^err: '-2147483649' does not fit in 32 bits$"),
    (["0xg"], None, r"^err: '0xg' is not a valid hex number$"),
    (["0x5LUL"], None, r"^err: '0x5LUL' is not a valid hex number$"),
    (["0x80070005,"], None, r"^err: '0x80070005,' is not a valid hex number$"),
    (["-0x5"], None, r"^err: '-0x5' is a negative number that is not decimal$"),
    (["-5x"], None, r"^err: '-5x' is not a valid decimal number$"),
    (["54fL"], None, r"^err: '54fL' is not a number, a name or event-log data$"),
    (["abc-def"], None, r"^err: 'abc-def' is not a number, a name or event-log data$"),
    (["="], None, r"^err: '=' has no name after '='$"),
    (["=E FAIL"], None, r"^err: '=E FAIL' has a character that cannot be in a name$"),
    ([":"], None, r"^err: ':' has nothing to search for after ':'$"),
    (["/"], None, r"^err: '/' names no table after '/'$"),
    (["/no_such_table.h", "5"], None, r"^err: '/no_such_table.h' is not a table"),
    (["5", "/no_such_table.h"], None, r"^err: '/no_such_table.h' is not a table"),
    (["x" * ARG_MAX_ONE], None, r"^err: 'x{64}\.\.\.' is longer than 255 characters"),
    (["1" * ARG_MAX_ONE], None, r"^err: '1{64}\.\.\.' does not fit in 32 bits$"),
    (["=" + "A" * (ARG_MAX_ONE - 1)], None, r"^err: '=A{63}\.\.\.' is longer than 255 characters"),
    (["c1 " * (ARG_MAX_ONE // 3)], None, r"^err: '(c1 )+c\.\.\.' ends with \d loose bytes? at"),
    (["-"], b"x" * MB, r"^err: stdin line 1: 'x{64}\.\.\.' is longer than 255 characters"),
    (["-"], b"1" * MB + b"\n", r"^err: stdin line 1: '1{64}\.\.\.' does not fit in 32 bits$"),
    (["-"], b"=" + b"A" * MB, r"^err: stdin line 1: '=A{63}\.\.\.' is longer than 255"),
    (["-"], b"0000: " + b"c1 " * (MB // 3), r"^err: stdin line 1: '0000: [c1 ]+\.\.\.' ends with "
                                         r"\d loose bytes? at"),
    ([b"\xff\xfe\xc3"], None, r"^err: '\\xff\\xfe\\xc3' is not a number, a name or event"),
    ([b"\xc3\x81"], None, r"^err: '\\xc3\\x81' is not a number"),
    ([GARBAGE], None, r"^err: '(\\x[0-9a-f]{2}|[ -~])+\.\.\.' "),
    (["c1 00 07"], None, r"^err: 'c1 00 07' ends with 3 loose bytes at offset 0x0, not a whole"),
    (["c1 00 07 80 00"], None, r"^err: 'c1 00 07 80 00' ends with 1 loose byte at offset 0x4"),
    (["0000: zz 00 07 80"], None, r"^err: '0000: zz 00 07 80' has a token that is not a hex "
                                     r"byte or DWORD: 'zz' on line 1$"),
    (["0000:"], None, r"^err: '0000:' has an offset label without data \(line 1\)$"),
    (["--bytes", "C1"], None, r"^err: 'C1' has 1 byte, not a whole number of DWORDs$"),
    (["0000: c1 00 07 80\n0010: 00 00 00 00"], None,
     r"^err: '0000: c1 00 07 80\\x0a0010: 00 00 00 00' has offset label 0010 where 0004 was "
     r"expected \(line 2\)$"),
    (["0000: c1 00 07 80 800700c1"], None, r"^err: '0000: c1 00 07 80 800700c1' has text after "
                                              r"the data that is not its ASCII column: "
                                              r"'800700c1' on line 1$"),
    (["0000: 800700c1   abcd"], None, r"not its ASCII column: 'abcd'"),
    (["0000: c1 00 07 80   abcde"], None, r"not its ASCII column: 'abcde'"),
    (["0000: c1 00\n0002: 800700c1"], None, r"^err: '0000: c1 00\\x0a0002: 800700c1' has a DWORD "
                                            r"after loose bytes: '800700c1' on line 2$"),
    (["fffffffc: 01 02 03 04 05 06 07 08"], None, r"has data that runs past offset 0xffffffff \(line 1\)$"),
    (["fffffffc: 00000000 00000000"], None, r"has data that runs past offset 0xffffffff \(line 1\)$"),
    (["Data:\n0000:c1 00 07 80"], None, r"^err: 'Data:\\x0a0000:c1 00 07 80' has a token that is "
                                         r"not a hex byte or DWORD: '0000:c1' on line 2$"),
    (["0000: c1 00 07\nIn Words\n0000: 800700c1"], None,
     r"^err: '0000: c1 00 07\\x0aIn Words\\x0a0000: 800700c1' ends with 3 loose bytes at offset "
     r"0x0, not a whole DWORD$"),
    (["Data:"], None, r"^err: 'Data:' holds no event data$"),
    (["<Binary>C1000780"], None, r"^err: '<Binary>C1000780' has <Binary> without </Binary>$"),
    (["<Binary>C1"], None, r"^err: '<Binary>C1' has <Binary> without </Binary>$"),
    (["c1 \nzz"], None, r"^err: 'c1 \\x0azz' has blanks but is neither event-log data"),
    (["--bytes"], None, r"^err: '--bytes' needs a hex string such as C1000780$"),
    (["--bytes", "C10007"], None, r"^err: 'C10007' has 3 bytes, not a whole number of DWORDs$"),
    (["--bytes", "C1000"], None, r"^err: 'C1000' has an odd number of hex digits \(5\)$"),
    (["--bytes", "C10007ZZ"], None, r"^err: 'C10007ZZ' has 'ZZ' where a hex digit belongs$"),
    (["--bytes="], None, r"^err: '' holds no hex digits$"),
    (["login failed"], None, r"^err: 'login failed' has blanks but is neither event-log data"),
    (["HRESULT: E_FAIL"], None, r"^err: 'HRESULT: E_FAIL' has no single number after "
                                r"'HRESULT'$"),
    (["hr="], None, r"^err: 'hr=' has no single number after 'hr'$"),
    (["--foo"], None, r"^err: '--foo' is not an option \(err --help lists them\)$"),
    (["-x"], None, r"^err: '-x' is not an option"),
    (["--JSON"], None, r"^err: '--JSON' is not an option"),
    (["-s"], None, r"^err: '-s' needs at least one word to search for$"),
    (["-s", " "], None, r"^err: '-s' needs at least one word to search for$"),
    (["-l", "5"], None, r"^err: '5' cannot be looked up together with --csv, -l or -s$"),
    (["/:outputtoCSV", "5"], None, r"^err: '5' cannot be looked up together"),
    (["--csv", "-l"], None, r"^err: '-l' cannot be combined with the other mode given$"),
    (["-", "-"], b"5\n", r"^err: '-' names standard input twice$"),
    (["--", "-"], None, r"^err: '-' is not a number, a name or event-log data$"),
    (["-l", "-"], b"5\n", r"^err: '-' cannot be read together with --csv, -l or -s$"),
    (["-"], b"zz!\n", r"^err: stdin line 1: 'zz!' is not a number, a name or event-log data$"),
    (["-"], b"0x5 /winerror.h\n", r"^err: stdin line 1: '/winerror.h' is a command-line "
                                   r"switch, not a value$"),
    (["-"], b"ab\x00cd\n", r"^err: stdin line 1: 'ab\\x00cd' is not a number"),
    (["-"], GARBAGE, r"^err: stdin line 1: '(\\x[0-9a-f]{2}|[ -~])+\.\.\.' "),
    (["-"], b"5 " * (9 * MB), r"^err: stdin line 1: '(5 )+\.\.\.' starts a line longer than "
                               r"16 MiB, not read$"),
    (["-"], b"c1 00 07 80 00\n", None),  # blank-separated on stdin: five values, all fine
]


def bad_case(args, stdin, pattern):
    def run(err):
        code, out, e = err.run(*args, stdin=stdin if stdin is not None else b"")
        lines = e.decode("utf-8", "replace").splitlines()
        if pattern is None:
            assert code in (0, 1) and not lines, (code, lines)
            return
        assert code == 2, "exit %d, stderr %r" % (code, lines[:3])
        assert len(lines) == 1, "want one line on stderr, got %r" % lines[:5]
        assert re.search(pattern, lines[0]), "stderr %r does not match %r" % (lines[0], pattern)
        if stdin is None:
            assert out == b"", "a usage error printed output: %r" % out[:200]
    run.__name__ = "bad_input %s%s" % (fmt_args(args), " <stdin" if stdin is not None else "")
    return run


for _args, _stdin, _pattern in BAD:
    TESTS.append(bad_case(_args, _stdin, _pattern))


FILTERED = False  # -k given: only some tests ran


@test
def json_schema_every_line(err):
    """Last: every JSON line the tests above produced (err --json -l alone
    gives one per entry) is valid under cli/err.schema.json."""
    print("json schema: " + json_schema.check(minimum=1 if FILTERED else 1000))


# ---- driver -----------------------------------------------------------------

def read_skips(path):
    """[prefix, reason, hits] from lines 'NAME | REASON' (# starts a
    comment): a test whose name starts with NAME is skipped for REASON."""
    skips = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            name, sep, reason = line.partition(" | ")
            if not sep or not name.strip() or not reason.strip():
                raise SystemExit("%s: not 'NAME | REASON': %r" % (path, line))
            skips.append([name.strip(), reason.strip(), 0])
    return skips


def skip_reason(skips, name):
    for s in skips:
        if name.startswith(s[0]):
            s[2] += 1
            return s[1]
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--err", default="build/err", help="the err binary to test")
    ap.add_argument("--wrapper", default="", help='command prefix, e.g. "valgrind -q ..."')
    ap.add_argument("-k", default="", help="run only tests whose name contains this")
    ap.add_argument("-v", action="store_true", help="print each test's name")
    ap.add_argument("--skip-file", help="tests that do not apply, one 'NAME | REASON' a line")
    opts = ap.parse_args()
    skips = read_skips(opts.skip_file) if opts.skip_file else []
    if not os.access(opts.err, os.X_OK):
        print("run_cli_tests: %s is not an executable" % opts.err, file=sys.stderr)
        return 2
    err = Err(opts.err, opts.wrapper)
    global FILTERED
    FILTERED = bool(opts.k)
    passed = failed = skipped = 0
    for t in TESTS:
        name = t.__name__
        if opts.k and opts.k not in name:
            continue
        why = skip_reason(skips, name)
        if why is not None:
            skipped += 1
            print("SKIP %s: %s" % (name, why))
            continue
        try:
            t(err)
        except Skip as why:
            skipped += 1
            print("SKIP %s: %s" % (name, why))
            continue
        except Exception as e:  # an assertion, a timeout, bad JSON: all failures
            failed += 1
            print("FAIL %s: %s: %s" % (name, type(e).__name__, e))
            continue
        passed += 1
        if opts.v:
            print("ok   %s" % name)
    unused = [p for p, _, hits in skips if not hits]
    if unused and not opts.k:
        failed += len(unused)
        for p in unused:
            print("FAIL skip-file: %r names no test" % p)
    summary = "%d passed, %d failed" % (passed, failed)
    if skipped:
        summary += ", %d skipped" % skipped
    print(summary)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
