#!/usr/bin/env python3
"""The scanner's ways of reading a line (cli/scan.c) give the same hits.

usage: python3 tests/cli/test_scan_paths.py --reference build/err-every-word \\
           build/err build/err-sse2 build/err-portable

The reference reads every word that holds a digit the slow way; the others
pass over, a 64-byte block at a time, the words they can tell are plain
numbers (plain_words()), with masks made by AVX-512, SSE2 or a byte loop.
Each runs `err --annotate --json` (and --strict) over the same logs: the
annotate corpus and the fuzz corpus, the benchmark's mixed log, and lines
made here from a fixed seed that put numbers beside the phrases, signs,
separators and block edges the masks decide on.  Any difference fails,
with the first differing line of output.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MIXED_LOG = os.path.join(ROOT, "tests", "bench", "mixed_log.py")

# Words a number may follow: every phrase's last word, words that end as one
# does (pid, copied, line), the words around SQL, TLS and event numbers.
WORDS = """error errors Error ERROR errorcode error_code lasterror getlasterror
win32error winerror win32 Win32 WinError code number status is was start
returned returning value failed FAILED dwret hr HR hresult HRESULT ntstatus
exceptioncode ExceptionCode bugcheck BugCheck bugcheck_code BCCode check stop
STOP bugcheckcode msg Msg lpexitcode identifier id ID received generated
level Level Severity State provider: pid tid copied downloaded elapsed found
line said red ed d te state kid xerror errored statuses ProcessID ThreadID
Rank Signer Inbox KB amd64 BlueScreen Binary Data 3 32 2 er or de us sg ck op
ng rt lt et as ue""".split()
PHRASES = ["error code", "error code is", "error number", "failed to start",
           "return value", "exit code", "exit code was", "exit status", "with code",
           "return code", "exception code", "bug check", "bug check code", "stop code",
           "fatal system error", "event id", "event identifier", "fatal alert code is",
           "alert was received", "alert was generated", "bugcheck was", "Product: x --"]
SEPS = ["", " ", "  ", "   ", ":", ": ", "=", "= ", "#", "(", "[", "\"", "'", "'>", ">",
        "\t", " : ", "  :  ", "=\"", "((((((((", "         ", ":=:=:=:=:", " - ", "-",
        " -", " '", "](", "\"=", "  -  ", " -  "]
AFTER = ["", " ", ",", ":", ".", ";", ")", "]", " (0x%x)", " (%d)", "(", ", Level 16, State 1",
         ", Severity: 14, State: 8.", " rows", "x", ":00", "-1", ".5", "/2", ":1", "Z", "T12",
         "`", "L", "'", "\""]


def number(r):
    k = r.randrange(12)
    if k < 4:
        return str(r.randrange(1, 10 ** r.randrange(1, 11)))
    if k == 4:
        return str(r.choice([5, 2, 87, 126, 193, 208, 40, 1603, 1722, 10054, 18456, 4294967295,
                             3221225477, 2147942405, 2147483648, 1073740791, 65536]))
    if k == 5:
        return "-%d" % r.randrange(1, 2 ** 31 + 5)
    if k == 6:
        return "0x%x" % r.getrandbits(r.choice([4, 8, 16, 31, 32, 64]))
    if k == 7:
        return "0x%08X" % r.getrandbits(32)
    if k == 8:
        return "%08x" % r.getrandbits(32)
    if k == 9:
        return "%016x" % r.getrandbits(64)
    if k == 10:
        return "%0*d" % (r.choice([8, 9, 10]), r.randrange(10 ** 8))
    return "%d%s" % (r.randrange(100000), r.choice(["s", "Z", "T", "ms", "KB", "d", "e", "x"]))


def phrase_line(r):
    """Numbers after words and phrases, runs of separators, signs and what
    may follow, padded so that they fall on each side of a block's edge."""
    parts = [" " * r.randrange(70) if r.random() < 0.5 else ""]
    for _ in range(r.randrange(1, 7)):
        word = r.choice(WORDS) if r.random() < 0.8 else r.choice(PHRASES)
        lead = r.choice(["", "", "x ", "a. ", "-- ", "(", "[SQLSTATE 42000] (", "<Binary>",
                         "data: ", "ConnectionReset"])
        after = r.choice(AFTER)
        if "%" in after:
            after = after % r.choice([5, 2, 126, 0x214C, 1603])
        parts.append(lead + word + r.choice(SEPS) + number(r) + after
                     + r.choice([" ", " ", "", " and ", "\t"]))
    return "".join(parts)


