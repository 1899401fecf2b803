#!/bin/sh
# make check-windows: the CLI suites against err.exe under Wine, then the
# Windows-only tests; one summary line.  Environment: ERR_WINE (a script
# that runs err.exe under Wine), ERR_LINUX (the Linux err, for the
# comparisons), PYTHON.
#
# tests/windows/skip names the tests that do not apply to err.exe, each with
# its reason; the drivers report them as skipped.
PYTHON=${PYTHON:-python3}
HERE=$(dirname "$0")
SUITE_NOTE="err.exe under Wine"
. "$HERE/../harness.sh"

# A run that Wine's own loader ends with glibc's "Inconsistency detected by
# ld.so" is run again (tests/cli/wine_loader.py says when and why).
ERR_WINE_LOADER_RETRY=1
export ERR_WINE_LOADER_RETRY

# Wine's services start with the first program and keep the standard
# streams they inherit: started here, they hold /dev/null, not the pipes a
# test reads to their end.
"$ERR_WINE" --version </dev/null >/dev/null 2>&1

suite wine-loader "$PYTHON" tests/cli/wine_loader.py
suite cli "$PYTHON" tests/cli/run_cli_tests.py --err "$ERR_WINE" --skip-file "$HERE/skip-cli"
suite annotate "$PYTHON" tests/cli/test_annotate.py --err "$ERR_WINE" --skip-file "$HERE/skip-annotate"
suite windows "$PYTHON" "$HERE/test_windows.py" --err "$ERR_WINE" --linux "$ERR_LINUX"

summary check-windows
