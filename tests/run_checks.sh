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
if [ -n "$PY_LIB" ]; then
    # The Python binding, with the interpreter it was built for (after sql:
    # it compares with the SQL variant); a sanitizer build's module needs
    # ASan's runtime loaded first.
    case " $CFLAGS " in
    *-fsanitize=address*)
        set -- env LD_PRELOAD="$($CC -print-file-name=libasan.so)" \
            ASAN_OPTIONS=detect_leaks=0 PYTHONMALLOC=malloc ;;
    *) set -- env ;;
    esac
    suite python "$@" PYTHONPATH="$PY_LIB" WINERR_ERR="$BUILD/err" WINERR_BUILD="$BUILD" \
        "$PY_PYTHON" -m pytest -q -p no:cacheprovider python/tests
fi

[ -n "$failed_names" ] && echo "failed suites:$failed_names"
echo "check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
