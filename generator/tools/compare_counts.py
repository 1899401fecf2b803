"""Compare a build's rows per table with err.exe's (err-6.4.5-sources.tsv).

    python3 -m generator.tools.compare_counts [--tolerance PCT] [--all]
        REPORT [TSV]

REPORT is a build's report.txt (its "Entries and texts per table"
section); TSV defaults to ../shared/reference/err-6.4.5-sources.tsv (the
columns source, rows, rows_with_text).  Prints one line per table whose
row count differs from err.exe's by more than PCT percent (default 2),
every table err.exe has that the build lacks, every table whose name the
build spells differently from err.exe, then the totals: err.exe's rows,
the rows the build has of err.exe's tables (per table, at most err.exe's
count) and that as a share.  With --all, every table is listed.
Exit status 0; 2 for an unreadable or malformed input.
"""

import argparse
import sys

SECTION = "== Entries and texts per table"


def read_report(path):
    """table -> (entries, texts) from a report's per-table section."""
    rows = {}
    inside = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("== "):
                inside = line == SECTION
                continue
            if not inside or not line.strip() or line.startswith("table "):
                continue
            parts = line.split()
            rows[parts[0]] = (int(parts[1]), int(parts[2]))
    if not rows:
        raise ValueError("%s: no '%s' section" % (path, SECTION[3:]))
    return rows


def read_tsv(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        if head[:2] != ["source", "rows"]:
            raise ValueError("%s:1: expected the columns source, rows" % path)
        for n, line in enumerate(f, 2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                raise ValueError("%s:%d: expected 3 columns" % (path, n))
            rows[parts[0]] = (int(parts[1]), int(parts[2]))
    return rows


def compare(ours, theirs, tolerance, show_all=False):
    """Lines to print."""
    lower = {}
    for t in ours:
        lower.setdefault(t.lower(), []).append(t)
    out = ["%-26s %7s %7s %7s %7s  %s" % ("table (err.exe)", "err.exe",
                                          "ours", "diff", "texts", "note")]
    total = covered = 0
    differ = 0
    for t in sorted(theirs, key=lambda t: (-theirs[t][0], t)):
        n, _ = theirs[t]
        total += n
        spelled = lower.get(t.lower(), [])
        mine = sum(ours[s][0] for s in spelled)
        texts = sum(ours[s][1] for s in spelled)
        covered += min(n, mine)
        note = []
        if not spelled:
            note.append("missing")
        elif spelled != [t]:
            note.append("spelled " + "/".join(spelled))
        pct = 100.0 * (mine - n) / n
        if spelled and abs(pct) > tolerance:
            note.append("%+.1f%%" % pct)
        if note:
            differ += 1
        if note or show_all:
            out.append("%-26s %7d %7d %+7d %7d  %s" % (
                t, n, mine, mine - n, texts, " ".join(note)))
    out.append("tables differing: %d of %d" % (differ, len(theirs)))
    out.append("err.exe rows: %d; ours of them (per table, at most "
               "err.exe's count): %d = %.2f%%"
               % (total, covered, 100.0 * covered / total))
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("report")
    p.add_argument("tsv", nargs="?",
                   default="../shared/reference/err-6.4.5-sources.tsv")
    p.add_argument("--tolerance", type=float, default=2.0)
    p.add_argument("--all", action="store_true")
    a = p.parse_args(argv)
    try:
        lines = compare(read_report(a.report), read_tsv(a.tsv),
                        a.tolerance, a.all)
    except (OSError, ValueError) as e:
        print("compare_counts: %s" % e, file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
