#!/usr/bin/env python3
"""winerr_gen: Windows error definitions -> the tables libwinerr compiles in.

    python3 -m generator --mingw-include DIR --winapi-src DIR
                         --impacket-dir DIR [--winsdk-include DIR]
                         [--wine-include DIR]
                         [--sql-messages FILE] [--err-csv FILE] --out DIR

Reads every header of mingw-w64 (cheaders, cexpr), every winapi-rs source
(rustsrc), optionally a Windows SDK include directory (its layouts:
cheaders.sdk_dirs) and Wine's Windows headers, decides which
constants are error codes (classify), merges them (merge), attaches the
message texts of impacket's [MS-ERREF] tables (impacket), the SDK's
MessageText blocks (sdktext), bugcodes.h's comments, SQL Server messages
(sqlmsg) and an err.exe CSV dump (errcsv), then writes OUT/report.txt and
the C tables (emit).

Merge rules (details in merge.py, classify.py, facilities.py; all of them
are copied into the report):
- one entry per (name, value), filed under the header where the SDK
  defines it (winapi-rs's file tells which), else winerror.h, ntstatus.h,
  bugcodes.h before other error headers before other headers before
  mingw-w64's private copies (error.h);
- same name with different values: both kept when different headers (or
  one header's #if branches) define them; when two sources disagree about
  one header, the SDK, then [MS-ERREF], then winapi-rs decide;
- texts by name and value: SDK MessageText, then SDK headers' trailing
  comments (comments.py), then [MS-ERREF], then mingw-w64's and Wine's
  trailing comments, then
  bugcodes.h's "Approximate msg" when it says more than the name, then
  an alias (#define A B, same value) shares B's text; names
  only a text source has become entries (impacket: winerror.h for Win32
  and HRESULT codes, ntstatus.h for NTSTATUS codes);
- SQL messages and err.exe CSV rows merge into an entry of the same name
  and value, or become entries of their own table.

Exit status: 0 done; 2 a required source is missing (one line naming the
Debian package) or an input is malformed (one line "FILE:LINE: what is
wrong"); 1 the output directory cannot be written.
"""

import argparse
import gc
import os
import sys
import time

from . import (cexpr, cheaders, classify, collect, comments, emit,
               facilities, merge, model, report, rustsrc, tablenames)

PROG = "winerr-gen"
REQUIRED = (
    ("mingw_include", "winerror.h", "mingw-w64-common", "MINGW_INCLUDE"),
    ("winapi_src", "shared/winerror.rs", "librust-winapi-dev", "WINAPI_SRC"),
    ("impacket_dir", "system_errors.py", "python3-impacket", "IMPACKET_DIR"),
)


class Missing(Exception):
    """A required source is not installed."""


def parse_args(argv):
    p = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n")[0])
    p.add_argument("--mingw-include", required=True, metavar="DIR")
    p.add_argument("--winapi-src", required=True, metavar="DIR")
    p.add_argument("--impacket-dir", required=True, metavar="DIR")
    p.add_argument("--winsdk-include", metavar="DIR")
    p.add_argument("--wine-include", metavar="DIR")
    p.add_argument("--sql-messages", metavar="FILE")
    p.add_argument("--err-csv", metavar="FILE")
    p.add_argument("--out", required=True, metavar="DIR")
    return p.parse_args(argv)


def check_sources(args):
    for attr, probe, package, var in REQUIRED:
        d = getattr(args, attr)
        if os.path.exists(d) and not os.path.isdir(d):
            raise Missing("%s is not a directory: set %s to the headers of %s"
                          % (d, var, package))
        if not os.path.isdir(d):
            raise Missing("%s not found: install %s (or set %s)"
                          % (d, package, var))
        if not os.path.isfile(os.path.join(d, probe)):
            raise Missing("%s not found: install %s (or set %s)"
                          % (os.path.join(d, probe), package, var))
    if args.winsdk_include and not os.path.isdir(args.winsdk_include):
        raise model.GenError("%s: WINSDK_INCLUDE directory not found"
                             % args.winsdk_include)
    if args.wine_include and not os.path.isfile(
            os.path.join(args.wine_include, "winerror.h")):
        raise model.GenError("%s: WINE_INCLUDE has no winerror.h (Wine's "
                             "include/windows folder, from libwine-dev)"
                             % args.wine_include)
    for f in (args.sql_messages, args.err_csv):
        if not f:
            continue
        if not os.path.exists(f):
            raise model.GenError("%s: not found" % f)
        if os.path.isdir(f):
            raise model.GenError("%s: is a directory, not a file" % f)
        try:
            with open(f, "rb") as fh:
                empty = fh.read(1) == b""
        except OSError as e:
            raise model.GenError("%s: cannot read: %s" % (f, e.strerror or e)) from None
        if empty:
            raise model.GenError("%s: empty file" % f)


