#!/bin/sh
# Runs every test suite of `make check` in turn, keeps going after a failure
# so one run shows everything, and ends with one summary line of suites.
# Environment: BUILD (build dir), PYTHON, TEST_BINS (cmocka programs),
# WRAPPER (optional command prefix for the CLI drivers, e.g. valgrind).
BUILD=${BUILD:-build}
PYTHON=${PYTHON:-python3}
passed=0
failed=0
failed_names=

suite() {
    name=$1
    shift
    echo "==> $name"
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failed_names="$failed_names $name"
        echo "FAILED: $name"
    fi
}

for t in $TEST_BINS; do
    suite "$(basename "$t")" "$t"
done
suite generator "$PYTHON" -m unittest discover -s generator/tests -t .
if [ -n "$WRAPPER" ]; then
    suite cli "$PYTHON" tests/cli/run_cli_tests.py --err "$BUILD/err" --wrapper "$WRAPPER"
else
    suite cli "$PYTHON" tests/cli/run_cli_tests.py --err "$BUILD/err"
fi
suite annotate "$PYTHON" tests/cli/test_annotate.py --err "$BUILD/err"
suite install sh tests/install_test.sh "$BUILD"
suite version sh tests/version_test.sh "$BUILD"
suite sql sh tests/sql_test.sh "$BUILD"

[ -n "$failed_names" ] && echo "failed suites:$failed_names"
echo "check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
