"""Shared fixtures of the winerr binding's tests.

The module under test is the one on PYTHONPATH (make check puts
build/python/lib there); `err` is WINERR_ERR (default build/err), the command
whose answers the binding must repeat.
"""
import json
import os
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.join(ROOT, os.environ.get("WINERR_BUILD", "build"))
ERR = os.path.join(ROOT, os.environ.get("WINERR_ERR", os.path.join(BUILD, "err")))
# Set by the valgrind run: the tests that only measure, or only start other
# programs, are left to the ordinary run.
UNDER_VALGRIND = os.environ.get("WINERR_UNDER_VALGRIND") == "1"
# Set by make check-sanitize's run (the module built with ASan, its runtime
# preloaded): ASan keeps freed memory in quarantine, so RSS says nothing there.
UNDER_ASAN = "libasan" in os.environ.get("LD_PRELOAD", "")


def run_err(*args, data=None):
    """err's exit status, stdout and stderr for args (str or bytes)."""
    p = subprocess.run([ERR] + list(args), input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=300)
    return p.returncode, p.stdout, p.stderr


def err_json(*args):
    """The objects `err --json args...` prints, one per input."""
    rc, out, errout = run_err("--json", *args)
    assert rc in (0, 1), errout
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="session")
def err():
    assert os.access(ERR, os.X_OK), "err is not built: %s" % ERR
    return ERR
