# Sourced by the test scripts (sh): the two ways they count results.
#
# suite NAME CMD...  runs one whole suite, keeps going after a failure and
#                    remembers its name; summary LABEL prints one line of
#                    suites and returns nonzero when one failed.
#                    SUITE_NOTE, when set, is shown beside each suite's name.
# check WHAT CMD...  one assertion inside a suite, TAP-style; `[ $fail -eq 0 ]`
#                    at the end gives the script's status.
passed=0
failed=0
failed_names=
fail=0

suite() {
    name=$1
    shift
    echo "==> $name${SUITE_NOTE:+ ($SUITE_NOTE)}"
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failed_names="$failed_names $name"
        echo "FAILED: $name"
    fi
}

summary() {
    [ -n "$failed_names" ] && echo "failed suites:$failed_names"
    echo "$1: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

check() {
    what=$1
    shift
    if "$@"; then echo "ok - $what"; else echo "not ok - $what"; fail=$((fail + 1)); fi
}
