#!/bin/sh
# Runs every test suite of `make check` in turn, keeps going after a failure
# so one run shows everything, and ends with one summary line of suites.
# Environment: BUILD (build dir), PYTHON, TEST_BINS (cmocka programs),
# WRAPPER (optional command prefix for the CLI drivers, e.g. valgrind).
BUILD=${BUILD:-build}
PYTHON=${PYTHON:-python3}
. "$(dirname "$0")/harness.sh"

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
suite annotate-portable "$PYTHON" tests/cli/test_annotate.py --err "$BUILD/err-portable"
suite annotate-sse2 "$PYTHON" tests/cli/test_annotate.py --err "$BUILD/err-sse2"
suite scan-paths "$PYTHON" tests/cli/test_scan_paths.py --reference "$BUILD/err-every-word" \
    "$BUILD/err" "$BUILD/err-sse2" "$BUILD/err-portable"
suite install sh tests/install_test.sh "$BUILD"
suite version sh tests/version_test.sh "$BUILD"
suite sql sh tests/sql_test.sh "$BUILD"
suite newheaders sh tests/newheaders_test.sh "$BUILD"
suite sdk sh tests/sdk_test.sh "$BUILD"
# The corpus of real-format log excerpts, scored with the SQL Server names
# where the sql suite built them.
corpus_err="$BUILD/err"
[ -x "$BUILD-sql/err" ] && corpus_err="$BUILD-sql/err"
suite annotate-corpus "$PYTHON" tests/annotate-corpus/score.py --err "$corpus_err"
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

summary check
