"""The generator's report (OUT/report.txt): what was kept, dropped, merged.

Everything is sorted, so the same inputs give the same bytes.
"""

import os

MAX_UNGROUPED = 200   # above this, a drop list is written one table a line


def _section(out, title):
    out.append("")
    out.append("== " + title)


def _tables(out, entries):
    """Per table: entries, texts, kinds, then the entries each source
    gave (the source its entry was filed from) and the texts each text
    source gave."""
    per = {}
    for e in entries:
        row = per.setdefault(e.table, [0, 0, {}, {}, {}])
        row[0] += 1
        row[1] += 1 if e.text else 0
        row[2][e.kind] = row[2].get(e.kind, 0) + 1
        src = e.origin.split(" ", 1)[0]
        row[3][src] = row[3].get(src, 0) + 1
        if e.text:
            tsrc = e.text_from or "?"
            row[4][tsrc] = row[4].get(tsrc, 0) + 1
    out.append("%-32s %7s %7s  %s" % ("table", "entries", "texts",
                                      "kinds | entries from | texts from"))
    for t in sorted(per, key=lambda t: (t.lower(), t)):
        n, texts, kinds, srcs, tsrcs = per[t]
        out.append("%-32s %7d %7d  %s | %s | %s" % (
            t, n, texts,
            " ".join("%s=%d" % kv for kv in sorted(kinds.items())),
            " ".join("%s=%d" % kv for kv in sorted(srcs.items())),
            " ".join("%s=%d" % (k.replace(" ", "-"), v)
                     for k, v in sorted(tsrcs.items())) or "-"))


def drop_lines(collected):
    """The report's lines on dropped names (a summary by reason, then each
    reason's list), made once the sources are read so that they can go.
    A long list is grouped by file without making a "file:line" string for
    each of its (with an SDK, 380,000) names."""
    out = []
    reasons = {}
    for col in collected:
        for reason, items in col.dropped.items():
            reasons.setdefault(reason, []).append((col.source, items))
    counts = {r: sum(len(items) for _, items in parts)
              for r, parts in reasons.items()}
    for reason in sorted(reasons, key=lambda r: (-counts[r], r)):
        out.append("%s: %d" % (reason, counts[reason]))
    for reason in sorted(reasons):
        _section(out, "Dropped: %s (%d)" % (reason, counts[reason]))
        if counts[reason] <= MAX_UNGROUPED:
            out.extend("  %s  %s" % it for it in sorted(
                (m.name, "%s %s" % (src, m.origin))
                for src, items in reasons[reason] for m in items))
            continue
        by_file = {}
        for src, items in reasons[reason]:
            for m in items:
                f = m.file if hasattr(m, "file") else m.sfile
                by_file.setdefault((src, f), []).append(m.name)
        for src, f in sorted(by_file, key=lambda k: "%s %s" % k):
            names = sorted(by_file.pop((src, f)))
            out.append("  %s %s (%d): %s" % (src, f, len(names),
                                             " ".join(names)))
    return out


def unevaluated(collected):
    return sorted(u for col in collected for u in
                  (("%s %s" % (col.source, o), n, r)
                   for o, n, r in col.unevaluated))


def _summary(out, ctx):
    entries = ctx["entries"]
    out.append("inputs:")
    out.extend("  " + i for i in ctx["inputs"])
    if ctx.get("sdk_layout"):
        out.append(ctx["sdk_layout"])
    _section(out, "Summary")
    out.append("entries: %d" % len(entries))
    out.append("distinct names: %d" % len({e.name for e in entries}))
    out.append("tables: %d" % len({e.table for e in entries}))
    out.append("entries with a text: %d" % sum(1 for e in entries if e.text))
    for k, v in sorted(ctx["stats"].items()):
        out.append("emit %s: %s" % (k, v))
    _section(out, "Rules in force")
    out.extend("  " + line for line in ctx["rules"])
    _section(out, "Entries and texts per table")
    _tables(out, entries)
    _section(out, "Sources")
    out.extend(ctx["source_lines"])


def _problems(out, ctx):
    unev = ctx["unevaluated"]
    _section(out, "Could not evaluate (no entry made): %d" % len(unev))
    out.extend("  %s: %s: %s" % u for u in unev)
    merged = ctx["merged"]
    _section(out, "Conflicts (same name, different values): %d"
             % len(merged.conflicts))
    out.extend("  %s: %s" % c for c in sorted(merged.conflicts))
    _section(out, "Defined in several headers, listed once: %d"
             % len(merged.duplicates))
    out.extend("  %s 0x%x: %s (also %s)" % (n, v, kept, ", ".join(others))
               for n, v, kept, others in sorted(merged.duplicates))
    _section(out, "Texts that differ between sources (first kept): %d"
             % len(merged.text_conflicts))
    out.extend("  %s: %s 0x%x" % t for t in sorted(merged.text_conflicts))


def _facilities(out, ctx):
    for space in ("hresult", "ntstatus"):
        fac = getattr(ctx["facilities"], space)
        _section(out, "%s facilities: %d" % (space.upper(), len(fac)))
        out.extend("  0x%x %s" % (n, fac[n]) for n in sorted(fac))
    _section(out, "Facility numbers named again (first kept)")
    out.extend("  %s 0x%x: %s kept, %s at %s" % a
               for a in sorted(ctx["facility_alternates"]))


def write(path, ctx):
    """ctx: a dict built by winerr_gen.run (see there for the keys)."""
    out = ["winerr generator report", ""]
    _summary(out, ctx)
    _section(out, "Dropped names, by reason (lists below)")
    out.extend(ctx["drop_lines"])
    _problems(out, ctx)
    _facilities(out, ctx)
    cxx = ctx.get("cxx_only", ())
    _section(out, "C++-only headers, not read: %d" % len(cxx))
    out.extend("  " + f for f in cxx)
    _section(out, "Header diagnostics: %d" % len(ctx["diagnostics"]))
    out.extend("  " + d for d in sorted(ctx["diagnostics"]))
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(line + "\n" for line in out)  # no joined copy
    os.replace(tmp, path)
