#!/usr/bin/env python3
"""Tests of what err.exe does on Windows, run under Wine (make check-windows):
the same answers as the Linux build, the system's texts (FormatMessageW) and
--lang, the console, CRLF, UTF-8 arguments and file names, exit statuses.

    python3 tests/windows/test_windows.py --err build/windows/err-wine --linux build/err

--err runs err.exe (a script around Wine); --linux is the Linux err built
from the same tables, the reference for everything that must not differ.
The few message texts quoted are Wine 8's (its message tables), which is
what "the system" is here.

Ends with "N passed, M failed"; exits 1 when any test failed.
"""
import argparse
import json
import os
import pty
import re
import select
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
import wine_loader  # noqa: E402,F401  (see its docstring)

TESTS = []
TIMEOUT = 120  # a run takes well under a second once Wine is up


def test(fn):
    TESTS.append(fn)
    return fn


class Progs:
    def __init__(self, win, linux):
        self.win, self.linux = win, linux

    @staticmethod
    def _run(prog, args, stdin=b""):
        p = subprocess.run([prog] + list(args), input=stdin, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT)
        return p.returncode, p.stdout, p.stderr

    def win_run(self, *args, stdin=b""):
        return self._run(self.win, args, stdin)

    def linux_run(self, *args, stdin=b""):
        return self._run(self.linux, args, stdin)

    def win_json(self, *args):
        code, out, err = self.win_run("--json", *args)
        assert err == b"", err
        return code, [json.loads(l) for l in out.decode("utf-8").splitlines()]


def matches(objs):
    return [m for o in objs for r in o["readings"] for m in r["matches"]]


def without_origin(objs):
    for m in matches(objs):
        m.pop("text_origin", None)
    return objs


# ---- the same as on Linux ---------------------------------------------------

SAME = [
    ["800700c1"],                       # the founding example
    ["c000021a"], ["-1073741701"], ["2"], ["=ERROR_INTERNAL_ERROR"],
    [":INTERNAL_ERROR"], ["/winerror.h", "/ntstatus.h", "0"], ["--strict", "0x80070005"],
    ["0000: c1 00 07 80"], ["--bytes", "C1000780"], ["/?"],
    ["0x7ffffffe"],                     # no match: exit 1
    ["0x"], ["--foo"], ["-l", "5"],     # usage errors: exit 2
]


def system_texts_removed(p, args, out):
    """out (err.exe's text for args) without the text lines of the matches
    whose text is the system's, which the Linux build cannot have."""
    _, objs = p.win_json(*args)
    system = {(m["name"], m["table"]): m["text"] for m in matches(objs)
              if m["text_origin"] == "system"}
    lines, keep, drop = out.decode("utf-8").split("\n"), [], None
    for line in lines:
        m = re.match(r"^  (\S+) +(\S+)$", line)
        if m:
            drop = system.get((m.group(1), m.group(2)))
        elif drop is not None and line == "# " + drop:
            continue
        keep.append(line)
    return "\n".join(keep).encode("utf-8"), len(system)


@test
def founding_example_same_lines(p):
    """err.exe 800700c1 prints the Linux build's bytes exactly: same lines,
    LF line ends, nothing on stderr, exit 0."""
    w, l = p.win_run("800700c1"), p.linux_run("800700c1")
    assert w == l, (w, l)
    assert b"\r" not in w[1] and w[0] == 0


@test
def same_output_and_status_as_linux(p):
    """Lookups, tables, event data, not-found and usage errors: byte for byte
    the same stdout, stderr and exit status, once the system's texts for
    entries the tables have none for are taken out.  (--help differs by
    --lang.)"""
    for args in SAME:
        w, l = p.win_run(*args), p.linux_run(*args)
        if args == ["/?"]:
            assert w[0] == l[0] == 0 and b"--lang" in w[1] and b"--lang" not in l[1], args
            continue
        out = w[1] if w[1] == l[1] else system_texts_removed(p, args, w[1])[0]
        assert (w[0], out, w[2]) == l, (args, w[:2], l[:2])


@test
def system_texts_are_the_only_difference(p):
    """Where the tables have no text and the system has (0x80070002:
    COR_E_FILENOTFOUND and others), err.exe adds the system's text line;
    without those lines its output is the Linux build's."""
    w, l = p.win_run("0x80070002"), p.linux_run("0x80070002")
    stripped, n = system_texts_removed(p, ["0x80070002"], w[1])
    assert n > 0 and w[1] != l[1] and stripped == l[1] and w[0] == l[0] == 0, (n, w[0], l[0])