def _rust_fallback(rs):
    """Values of winapi-rs consts, for names the C headers lack."""
    def lookup(name):
        for m in rs.table.defs(name):
            if m.params is not None:
                continue
            try:
                value = rs.evaluate(m)
            except cexpr.EvalError:
                continue
            return cexpr.Macro(name, None, str(value),
                               "winapi-rs/" + m.file, m.line)
        return None
    return lookup


def _chain(*tables):
    def lookup(name):
        for t in tables:
            mac = t.lookup(name, "")
            if mac is not None:
                return mac
        return None
    return lookup


def read_sources(args, ctx):
    from . import impacket
    erref = impacket.read(args.impacket_dir)
    ctx["erref"] = erref
    hs = cheaders.read_dir(args.mingw_include)
    rs = rustsrc.read_dir(args.winapi_src)
    hs.table.fallback = _rust_fallback(rs)
    sets = [("mingw-w64", hs, cheaders.table_name),
            ("winapi-rs", rs, rustsrc.table_name)]
    if args.wine_include:
        wine = cheaders.read_dir(args.wine_include)
        wine.table.fallback = _chain(hs.table)
        sets.insert(1, ("wine", wine, cheaders.table_name))
    if args.winsdk_include:
        dirs, layout = cheaders.sdk_dirs(args.winsdk_include)
        ctx["sdk_dirs"] = dirs
        sdk = cheaders.read_dir(args.winsdk_include, dirs)
        sdk.table.fallback = _chain(hs.table)
        sets.insert(0, ("winsdk", sdk, cheaders.table_name))
        ctx["sdk_layout"] = "WINSDK_INCLUDE layout: %s; read %s" % (
            layout, ", ".join(d + "/" if d else "everything" for d in dirs))
    ctx["cxx_only"] = sorted("%s %s" % (label, f) for label, s, _ in sets
                             for f in getattr(s, "cxx_only", ()))
    ctx["diagnostics"] = ["%s %s" % (label, d) for label, s, _ in sets
                          for d in s.diagnostics]
    return sets


def erref_index(erref):
    """name -> set of values [MS-ERREF] gives it."""
    idx = {}
    for records in erref.values():
        for r in records:
            idx.setdefault(r.name, set()).add(r.value)
    return idx


def sdk_text_records(args, sdk):
    """SDK MessageText records, with values from the SDK's own defines."""
    from . import sdktext
    records = sdktext.read(args.winsdk_include,
                           cheaders.sdk_dirs(args.winsdk_include)[0])
    wanted = {rec.name for rec in records if rec.value is None}
    values = {}
    for m in sdk.constants:
        if m.name in wanted:
            values.setdefault((cheaders.table_name(m.file), m.name), m)
    for rec in records:
        if rec.value is None:
            mac = values.get((rec.table, rec.name))
            if mac is not None:
                try:
                    rec.value = sdk.evaluate(mac)
                except cexpr.EvalError:
                    pass
    return records


def bugcodes_texts(chosen, merged):
    n = 0
    for key, entry in merged.entries.items():
        if entry.text or entry.table.lower() != "bugcodes.h":
            continue
        for c in chosen.get(key, (None, ()))[1]:
            text = merge.approximate_msg(c.doc, c.name)
            if text:
                entry.text = text
                entry.text_from = "bugcodes.h comments"
                n += 1
                break
    merged.texts["bugcodes.h comments"] = n


