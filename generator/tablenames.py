"""How a table (a header) is named: as err.exe spells it.

THE RULE.  A table is named by its header's file name without
directories, in lower case ("LpmApi.h" and "lpmapi.h" are the table
"lpmapi.h"), because err.exe prints every header name that way; the
same header read from the Windows SDK (whose file names are mixed case),
from xwin's lower-cased copy, from mingw-w64, Wine or winapi-rs is
therefore one table.  The one name err.exe 6.4.5 prints in mixed case,
legacyErrorCodes.h, is kept as err.exe spells it (MIXED_CASE).
"""

import os

# err.exe's mixed-case table names, by their lower-case form.
MIXED_CASE = {n.lower(): n for n in ("legacyErrorCodes.h",)}


def spell(filename):
    """The table name of a header file name (no directories)."""
    low = filename.lower()
    return MIXED_CASE.get(low, low)


def of_path(relpath):
    """The table name of a header path."""
    return spell(os.path.basename(relpath))
