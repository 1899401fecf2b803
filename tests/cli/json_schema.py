"""Every JSON line the CLI tests see, checked against cli/err.schema.json.

The drivers hand each --json output to record(); check() then validates all
of them (each distinct line once) in one run of Debian's python3 with its
python3-jsonschema (`make deps` installs it): JSONSCHEMA_PYTHON names that
interpreter, /usr/bin/python3 by default, so the check uses the Debian
package even where `python3` is another installation.
"""

import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "..", "cli", "err.schema.json")
PYTHON = os.environ.get("JSONSCHEMA_PYTHON") or "/usr/bin/python3"

VALIDATOR = r'''
import importlib.metadata, json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
bad = n = 0
for raw in sys.stdin.buffer:
    n += 1
    try:
        obj = json.loads(raw)
    except ValueError as e:
        bad += 1
        print("not JSON (%s): %r" % (e, raw[:200]))
        continue
    errors = sorted(v.iter_errors(obj), key=lambda e: list(e.path))
    if errors:
        bad += 1
        if bad <= 5:
            best = jsonschema.exceptions.best_match(errors)
            print("invalid at %s: %s\n  in %r" % (list(best.path), best.message[:300], raw[:300]))
print("%d lines, %d invalid; jsonschema %s at %s" % (
    n, bad, importlib.metadata.version("jsonschema"), jsonschema.__file__))
sys.exit(1 if bad or n == 0 else 0)
'''

_lines = set()


def record(out):
    """Keeps each line of one --json output (bytes) for check()."""
    for line in out.splitlines():
        _lines.add(line)


def validate(lines):
    """(ok, the validator's output) for the given lines (bytes)."""
    data = b"\n".join(sorted(lines)) + b"\n"
    p = subprocess.run([PYTHON, "-c", VALIDATOR, SCHEMA], input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=1800)
    out = p.stdout.decode("utf-8", "replace").strip()
    return p.returncode == 0, out + p.stderr.decode("utf-8", "replace")[-500:]


# Lines the schema must reject: the old annotate value as a string, a match
# without shown_as, an unknown field, a value past 32 bits.
MUST_FAIL = [
    b'{"table":"winerror.h","entries":"5"}',
    b'{"input":"5"}',
    b'{"name":"E_FAIL","value":"0x80004005","hex":"0x80004005","table":"winerror.h",'
    b'"text":null,"kind":"hresult"}',
    b'{"name":"E_FAIL","value":4294967296,"hex":"0x80004005","table":"winerror.h",'
    b'"text":null,"kind":"hresult"}',
    b'{"table":"winerror.h","entries":5,"extra":1}',
]


def check(minimum):
    """Validates every recorded line; raises AssertionError naming the
    first invalid ones, or when fewer than `minimum` lines were recorded,
    or when the schema accepts a line it must reject.  Returns the
    validator's summary line."""
    if len(_lines) < minimum:
        raise AssertionError("only %d distinct JSON lines recorded (want %d or more)"
                             % (len(_lines), minimum))
    for bad in MUST_FAIL:
        ok, out = validate([bad])
        if ok:
            raise AssertionError("the schema accepts %r: %s" % (bad, out))
    ok, out = validate(_lines)
    if not ok:
        raise AssertionError("%s with %s:\n%s" % (SCHEMA, PYTHON, out))
    return out.splitlines()[-1]
