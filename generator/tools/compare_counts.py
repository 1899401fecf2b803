"""Compare a build's rows per table with err.exe's (err-6.4.5-sources.tsv).

    python3 -m generator.tools.compare_counts [--tolerance PCT] [--all]
        REPORT [TSV]

REPORT is a build's report.txt (its "Entries and texts per table"
section); TSV defaults to ../shared/reference/err-6.4.5-sources.tsv (the
columns source, rows, rows_with_text).  err.exe's tables come from the
Windows SDK alone, so each table is judged twice: on all our entries
(column "ours") and on those the SDK itself gave (column "sdk": the
report's "entries from" count of winsdk; the rest came from mingw-w64,
Wine, winapi-rs or impacket).  Prints one line per table whose row count
differs from err.exe's by more than PCT percent (default 2) in either
column (the note says which: "+4.6%" for ours, "sdk -2.5%" for the SDK's),
every table err.exe has that the build lacks, every table whose name the
build spells differently from err.exe, then the totals: the tables
differing, err.exe's rows, the rows the build has of err.exe's tables (per
table, at most err.exe's count) and that as a share, for both columns.
A report without any winsdk entries (a build without WINSDK_INCLUDE) has
no sdk column to judge; it prints "-" there.  With --all, every table is
listed.  Exit status 0; 2 for an unreadable or malformed input.
"""

import argparse
import sys

SECTION = "== Entries and texts per table"
SDK_SOURCE = "winsdk"


class Row:
    """One table of the report: entries, texts, entries per source."""

    def __init__(self, entries, texts, sources):
        self.entries = entries
        self.texts = texts
        self.sources = sources

    @property
    def sdk(self):
        return self.sources.get(SDK_SOURCE, 0)


def _sources(field, where):
    """'mingw-w64=15 winsdk=144' -> {'mingw-w64': 15, 'winsdk': 144};
    '-' -> {}."""
    out = {}
    for word in field.split():
        if word == "-":
            continue
        name, eq, count = word.rpartition("=")
        if not eq or not name or not count.isdigit():
            raise ValueError("%s: bad 'entries from' item %r" % (where, word))
        out[name] = int(count)
    return out


def read_report(path):
    """table -> Row from a report's per-table section."""
    rows = {}
    inside = False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("== "):
                inside = line == SECTION
                continue
            if not inside or not line.strip() or line.startswith("table "):
                continue
            where = "%s:%d" % (path, n)
            fields = line.split(" | ")
            parts = fields[0].split()
            if len(parts) < 3 or not parts[1].isdigit() \
                    or not parts[2].isdigit():
                raise ValueError("%s: expected table, entries, texts" % where)
            sources = _sources(fields[1], where) if len(fields) > 1 else {}
            rows[parts[0]] = Row(int(parts[1]), int(parts[2]), sources)
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
            if len(parts) < 3 or not parts[1].isdigit():
                raise ValueError("%s:%d: expected 3 columns" % (path, n))
            rows[parts[0]] = (int(parts[1]), int(parts[2]))
    return rows


def _off(mine, n, tolerance):
    """The difference as a percentage when it is beyond tolerance."""
    pct = 100.0 * (mine - n) / n if n else 0.0
    return "%+.1f%%" % pct if abs(pct) > tolerance else None


def compare(ours, theirs, tolerance, show_all=False):
    """Lines to print."""
    lower = {}
    for t in ours:
        lower.setdefault(t.lower(), []).append(t)
    has_sdk = any(r.sdk for r in ours.values())
    out = ["%-26s %7s %7s %7s %7s %7s %7s  %s" % (
        "table (err.exe)", "err.exe", "ours", "diff", "sdk", "sdkdiff",
        "texts", "note")]
    total = covered = sdk_covered = 0
    differ = sdk_differ = 0
    for t in sorted(theirs, key=lambda t: (-theirs[t][0], t)):
        n, _ = theirs[t]
        total += n
        spelled = lower.get(t.lower(), [])
        mine = sum(ours[s].entries for s in spelled)
        sdk = sum(ours[s].sdk for s in spelled)
        texts = sum(ours[s].texts for s in spelled)
        covered += min(n, mine)
        sdk_covered += min(n, sdk)
        note = []
        if not spelled:
            note.append("missing")
        elif spelled != [t]:
            note.append("spelled " + "/".join(spelled))
        off = _off(mine, n, tolerance) if spelled else None
        if off:
            note.append(off)
        sdk_off = _off(sdk, n, tolerance) if has_sdk else None
        if sdk_off and spelled:
            note.append("sdk " + sdk_off)
        if not spelled or off or spelled != [t]:
            differ += 1
        if has_sdk and (not spelled or sdk_off or spelled != [t]):
            sdk_differ += 1
        if note or show_all:
            out.append("%-26s %7d %7d %+7d %7s %7s %7d  %s" % (
                t, n, mine, mine - n, sdk if has_sdk else "-",
                "%+d" % (sdk - n) if has_sdk else "-", texts,
                " ".join(note)))
    if has_sdk:
        out.append("tables differing: %d of %d; on the SDK's own entries: "
                   "%d" % (differ, len(theirs), sdk_differ))
        out.append("err.exe rows: %d; ours of them (per table, at most "
                   "err.exe's count): %d = %.2f%%; the SDK's own: %d = %.2f%%"
                   % (total, covered, 100.0 * covered / total, sdk_covered,
                      100.0 * sdk_covered / total))
    else:
        out.append("tables differing: %d of %d (no winsdk entries in the "
                   "report)" % (differ, len(theirs)))
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
    except (OSError, ValueError, UnicodeDecodeError) as e:
        print("compare_counts: %s" % e, file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
