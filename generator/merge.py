"""Merge candidates and text records into the final entries.

The rules (winerr_gen.py's docstring states them for users):

1. One entry per (name, value).  When several headers define the same
   pair, it is filed under one canonical header, chosen by, in order:
   a header where the Windows SDK defines it (a WINSDK_INCLUDE header, or
   the winapi-rs file mirroring that SDK header); winerror.h, ntstatus.h,
   bugcodes.h; another error header (classify.is_error_header); any other
   header; last mingw-w64's private copies (error.h, _wsa_errnos.h, and
   headers whose name starts with "_"); ties by table name.
   With WINSDK_INCLUDE, a pair that several SDK headers define is also
   listed under each of the others (as err.exe lists it under every
   header that defines it: MQ_ERROR_* in mq.h and mqoai.h, WSAE* in
   winerror.h and winsock2.h), with the canonical entry's text and kind.
2. Same name, different values (a conflict):
   - kept both when the values come from different canonical tables (each
     header is right for its own API: MAPI_E_USER_ABORT is 1 in mapi.h and
     an HRESULT in mapicode.h), or when one source file itself defines
     both (#if branches, as E_FAIL's 16-bit twin in the SDK's winerror.h);
   - otherwise (two sources disagree about one header): the value that a
     WINSDK_INCLUDE header gives wins; else the one [MS-ERREF] (impacket)
     lists under that name; else winapi-rs's, which is transcribed from
     the SDK header of that name (mingw-w64's bugcodes.h comes from
     ReactOS).  The others are dropped and reported.
3. Texts, matched by name and value: SDK MessageText first, then the
   trailing comments of SDK headers (comments.py), then [MS-ERREF]
   (impacket), then those of mingw-w64's and Wine's headers, then bugcodes.h's "Approximate msg" comment when
   it says more than the name; last, an alias (`#define A B`, or a Rust
   `const A = B`, with the same value) without a text of its own shares
   B's (DNS_ERROR_NO_MEMORY is ERROR_OUTOFMEMORY).  A text record whose name no entry has
   becomes an entry (not an SDK record whose define the classifier dropped
   from that header: cdosyserr.h's IDS_* strings): SDK records in their header, impacket's Win32 and
   HRESULT records in winerror.h, NTSTATUS records in ntstatus.h.  A name
   that exists with other values is not added: reported as a conflict.
4. SQL messages and err.exe CSV rows: a row whose (name, value) an entry
   has merges into it (its text fills an entry without one); other rows
   become entries in the row's table.
"""

from dataclasses import dataclass, field

from . import classify, model

TOP_TABLES = ("winerror.h", "ntstatus.h", "bugcodes.h")
PRIVATE_TABLES = {"error.h", "_wsa_errnos.h"}
SDK_SOURCES = ("winsdk", "winapi-rs")
IMPACKET_TABLE = {"win32": "winerror.h", "hresult": "winerror.h",
                  "ntstatus": "ntstatus.h"}


def table_rank(table):
    t = table.lower()
    if t in TOP_TABLES:
        return 0
    if t in PRIVATE_TABLES or t.startswith("_"):
        return 3
    return 1 if classify.is_error_header(t) else 2


@dataclass
class Merged:
    """The entries and everything the report says about how they came."""
    entries: dict = field(default_factory=dict)     # (name, value) -> Entry
    sources: dict = field(default_factory=dict)     # (name, value) -> set
    duplicates: list = field(default_factory=list)  # (name, value, kept, others)
    also: list = field(default_factory=list)        # SDK copies (rule 1)
    conflicts: list = field(default_factory=list)   # (name, text)
    texts: dict = field(default_factory=dict)       # source -> matched count
    added: dict = field(default_factory=dict)       # source -> [(name, table)]
    text_conflicts: list = field(default_factory=list)


def _canonical(cands):
    endorsed = {c.table for c in cands if c.source in SDK_SOURCES}
    return min(cands, key=lambda c: (c.table not in endorsed,
                                     table_rank(c.table), c.table.lower(),
                                     c.table, c.source != "winsdk",
                                     c.source != "mingw-w64", c.origin))


def dedup(all_cands, merged):
    """Rule 1: one entry per (name, value)."""
    groups = {}
    for c in all_cands:
        groups.setdefault((c.name, c.value), []).append(c)
    chosen = {}
    for key in sorted(groups):
        group = groups[key]
        best = _canonical(group)
        chosen[key] = (best, group)
        others = sorted({c.table for c in group} - {best.table})
        if others:
            merged.duplicates.append((key[0], key[1], best.table, others))
    return chosen


def _origin_files(group):
    return {(c.source, c.sfile) for c in group}


def resolve_conflicts(chosen, erref, merged):
    """Rule 2: same name, different values.  Returns the kept keys."""
    by_name = {}
    for (name, value), (best, group) in chosen.items():
        by_name.setdefault(name, []).append((value, best, group))
    keep = set()
    for name in sorted(by_name):
        items = sorted(by_name[name], key=lambda x: x[0])
        if len(items) == 1:
            keep.add((name, items[0][0]))
            continue
        keep.update(_resolve_one(name, items, erref, merged))
    return keep


def _resolve_one(name, items, erref, merged):
    by_table = {}
    for value, best, group in items:
        by_table.setdefault(best.table, []).append((value, best, group))
    kept = []
    for table in sorted(by_table):
        rows = by_table[table]
        if len(rows) == 1:
            kept.append((name, rows[0][0]))
            continue
        files = [_origin_files(g) for _, _, g in rows]
        if all(f & files[0] for f in files[1:]):
            kept.extend((name, v) for v, _, _ in rows)
            merged.conflicts.append((name, "%s: %s all defined by %s; "
                                     "kept all" % (table, _values(rows),
                                                   _file_list(files[0]))))
            continue
        win, why = _winner(name, rows, erref)
        kept.append((name, win))
        lost = [r for r in rows if r[0] != win]
        merged.conflicts.append((name, "%s: %s; kept 0x%x (%s), dropped %s"
                                 % (table, _values(rows), win, why,
                                    _values(lost))))
    if len(by_table) > 1:
        merged.conflicts.append((name, "different values in different "
                                 "headers, kept each: " + ", ".join(
                                     "%s 0x%x" % (t, r[0])
                                     for t in sorted(by_table)
                                     for r in by_table[t]
                                     if (name, r[0]) in kept)))
    return kept


