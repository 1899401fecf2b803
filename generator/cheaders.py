"""Read every C header of a directory into one macro table.

Used for mingw-w64's include directory (about 1,500 headers, recursively)
and for WINSDK_INCLUDE.  Every object-like #define and every enum member
becomes a candidate constant; which of them are error codes is
classify.py's decision, their values are cexpr's.  A candidate's table is
the file name of its header without directories, as err.exe spells it
(tablenames.py: "winerror.h", "lpmapi.h" for the SDK's LpmApi.h).
"""

import os
import re

from . import cexpr, tablenames

# Headers whose comments above a define the generator reads.
DOC_TABLES = {"bugcodes.h"}
# C++-only headers (C++/WinRT projections, DirectXMath, gdiplus): C++
# namespaces and no test of __cplusplus, which every header written for C
# as well makes before its C++ parts.  Skipped unread: they define no codes.
_NAMESPACE_RE = re.compile(rb"^[ \t]*(?:export[ \t]+)?namespace\b", re.M)

# Where a name is defined in several headers, references to it from a
# header that does not define it resolve to the first of these that does.
PREFERRED = ("winerror.h", "ntstatus.h", "_mingw_mac.h", "_mingw.h",
             "winnt.h", "minwindef.h", "windef.h")


class HeaderSet:
    """Everything read from one include directory."""

    def __init__(self, root):
        self.root = root
        self.files = []          # paths relative to root, sorted
        self.constants = []      # object-like Macros (defines, enum members)
        self.diagnostics = []    # "file:line: reason"
        self.cxx_only = []       # C++-only headers, skipped
        self.table = cexpr.MacroTable()

    def evaluate(self, mac, trace=None, budget=None):
        """Value of one constant (EvalError when it cannot be computed)."""
        return cexpr.evaluate_macro(mac, self.table, trace=trace,
                                    budget=budget)


def table_name(relpath):
    """The header's table: its file name as err.exe spells it."""
    return tablenames.of_path(relpath)


def header_files(root, subdirs=("",)):
    """Every *.h below root/subdir for each subdir, relative to root, in a
    stable (sorted) order."""
    found = []
    for sub in subdirs:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, sub)):
            dirnames.sort()
            for f in filenames:
                if f.lower().endswith(".h"):
                    found.append(os.path.relpath(os.path.join(dirpath, f),
                                                 root))
    return sorted(found)


# ---- WINSDK_INCLUDE layouts -------------------------------------------------
# The folders of an SDK's Include/<version> (km/ with the WDK); cppwinrt/
# is the C++/WinRT projection, C++ only, so it is not read at all.
SDK_PARTS = ("shared", "um", "ucrt", "winrt", "km")
SDK_CXX_PARTS = ("cppwinrt",)


def _child(path, name):
    """path/name matched case-insensitively (xwin and msvc-wine lower-case
    what Windows spells Include), or None."""
    try:
        names = sorted(os.listdir(path))
    except OSError:
        return None
    for n in names:
        if n.lower() == name.lower() and os.path.isdir(os.path.join(path, n)):
            return os.path.join(path, n)
    return None


def _version_key(name):
    return tuple(int(p) if p.isdigit() else -1 for p in name.split("."))


def _newest_version(include):
    """The newest <version> folder of a Kits Include folder with SDK parts."""
    try:
        names = sorted(os.listdir(include), key=_version_key, reverse=True)
    except OSError:
        return None
    for n in names:
        if n[:1].isdigit() and _sdk_parts(os.path.join(include, n)):
            return os.path.join(include, n)
    return None


def _sdk_parts(path):
    return [p for p in (_child(path, n) for n in SDK_PARTS) if p]


def _wdf_dirs(include):
    """A WDK's Include/wdf/<framework>/<version> folders (kmdf/1.33,
    umdf/2.33: wdfstatus.h and the framework's headers), the newest
    version of each framework that holds a header."""
    wdf = _child(include, "wdf")
    out = []
    for fw in _listdir(wdf) if wdf else ():
        fw_dir = os.path.join(wdf, fw)
        for v in sorted(_listdir(fw_dir), key=_version_key, reverse=True):
            vdir = os.path.join(fw_dir, v)
            if v[:1].isdigit() and any(f.lower().endswith(".h")
                                       for f in _listdir(vdir)):
                out.append(vdir)
                break
    return out


