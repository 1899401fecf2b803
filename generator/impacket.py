"""Message texts from python3-impacket's [MS-ERREF] tables.

impacket ships system_errors.py, nt_errors.py and hresult_errors.py, each
holding a dict literal `ERROR_MESSAGES = {0x...: ("NAME", "text"), ...}`.
The files are parsed with `ast` and read as data: never imported or
executed, so nothing in them runs at build time.

What is kept:
- every entry of the literal, in file order, even where two entries share a
  key (nt_errors.py lists STATUS_ABANDONED and STATUS_ABANDONED_WAIT_0 under
  0x80; executing the dict would silently keep only the last one);
- the text stripped of surrounding blanks; an empty text, or one that only
  repeats the name (system_errors.py has " ERROR_WAIT_1" for ERROR_WAIT_1),
  says nothing, so it becomes None.

table is None: which header an entry belongs to is the merger's decision.
"""

import ast
import os
import warnings

from . import model

GenError = model.GenError
TextRecord = model.TextRecord

FILES = {
    "win32": "system_errors.py",
    "ntstatus": "nt_errors.py",
    "hresult": "hresult_errors.py",
}
PACKAGE = "python3-impacket"


def read(directory):
    """Return {"win32": [...], "ntstatus": [...], "hresult": [...]}."""
    return {kind: read_file(os.path.join(directory, name))
            for kind, name in FILES.items()}


def read_file(path):
    """Return the TextRecords of one impacket error table file."""
    try:
        with open(path, "rb") as f:
            source = f.read()
    except FileNotFoundError:
        raise GenError(f"{path}: not found; install the Debian package "
                       f"{PACKAGE} (or set IMPACKET_DIR)") from None
    except OSError as e:
        raise GenError(f"{path}: cannot read: {e.strerror or e}") from None
    try:
        with warnings.catch_warnings():  # odd literals are not our business
            warnings.simplefilter("ignore")
            tree = ast.parse(source, filename=path)
    except (SyntaxError, ValueError) as e:
        line = getattr(e, "lineno", None) or 1
        raise GenError(f"{path}:{line}: not valid Python: "
                       f"{getattr(e, 'msg', e)}") from None
    except (MemoryError, RecursionError):  # CPython's parser gives up so
        raise GenError(f"{path}: nested too deeply to be read as Python "
                       "(not an error table)") from None
    table = _find_table(path, tree)
    return [_record(path, k, v) for k, v in zip(table.keys, table.values)]


def _find_table(path, tree):
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == "ERROR_MESSAGES"):
            if not isinstance(node.value, ast.Dict):
                raise GenError(f"{path}:{node.lineno}: ERROR_MESSAGES "
                               "is not a dict literal")
            return node.value
    raise GenError(f"{path}: no ERROR_MESSAGES dict; is this {PACKAGE}'s "
                   "error table?")


def _record(path, key, value):
    if key is None:  # `**other` inside the literal
        raise GenError(f"{path}:{value.lineno}: unexpected ** in "
                       "ERROR_MESSAGES")
    line = key.lineno
    code = _constant(key)
    if type(code) is not int or not 0 <= code <= 0xFFFFFFFF:
        raise GenError(f"{path}:{line}: key is not a 32-bit number")
    pair = value.elts if isinstance(value, ast.Tuple) else ()
    strings = [_constant(e) for e in pair]
    if len(strings) != 2 or not all(type(s) is str for s in strings):
        raise GenError(f"{path}:{line}: value is not a (\"NAME\", \"text\") "
                       "pair")
    name, text = strings[0].strip(), strings[1].strip()
    if not name.isidentifier():
        raise GenError(f"{path}:{line}: bad name {strings[0]!r}")
    if text in ("", name):
        text = None
    return TextRecord(name=name, value=code, text=text, table=None,
                      origin=f"{path}:{line}")


def _constant(node):
    """The value of a literal node, or None when it is not a literal."""
    if isinstance(node, ast.Constant):
        return node.value
    return None