def _values(rows):
    return ", ".join("0x%x from %s" % (v, ", ".join(sorted(
        "%s %s" % (c.source, c.origin) for c in g))) for v, _, g in rows)


def _file_list(files):
    return ", ".join(sorted("%s %s" % f for f in files))


def _winner(name, rows, erref):
    for v, _, g in rows:
        if any(c.source == "winsdk" for c in g):
            return v, "the WINSDK_INCLUDE header"
    erref_values = erref.get(name, set())
    confirmed = [v for v, _, _ in rows if v in erref_values]
    if len(confirmed) == 1:
        return confirmed[0], "[MS-ERREF] lists it"
    for v, _, g in rows:
        if any(c.source == "winapi-rs" for c in g):
            return v, "winapi-rs mirrors the SDK header"
    return rows[0][0], "lowest value"


def build_entries(chosen, keep, merged):
    for key in sorted(keep):
        best, group = chosen[key]
        merged.entries[key] = model.Entry(
            name=best.name, value=best.value, table=best.table, text=None,
            kind=best.kind, origin="%s %s" % (best.source, best.origin))
        merged.sources[key] = {c.source for c in group}


def sdk_copies(chosen, merged):
    """Rule 1's last sentence: the entries of other SDK headers that define
    a kept (name, value); call after the texts are attached."""
    for key in sorted(merged.entries):
        if key not in chosen:
            continue
        entry = merged.entries[key]
        tables = sorted({c.table for c in chosen[key][1]
                         if c.source == "winsdk"} - {entry.table})
        for table in tables:
            origin = min(c.origin for c in chosen[key][1]
                         if c.source == "winsdk" and c.table == table)
            merged.also.append(model.Entry(
                name=entry.name, value=entry.value, table=table,
                text=entry.text, kind=entry.kind,
                origin="winsdk " + origin, text_from=entry.text_from))


def attach_texts(merged, source, records, default_table=None, kind=None,
                 names_seen=None):
    """Rule 3/4: records -> texts of existing entries, or new entries.

    default_table: where a record without a table goes (impacket).
    Returns nothing; counts go to merged.texts / merged.added.
    """
    matched = 0
    added = merged.added.setdefault(source, [])
    names = names_seen if names_seen is not None else _names(merged)
    # A record whose value could not be read (a MessageId with no value
    # the reader could work out) gives nothing; leaving it out before the
    # sort keeps None from being compared with a number.
    for rec in sorted((r for r in records if r.value is not None),
                      key=lambda r: (r.name, r.value, r.table or "",
                                     r.origin)):
        key = (rec.name, rec.value)
        entry = merged.entries.get(key)
        if entry is not None:
            if rec.text and not entry.text:
                entry.text = rec.text
                entry.text_from = source
                matched += 1
            elif rec.text and entry.text and rec.text != entry.text:
                merged.text_conflicts.append((source, rec.name, rec.value))
            merged.sources.setdefault(key, set()).add(source)
            continue
        if rec.name in names and source in ("impacket", "winsdk-text"):
            merged.conflicts.append((rec.name, "%s gives 0x%x (%s), the "
                                     "headers other values; not added"
                                     % (source, rec.value, rec.origin)))
            continue
        table = rec.table or default_table
        k = kind or classify.kind(rec.name, table, rec.value)
        merged.entries[key] = model.Entry(
            name=rec.name, value=rec.value, table=table, text=rec.text,
            kind=k, origin="%s %s" % (source, rec.origin),
            text_from=source if rec.text else "")
        merged.sources[key] = {source}
        names.add(rec.name)
        added.append((rec.name, table))
        if rec.text:
            matched += 1
    merged.texts[source] = merged.texts.get(source, 0) + matched


def comment_texts(chosen, merged, sources, label):
    """Rule 3: texts of trailing comments (comments.py) of the candidates
    from `sources`, for entries still without one; the entry's own table's
    comment first."""
    n = 0
    for key in sorted(merged.entries):
        entry = merged.entries[key]
        if entry.text or key not in chosen:
            continue
        notes = sorted((c.table != entry.table, sources.index(c.source),
                        c.origin, c.note) for c in chosen[key][1]
                       if c.note and c.source in sources)
        if notes:
            entry.text = notes[0][3]
            entry.text_from = label
            n += 1
    merged.texts[label] = n


def alias_texts(chosen, merged):
    """Rule 3, last step: an alias shares the text of the name it is."""
    n = 0
    for key in sorted(merged.entries):
        entry = merged.entries[key]
        if entry.text or key not in chosen:
            continue
        for c in chosen[key][1]:
            target = merged.entries.get((c.alias_of, key[1]))
            if c.alias_of and target is not None and target.text:
                entry.text = target.text
                entry.text_from = "aliases"
                n += 1
                break
    merged.texts["aliases"] = n


def _names(merged):
    return {name for name, _ in merged.entries}


def approximate_msg(doc, name):
    """bugcodes.h's "Approximate msg: ..." text when it says more than
    the name."""
    for line in doc:
        if line.startswith("Approximate msg:"):
            text = line[len("Approximate msg:"):].strip()
            if text and text.upper() != name.upper():
                return text
    return None
