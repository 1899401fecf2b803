"""What a Windows error number or name means, offline: libwinerr for Python.

    >>> import winerr
    >>> [e.name for e in winerr.lookup("800700c1")]
    ['SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION', 'ERROR_BAD_EXE_FORMAT']
    >>> winerr.decode(0x800700C1).follow[0]
    winerr.FollowUp(value=193, relation='win32-from-hresult')

lookup() answers what `err` answers, in err's order, for every input form err
takes; annotate() finds codes in log lines by `err --annotate`'s rule.  The
tables are compiled into the module.  Bad input raises ValueError with err's
one-line message; a wrong type raises TypeError.
"""
from . import _winerr
from ._winerr import (Decoded, Entry, FollowUp, Hit, HResultBits, NTStatusBits, Table,
                      annotate, decode, entries, lookup, names, search, tables)

__version__ = _winerr.__version__

__all__ = ["Decoded", "Entry", "FollowUp", "Hit", "HResultBits", "Kind", "NTStatusBits",
           "Table", "annotate", "decode", "entries", "lookup", "names", "search", "tables",
           "__version__"]


def _make_kind():
    """Kind, an IntEnum of the kinds as the library names them (Kind.WIN32 ==
    1), made the first time it is needed: `import winerr` then costs no import
    of enum and its dependencies."""
    global Kind
    from enum import IntEnum
    Kind = IntEnum("Kind", [(name.upper(), value) for name, value in _winerr._KINDS],
                   module=__name__)
    Kind.__doc__ = "What kind of number an entry's value is."
    _winerr._set_kinds(tuple(Kind))
    return Kind


def __getattr__(name):
    if name == "Kind":
        return _make_kind()
    raise AttributeError("module 'winerr' has no attribute %r" % name)


_winerr._set_kind_factory(_make_kind)
