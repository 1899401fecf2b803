#!/usr/bin/env python3
"""Line coverage of lib/ and cli/ from a --coverage build's .gcda files.

Runs gcov (JSON intermediate format) itself, so only gcc is needed; prints a
per-file table and ends with the line `COVERAGE lib=<percent> cli=<percent>`.
Exits 1 when lib is under 95% or cli under 90%.
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

LIMITS = {"lib": 95.0, "cli": 90.0}


def gcov_files(build):
    """lib/ and cli/, and the scanner's other builds (cli-portable/,
    cli-sse2/, ...): make check runs each, and each runs code of scan.c that
    the others leave out, so a line counts as run where any of them ran it."""
    subs = ["lib", "cli"] + sorted(d for d in os.listdir(build) if d.startswith("cli-"))
    for sub in subs:
        d = os.path.join(build, sub)
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if name.endswith(".gcda"):
                yield os.path.join(d, name)


def main():
    build = sys.argv[1]
    lines = {}  # (file, line) -> executed?
    with tempfile.TemporaryDirectory() as tmp:
        outs = []
        for i, gcda in enumerate(gcov_files(build)):
            out = os.path.join(tmp, str(i))  # one each: gcov names its output by source file
            os.mkdir(out)
            subprocess.run(["gcov", "--json-format", "-o", os.path.abspath(os.path.dirname(gcda)),
                            os.path.abspath(gcda)], cwd=out, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            outs.extend(os.path.join(out, name) for name in sorted(os.listdir(out)))
        for name in outs:
            with gzip.open(name, "rt") as f:
                data = json.load(f)
            for fobj in data["files"]:
                path = os.path.relpath(fobj["file"]) if os.path.isabs(fobj["file"]) else fobj["file"]
                if not path.startswith(("lib/", "cli/")) or not path.endswith(".c"):
                    continue
                for ln in fobj["lines"]:
                    key = (path, ln["line_number"])
                    lines[key] = lines.get(key, False) or ln["count"] > 0
    totals = {}
    per_file = {}
    for (path, _), hit in lines.items():
        per_file.setdefault(path, [0, 0])
        per_file[path][0] += hit
        per_file[path][1] += 1
    for path in sorted(per_file):
        hit, n = per_file[path]
        print("%-28s %5d/%-5d %6.1f%%" % (path, hit, n, 100.0 * hit / n))
        t = totals.setdefault(path.split("/")[0], [0, 0])
        t[0] += hit
        t[1] += n
    pct = {k: (100.0 * totals[k][0] / totals[k][1] if k in totals else 0.0) for k in LIMITS}
    print("COVERAGE lib=%.1f cli=%.1f" % (pct["lib"], pct["cli"]))
    short = [k for k in LIMITS if pct[k] < LIMITS[k]]
    if short:
        print("coverage: below the limit for %s" % ", ".join(short), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
