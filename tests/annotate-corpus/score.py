#!/usr/bin/env python3
"""Scores `err --annotate` on the corpus of log excerpts (see README.md).

usage: python3 tests/annotate-corpus/score.py --err build/err [--corpus DIR]

Runs `err --annotate --json` over every file in DIR/excerpts and compares
the codes found, one per (file, line, value), with the hand labels of
DIR/labels.tsv (file, line, value, expected first name).  Prints

    ANNOTATE recall=<r> precision=<p> first=<f>

where recall is the share of labels found, precision the share of codes
found that are labelled, and first the share of labelled codes found whose
first name is the expected one ("(no name)" where err must say that no
table names the code).  Every miss, false positive and wrong first name is
listed.  Exit status 1 when a goal is missed: recall >= 0.95, precision >=
0.98, first >= 0.95.

SQL Server names (SQL_<n>_severity_<s>) exist only in a build with the SQL
table.  Against a build without it, such a label is met by err's no-name
line "SQL Server error <n>, severity <s>..." instead, and the run says so.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

GOALS = {"recall": 0.95, "precision": 0.98, "first": 0.95}
HERE = os.path.dirname(os.path.abspath(__file__))


def read_labels(path):
    labels = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                sys.exit("%s:%d: want 4 tab-separated fields, got %d" % (path, n, len(parts)))
            name, lineno, value, first = parts
            key = (name, int(lineno), int(value, 16))
            if key in labels:
                sys.exit("%s:%d: %s labelled twice" % (path, n, parts[:3]))
            labels[key] = first
    return labels


def found_in(err, path):
    """{(line, value): (first name, match)} for one file, first occurrence."""
    p = subprocess.run([err, "--annotate", "--json", path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    if p.returncode not in (0, 1):
        sys.exit("err failed on %s: %r" % (path, p.stderr))
    found = {}
    for text in p.stdout.splitlines():
        o = json.loads(text)
        key = (o["line"], o["value"])
        if key in found:
            continue
        if o.get("no_name"):
            first = "(no name)"
            detail = o["no_name"]
        else:
            matches = o["decoding"]["matches"]
            first = matches[0]["shown_as"] if matches else "(nothing)"
            detail = first
        found[key] = (first, o["match"], detail)
    return found


def has_sql_table(err):
    p = subprocess.run([err, "=SQL_18456_severity_14"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return p.returncode == 0


def first_ok(expected, first, detail, value, sql_table):
    if first == expected:
        return True
    if expected.startswith("SQL_") and not sql_table and first == "(no name)":
        sev = expected.rsplit("_", 1)[1]
        return (detail.startswith("SQL Server error %d, severity %s" % (value, sev))
                or detail == "SQL Server error %d" % value)
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--err", required=True)
    ap.add_argument("--corpus", default=HERE)
    args = ap.parse_args()
    err = os.path.abspath(args.err)
    exc = os.path.join(args.corpus, "excerpts")
    labels = read_labels(os.path.join(args.corpus, "labels.tsv"))
    files = sorted(os.listdir(exc))
    missing = sorted({k[0] for k in labels} - set(files))
    if missing:
        sys.exit("labels name files that are not there: %s" % ", ".join(missing))
    sql_table = has_sql_table(err)
    found = {}
    for name in files:
        for (line, value), hit in found_in(err, os.path.join(exc, name)).items():
            found[(name, line, value)] = hit
    tp = [k for k in labels if k in found]
    fn = sorted(k for k in labels if k not in found)
    fp = sorted(k for k in found if k not in labels)
    wrong = sorted(k for k in tp if not first_ok(labels[k], found[k][0], found[k][2], k[2],
                                                   sql_table))
    recall = len(tp) / len(labels) if labels else 1.0
    precision = len(tp) / len(found) if found else 1.0
    first = (len(tp) - len(wrong)) / len(tp) if tp else 1.0
    traps = [f for f in files if "-trap-" in f]
    kinds = collections.Counter(f.split("-")[1] for f in files)
    print("corpus: %d excerpts (%d traps) from %d tools, %d labels; %s"
          % (len(files), len(traps), len(kinds), len(labels),
             "SQL table present" if sql_table else "no SQL table: SQL labels met by the no-name line"))
    for k in fn:
        print("MISS  %s:%d 0x%08x %s" % (k[0], k[1], k[2], labels[k]))
    for k in fp:
        print("FALSE %s:%d 0x%08x %r -> %s" % (k[0], k[1], k[2], found[k][1], found[k][2]))
    for k in wrong:
        print("FIRST %s:%d 0x%08x %r: want %s, got %s"
              % (k[0], k[1], k[2], found[k][1], labels[k], found[k][2]))
    print("ANNOTATE recall=%.3f precision=%.3f first=%.3f" % (recall, precision, first))
    short = [g for g, want in GOALS.items() if {"recall": recall, "precision": precision,
                                                 "first": first}[g] < want]
    if short:
        print("annotate corpus: goal missed for %s (recall >= 0.95, precision >= 0.98, "
              "first >= 0.95)" % ", ".join(short))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