@test
def same_stdin_answers_as_linux(p):
    """CRLF and LF lines on standard input, a bad token among good ones."""
    data = b"800700c1 5\r\nc000021a\r\n0000: c1 00 07 80\nzz-zz 2\n"
    w, l = p.win_run("-", stdin=data), p.linux_run("-", stdin=data)
    assert w == l and w[0] == 2, (w, l)


@test
def json_same_as_linux_but_origin(p):
    """--json: the Linux objects, with "text_origin" added to every match."""
    for args in (["800700c1"], ["c000021a"], ["=E_FAIL"]):
        code, objs = p.win_json(*args)
        lcode, lout, _ = p.linux_run("--json", *args)
        lobjs = [json.loads(l) for l in lout.decode("utf-8").splitlines()]
        for m in matches(objs):
            assert m["text_origin"] == ("tables" if m["text"] else None), m
        assert code == lcode and without_origin(objs) == lobjs, args


@test
def exit_statuses_as_linux(p):
    for args, want in ((["5"], 0), (["0x7ffffffe"], 1), (["zzz zzz"], 2), (["--lang"], 2),
                       (["--lang", "xx-QQ", "5"], 2), (["--annotate", "no-such-file"], 2)):
        code, _, err = p.win_run(*args)
        assert code == want, (args, code, err)
    code, _, _ = p.win_run("--annotate", stdin=b"nothing here\n")
    assert code == 1, code


# ---- the system's texts -----------------------------------------------------

@test
def lang_de_access_denied_from_system(p):
    """err --lang de-DE 5: Wine's German text for ERROR_ACCESS_DENIED, marked
    as the system's; the tables' text is English."""
    code, out, err = p.win_run("--lang", "de-DE", "5")
    lines = out.decode("utf-8").splitlines()
    i = lines.index("  %-62s %s" % ("ERROR_ACCESS_DENIED", "winerror.h"))
    assert code == 0 and err == b"" and lines[i + 1] == "# Zugriff verweigert.", lines[i:i + 2]
    _, objs = p.win_json("--lang", "de-DE", "5")
    m = [m for m in matches(objs) if m["name"] == "ERROR_ACCESS_DENIED"][0]
    assert m["text"] == "Zugriff verweigert." and m["text_origin"] == "system", m
    _, lout, _ = p.linux_run("--json", "=ERROR_ACCESS_DENIED")
    ltext = matches([json.loads(lout)])[0]["text"]
    assert ltext and ltext != m["text"], ltext


@test
def lang_forms(p):
    """A tag, a neutral tag, a LANGID in hex or decimal, --lang=: the same."""
    want = None
    for args in (["--lang", "de-DE"], ["--lang", "de"], ["--lang", "0x0407"],
                 ["--lang", "1031"], ["--lang=de-DE"]):
        code, out, err = p.win_run(*(args + ["=ERROR_FILE_NOT_FOUND"]))
        assert code == 0 and err == b"", (args, code, err)
        want = want or out
        assert out == want and b"# Datei nicht gefunden." in out, (args, out)


@test
def lang_non_ascii_text_is_utf8(p):
    """A text with non-ASCII letters arrives as UTF-8 on a pipe."""
    code, out, _ = p.win_run("--lang", "de-DE", "=ERROR_ARITHMETIC_OVERFLOW")
    assert code == 0 and "# Arithmetischer Überlauf." in out.decode("utf-8"), out


@test
def lang_keeps_tables_text_where_system_has_none(p):
    """--lang de-DE: an entry Wine has a German text for gets it
    (ERROR_BAD_EXE_FORMAT); one it has none for keeps the tables' English
    text, marked "tables" (APPMODEL_ERROR_NO_PACKAGE: no text in Wine;
    STATUS_ACCESS_DENIED: Wine's ntdll.dll has no message table)."""
    for name, origin in (("ERROR_BAD_EXE_FORMAT", "system"),
                         ("APPMODEL_ERROR_NO_PACKAGE", "tables"),
                         ("STATUS_ACCESS_DENIED", "tables")):
        _, objs = p.win_json("--lang", "de-DE", "=" + name)
        _, lout, _ = p.linux_run("--json", "=" + name)
        m, lm = matches(objs)[0], matches([json.loads(lout)])[0]
        assert lm["text"] and m["text_origin"] == origin, (m, lm)
        assert (m["text"] == lm["text"]) == (origin == "tables"), (m, lm)
    _, objs = p.win_json("--lang", "de-DE", "=ERROR_BAD_EXE_FORMAT")
    assert matches(objs)[0]["text"] == "Fehlerhaftes EXE-Format f\u00fcr %1.", objs