def noise_line(r):
    """Tokens of a log in any order: the traps side by side."""
    toks = ["error", "Error:", "hr=", "status", "0x", "-", "(", ")", ":", " ", "  ", "=", "'",
            "\"", ">", "<Binary>", "</Binary>", "BugCheck", "BCCode", "code", "exit code",
            "returned", "failed", "Msg", "Level", "Severity", "State", ",", ".", "/", "`", "\t",
            "0000:", "Data:", "ffffffff", "00000000", "c0000005", "800700c1", "80070005",
            "1603", "5", "2147942405", "-2147024891", "10054", "Error(", "id", "pid", "x",
            "L", "UL", "Win32", "WinError", "event id", "[SQLSTATE 42000]", "(Error",
            "BlueScreen", "#", "[", "]", "_", "KB", "T", "Z"]
    out = []
    for _ in range(r.randrange(1, 40)):
        c = r.random()
        if c < 0.45:
            out.append(r.choice(toks))
        elif c < 0.75:
            out.append(str(r.randrange(10 ** r.randrange(1, 12))))
        elif c < 0.9:
            out.append("%x" % r.getrandbits(r.choice([8, 16, 32, 40, 64])))
        else:
            out.append(r.choice(" :=-.,()"))
        if r.random() < 0.6:
            out.append(r.choice([" ", " ", "", ":", "=", ", "]))
    return "".join(out)


def make_logs(tmp):
    r = random.Random(20261202)
    logs = []
    for name, make, n in (("phrases.log", phrase_line, 60000), ("noise.log", noise_line, 30000)):
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="ascii", newline="\n") as f:
            for _ in range(n):
                f.write(make(r) + "\n")
        logs.append(path)
    path = os.path.join(tmp, "bytes.log")
    alphabet = b"0123456789abcdefABCDEFxX :=-.,()[]'\"#>`/\\@\t\rKkBeorsdtgpy_L\n"
    with open(path, "wb") as f:
        f.write(bytes(r.choice(alphabet) for _ in range(1500000)))
    logs.append(path)
    path = os.path.join(tmp, "mixed.log")
    subprocess.run([sys.executable, MIXED_LOG, "2", path], check=True)
    logs.append(path)
    for top in (os.path.join(ROOT, "tests", "annotate-corpus", "excerpts"),
                os.path.join(ROOT, "tests", "fuzz", "corpus", "scan")):
        for dirpath, _, files in os.walk(top):
            logs.extend(os.path.join(dirpath, f) for f in sorted(files))
    return logs


def annotate(err, logs, strict):
    out = []
    for log in logs:
        args = [err, "--annotate", "--json"] + (["--strict"] if strict else []) + [log]
        p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        out.append((log, p.returncode, p.stdout, p.stderr))
    return out


def first_difference(a, b):
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return "line %d: %r != %r" % (i + 1, x[:300], y[:300])
    return "lengths %d != %d lines" % (len(la), len(lb))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", required=True)
    ap.add_argument("err", nargs="+")
    opts = ap.parse_args()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        logs = make_logs(tmp)
        for strict in (False, True):
            want = annotate(opts.reference, logs, strict)
            hits = sum(w[2].count(b"\n") for w in want)
            for err in opts.err:
                got = annotate(err, logs, strict)
                bad = [(w, g) for w, g in zip(want, got) if w[1:] != g[1:]]
                label = "%s%s" % (os.path.basename(err), " --strict" if strict else "")
                if bad:
                    w, g = bad[0]
                    print("FAIL %s: %d of %d logs differ from the reference; %s: %s"
                          % (label, len(bad), len(logs), os.path.basename(w[0]),
                             first_difference(w[2] + w[3], g[2] + g[3])))
                    failed += 1
                else:
                    print("ok %s: %d logs, %d hits, the same as the reference"
                          % (label, len(logs), hits))
                    passed += 1
            if hits < 10000:  # the logs must hold many hits to mean anything
                print("FAIL the reference found only %d hits" % hits)
                failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