def _listdir(path):
    """The sorted names in a folder; none for a file or an unreadable
    folder."""
    try:
        return sorted(os.listdir(path))
    except OSError:
        return []


def sdk_dirs(root):
    """The folders of WINSDK_INCLUDE to read, relative to root, and the
    layout found: an Include/<version> folder (shared/, um/, ucrt/, winrt/,
    km/; cppwinrt/ skipped); the Windows Kits/10 folder or its Include
    folder (the newest version in it); xwin's splat folder (sdk/include);
    msvc-wine's install folder (kits/10/include/<version>); else the folder
    itself with everything below it (one subfolder such as um/).  With a
    Kits folder, a WDK's Include/wdf/kmdf/<version> and umdf/<version>
    (the newest of each) are read too: wdfstatus.h is there."""
    parts = _sdk_parts(root)
    if parts:
        return [os.path.relpath(p, root) for p in parts], "Include/<version>"
    candidates = [
        ("Windows Kits/10", [("include",)]),
        ("Windows Kits/10/Include", [()]),
        ("xwin splat", [("sdk", "include")]),
        ("msvc-wine", [("kits", "10", "include")]),
        ("Windows Kits", [("10", "include")]),
    ]
    for layout, paths in candidates:
        for steps in paths:
            cur = root
            for step in steps:
                cur = cur and _child(cur, step)
            if not cur:
                continue
            parts = _sdk_parts(cur)
            if parts:
                return [os.path.relpath(p, root) for p in parts], layout
            ver = _newest_version(cur)
            if ver:
                return [os.path.relpath(p, root)
                        for p in _sdk_parts(ver) + _wdf_dirs(cur)], layout
    return [""], "one folder"


def is_cxx_only(data):
    """True for a C++-only header (see _NAMESPACE_RE)."""
    return b"__cplusplus" not in data and _NAMESPACE_RE.search(data) is not None


def _scan_files(root, rels):
    """Read and scan files: [(rel, macros, enums, diagnostics, cxx_only)].
    (Two processes were tried: pickling the macros back costs more than
    the second core saves, 16 s against 9 s for mingw-w64.)"""
    out = []
    for rel in rels:
        try:
            with open(os.path.join(root, rel), "rb") as f:
                data = f.read()
        except OSError as e:
            out.append((rel, [], [], ["%s:0: cannot read: %s"
                                      % (rel, e.strerror or e)], False))
            continue
        if is_cxx_only(data):
            out.append((rel, [], [], [], True))
            continue
        # The comments above a define are read for bugcodes.h alone (its
        # "Approximate msg"); elsewhere keeping them costs 30 MB (the SDK's
        # MessageText blocks, which sdktext.py reads on its own).
        res = cexpr.scan(cexpr.decode(data), rel,
                         want_doc=table_name(rel) in DOC_TABLES)
        out.append((rel, res.macros, res.enums, res.diagnostics, False))
    return out


def read_dir(root, subdirs=("",)):
    """Read every header below root (or its subdirs).  Unreadable files
    become diagnostics; C++-only headers are skipped (hs.cxx_only)."""
    hs = HeaderSet(root)
    hs.files = header_files(root, subdirs)
    macros = []
    for rel, macs, enums, diags, cxx in _scan_files(root, hs.files):
        if cxx:
            hs.cxx_only.append(rel)
            continue
        macros.extend(macs)
        macros.extend(enums)
        hs.diagnostics.extend(diags)
    # One string per distinct body ("0x10000" is 6,000 bodies of an SDK)
    # and one int per line number (an int above 256 is 28 bytes each).
    bodies = {}
    lines = {}
    for mac in macros:
        mac.body = bodies.setdefault(mac.body, mac.body)
        mac.line = lines.setdefault(mac.line, mac.line)
    del bodies, lines
    preferred = [f for p in PREFERRED for f in hs.files if table_name(f) == p]
    hs.table = cexpr.MacroTable(preferred)
    hs.table.add_all(macros)
    hs.constants = [m for m in macros if m.params is None and m.body]
    return hs