def merge_all(args, sets, ctx):
    erref = ctx["erref"]
    idx = erref_index(erref)
    collected = [collect.collect(label, s, tn, set(idx))
                 for label, s, tn in sets]
    ctx["collected"] = collected
    merged = merge.Merged()
    chosen = merge.dedup([c for col in collected for c in col.cands], merged)
    keep = merge.resolve_conflicts(chosen, idx, merged)
    merge.build_entries(chosen, keep, merged)
    if args.winsdk_include:
        sdk = next(s for label, s, _ in sets if label == "winsdk")
        records = sdk_text_records(args, sdk)
        # A MessageId the classifier dropped from its header (cdosyserr.h's
        # IDS_* strings, categories) gives no entry through its text either.
        ids = {r.name for r in records}
        dropped = {(cheaders.table_name(m.origin.rsplit(":", 1)[0]), m.name)
                   for items in collected[0].dropped.values()
                   for m in items if m.name in ids}
        merge.attach_texts(merged, "winsdk-text", [
            r for r in records if (r.table, r.name) not in dropped
            or (r.name, r.value) in merged.entries])
        merge.comment_texts(chosen, merged, ("winsdk",), "winsdk comments")
    for kind in ("win32", "ntstatus", "hresult"):
        merge.attach_texts(merged, "impacket", erref[kind],
                           merge.IMPACKET_TABLE[kind], kind)
    merge.comment_texts(chosen, merged, ("mingw-w64", "wine"),
                        "header comments")
    bugcodes_texts(chosen, merged)
    merge.alias_texts(chosen, merged)
    if args.sql_messages:
        from . import sqlmsg
        merge.attach_texts(merged, "sql-messages",
                           sqlmsg.read(args.sql_messages))
    if args.err_csv:
        from . import errcsv
        merge.attach_texts(merged, "err-csv", errcsv.read(args.err_csv))
    if args.winsdk_include:
        merge.sdk_copies(chosen, merged)
    ctx["merged"] = merged
    return merged


def source_lines(ctx):
    merged = ctx["merged"]
    lines = []
    canon = {}
    for e in merged.entries.values():
        src = e.origin.split(" ", 1)[0]
        canon[src] = canon.get(src, 0) + 1
    for col in ctx["collected"]:
        lines.append("%s: %d constants read, %d kept as codes, %d dropped, "
                     "%d not evaluable, %d entries filed from it"
                     % (col.source, col.read, len(col.cands),
                        sum(len(v) for v in col.dropped.values()),
                        len(col.unevaluated), canon.get(col.source, 0)))
    for src in sorted(set(merged.texts) | set(merged.added)):
        lines.append("%s: %d texts attached, %d entries added"
                     % (src, merged.texts.get(src, 0),
                        len(merged.added.get(src, ()))))
    return lines


def check_entries(entries):
    seen = set()
    for e in entries:
        key = (e.name, e.value, e.table)
        if key in seen or not 0 <= e.value <= 0xFFFFFFFF or \
                e.kind not in model.KINDS:
            raise AssertionError("bad entry %r" % (e,))
        seen.add(key)


def run(args):
    check_sources(args)
    os.makedirs(args.out, exist_ok=True)  # fail before the long part
    ctx = {"inputs": [args.mingw_include, args.winapi_src, args.impacket_dir]
           + [p for p in (args.winsdk_include, args.wine_include,
                          args.sql_messages, args.err_csv) if p]}
    sets = read_sources(args, ctx)
    merged = merge_all(args, sets, ctx)
    fac, alternates = facilities.collect(
        sorted(sets, key=lambda s: ("winsdk", "mingw-w64", "wine",
                                    "winapi-rs").index(s[0])))
    # What the report needs of the sources, as text; then the sources go
    # (with an SDK they are most of the memory, and emit and the report
    # would otherwise come on top of them).
    ctx["source_lines"] = source_lines(ctx)
    ctx["drop_lines"] = report.drop_lines(ctx["collected"])
    ctx["unevaluated"] = report.unevaluated(ctx["collected"])
    del ctx["collected"], sets
    gc.collect()
    entries = sorted(list(merged.entries.values()) + merged.also,
                     key=lambda e: (e.table.lower(), e.table, e.name, e.value))
    check_entries(entries)
    stats = emit.emit(args.out, entries, fac, ctx["inputs"])
    ctx.update(entries=entries, stats=stats, facilities=fac,
               facility_alternates=alternates,
               rules=(classify.__doc__ + merge.__doc__ +
                      comments.__doc__ + tablenames.__doc__ +
                      facilities.__doc__).strip().split("\n"))
    report.write(os.path.join(args.out, "report.txt"), ctx)
    return entries


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    start = time.monotonic()
    try:
        entries = run(args)
    except Missing as e:
        print("%s: %s" % (PROG, e), file=sys.stderr)
        return 2
    except model.GenError as e:
        print(str(e).splitlines()[0] if str(e) else PROG + ": bad input",
              file=sys.stderr)
        return 2
    except OSError as e:
        print("%s: %s: %s" % (PROG, e.filename or args.out,
                              e.strerror or e), file=sys.stderr)
        return 1
    print("%s: %d entries, %d names, %d tables in %.1f s; report: %s"
          % (PROG, len(entries), len({e.name for e in entries}),
             len({e.table for e in entries}), time.monotonic() - start,
             os.path.join(args.out, "report.txt")))
    return 0

