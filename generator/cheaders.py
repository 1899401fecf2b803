"""Read every C header of a directory into one macro table.

Used for mingw-w64's include directory (about 1,500 headers, recursively)
and for WINSDK_INCLUDE.  Every object-like #define and every enum member
becomes a candidate constant; which of them are error codes is
classify.py's decision, their values are cexpr's.  A candidate's table is
the file name of its header without directories ("winerror.h",
"ntstatus.h"), since that is how users and err.exe name the sources.
"""

import os

from . import cexpr

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
        self.table = cexpr.MacroTable()

    def evaluate(self, mac, trace=None, budget=None):
        """Value of one constant (EvalError when it cannot be computed)."""
        return cexpr.evaluate_macro(mac, self.table, trace=trace,
                                    budget=budget)


def table_name(relpath):
    return os.path.basename(relpath)


def header_files(root):
    """Every *.h below root, relative, in a stable (sorted) order."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in filenames:
            if f.lower().endswith(".h"):
                found.append(os.path.relpath(os.path.join(dirpath, f), root))
    return sorted(found)


def read_dir(root):
    """Read every header below root.  Unreadable files become diagnostics."""
    hs = HeaderSet(root)
    hs.files = header_files(root)
    macros = []
    for rel, text in cexpr.read_sources(root, hs.files, hs.diagnostics):
        res = cexpr.scan(text, rel)
        macros.extend(res.macros)
        macros.extend(res.enums)
        hs.diagnostics.extend(res.diagnostics)
    preferred = [f for p in PREFERRED for f in hs.files if table_name(f) == p]
    hs.table = cexpr.MacroTable(preferred)
    hs.table.add_all(macros)
    hs.constants = [m for m in macros if m.params is None and m.body]
    return hs