@test
def lang_counts_over_the_whole_database(p):
    """-l --json --lang de-DE: how many entries Wine gives a German text;
    each is a Win32 code of winerror.h or an HRESULT with a facility."""
    code, out, _ = p.win_run("-l", "--json", "--lang", "de-DE")
    objs = [json.loads(l) for l in out.decode("utf-8").splitlines()]
    german = [o for o in objs if o["text_origin"] == "system"]
    assert code == 0 and german
    for o in german:
        assert o["table"] == "winerror.h" or o["kind"] != "win32", o
        assert o["kind"] != "hresult" or o["value"] > 0xffff, o
    print("     %d Win32 codes and %d HRESULTs get Wine's German text" %
          (sum(o["kind"] == "win32" for o in german), sum(o["kind"] == "hresult" for o in german)))


@test
def fallback_without_lang(p):
    """No --lang: the tables' text wherever they have one; where they have
    none, the system's, marked "system".  NO_ERROR has no text in the
    tables and "Success." in Wine's; COR_E_ARITHMETIC (0x80070216, an
    HRESULT_FROM_WIN32) none in the tables and Wine's for the HRESULT."""
    for name, text in (("NO_ERROR", "Success."), ("COR_E_ARITHMETIC", "Arithmetic overflow.")):
        _, lout, _ = p.linux_run("--json", "=" + name)
        assert matches([json.loads(lout)])[0]["text"] is None, name
        code, objs = p.win_json("=" + name)
        m = matches(objs)[0]
        assert code == 0 and m["text"] == text and m["text_origin"] == "system", m
        code, out, _ = p.win_run("=" + name)
        assert ("# " + text + "\n").encode() in out, out


@test
def fallback_counts_over_the_whole_database(p):
    """-l --json: every entry with a tables' text keeps it; the ones that get
    a system text had none; no system text for a code the system's table
    does not own (error.h's ERROR_I24_*, small HRESULTs such as S_FALSE)."""
    code, out, _ = p.win_run("-l", "--json")
    lcode, lout, _ = p.linux_run("-l", "--json")
    objs = [json.loads(l) for l in out.decode("utf-8").splitlines()]
    lobjs = [json.loads(l) for l in lout.decode("utf-8").splitlines()]
    assert code == lcode == 0 and len(objs) == len(lobjs)
    system = 0
    for o, lo in zip(objs, lobjs):
        assert (o["name"], o["table"]) == (lo["name"], lo["table"])
        if lo["text"]:
            assert o["text"] == lo["text"] and o["text_origin"] == "tables", o
        elif o["text_origin"] == "system":
            system += 1
            assert o["text"] and o["kind"] in ("win32", "hresult", "ntstatus"), o
            assert o["table"] == "winerror.h" or o["kind"] != "win32", o
            assert o["kind"] != "hresult" or o["value"] > 0xffff, o
        else:
            assert o["text"] is None and o["text_origin"] is None, o
    assert system > 0
    print("     %d of %d entries without a tables' text get Wine's" %
          (system, sum(1 for lo in lobjs if not lo["text"])))


@test
def search_and_csv_agree_with_json(p):
    """--csv shows the same texts as -l --json (the system's included)."""
    _, out, _ = p.win_run("--csv", "/corerror.h")
    assert "0x80070216,COR_E_ARITHMETIC,\"Arithmetic overflow.\",corerror.h" in \
        out.decode("utf-8").splitlines(), out[:300]


@test
def lang_is_an_option_only_where_options_are(p):
    """After --, --lang is a value (and a bad one); --bytes takes its value
    first; a missing or unknown language is a one-line usage error."""
    code, _, err = p.win_run("--", "--lang")
    assert code == 2 and err.startswith(b"err: '--lang' "), err
    code, _, err = p.win_run("--lang")
    assert code == 2 and err.count(b"\n") == 1 and b"needs a language" in err, err
    code, out, err = p.win_run("--lang", "xx-QQ", "5")
    assert code == 2 and out == b"" and err.startswith(b"err: 'xx-QQ' is not a language"), err
    code, out, err = p.win_run("--lang", "0x10000", "5")
    assert code == 2 and b"is not a language" in err, err
    code, out, _ = p.win_run("--json", "--bytes", "C1000780", "--lang", "de-DE")
    assert code == 0 and json.loads(out)["found"] > 0, out


@test
def annotate_json_has_origin(p):
    code, out, err = p.win_run("--annotate", "--json", "--lang", "de-DE",
                               stdin=b"copy failed: error 5 (0x80070005)\r\n")
    objs = [json.loads(l) for l in out.decode("utf-8").splitlines()]
    assert code == 0 and objs, (code, out, err)
    texts = [(m["name"], m["text"], m["text_origin"]) for o in objs
             for m in o["decoding"]["matches"] if m["name"].endswith("ACCESS_DENIED")]
    assert ("ERROR_ACCESS_DENIED", "Zugriff verweigert.", "system") in texts, texts


# ---- line ends, arguments, file names, the console ---------------------------

@test
def annotate_keeps_crlf(p):
    """--annotate copies CRLF input byte for byte and ends its annotation
    lines the same way; LF input gets LF.  Same bytes as the Linux build."""
    for eol in (b"\r\n", b"\n"):
        data = b"start" + eol + b"copy failed: hr=0x800700c1" + eol + b"done" + eol
        w, l = p.win_run("--annotate", stdin=data), p.linux_run("--annotate", stdin=data)
        assert w == l and w[0] == 0, (w, l)
        lines = w[1].split(b"\n")[:-1]
        assert len(lines) == 4 and all(x.endswith(eol[:-1]) if eol == b"\r\n" else
                                       not x.endswith(b"\r") for x in lines), lines
        assert [x for x in lines if not x.startswith(b"    #> ")] == \
            [x + eol[:-1] for x in (b"start", b"copy failed: hr=0x800700c1", b"done")]


@test
def non_ascii_argument_reaches_err_as_utf8(p):
    """The command line is UTF-16; err sees UTF-8, so its complaint quotes
    the argument exactly as the Linux build does."""
    for arg in ("Zugriffsfehler-ä", ":ÄÖÜ", "0x8007000ß"):
        w, l = p.win_run(arg), p.linux_run(arg)
        shown = "".join(c if ord(c) < 0x80 else "".join("\\x%02x" % b for b in c.encode())
                        for c in arg)
        assert w == l and w[0] == 2 and ("'%s'" % shown).encode() in w[2], (arg, w, l)


@test
def non_ascii_file_name(p):
    """--annotate opens a file named in UTF-8 (via _wfopen)."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "Protokoll-äöü-日本.log")
        with open(path, "wb") as f:
            f.write(b"status 0xC0000022\r\n")
        w, l = p.win_run("--annotate", path), p.linux_run("--annotate", path)
        assert w == l and w[0] == 0 and b"STATUS_ACCESS_DENIED" in w[1], (w, l)


@test
def console_gets_utf16(p):
    """On a console (Wine makes one of a terminal) the text goes through
    WriteConsoleW: the German umlaut arrives intact, line by line."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([p.win, "--lang", "de-DE", "=ERROR_ARITHMETIC_OVERFLOW"],
                            stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    got = b""
    try:
        while b"matches found" not in got:
            ready, _, _ = select.select([master], [], [], TIMEOUT)
            if not ready:
                break
            try:
                got += os.read(master, 65536)
            except OSError:
                break
    finally:
        proc.wait(timeout=TIMEOUT)
        os.close(master)
    text = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", got).decode("utf-8", "replace")
    assert "Arithmetischer Überlauf." in text and proc.returncode == 0, (proc.returncode, got)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--err", required=True)
    ap.add_argument("--linux", required=True)
    ap.add_argument("-k", default="")
    opts = ap.parse_args()
    p = Progs(os.path.abspath(opts.err), os.path.abspath(opts.linux))
    passed = failed = 0
    for t in TESTS:
        if opts.k not in t.__name__:
            continue
        try:
            t(p)
        except Exception as e:  # an assertion, a timeout, bad JSON: all failures
            failed += 1
            print("FAIL %s: %s: %s" % (t.__name__, type(e).__name__, str(e)[:1500]))
            continue
        passed += 1
        print("ok   %s" % t.__name__)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
