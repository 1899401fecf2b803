#!/bin/sh
# Builds a second variant with the SQL Server messages export (issue 5) and
# checks the founding example and the SQL lookups against it.  Skips, saying
# so, where the export is absent (a user's machine).
set -u
BUILD=${1:-build}
csv=${SQL_MESSAGES_TEST:-../shared/data/sql-messages.csv}
if [ ! -r "$csv" ]; then
    echo "sql: skipped: no SQL export at $csv"
    exit 0
fi
sqlbuild=$BUILD-sql
start=$(date +%s)
make -s BUILD="$sqlbuild" SQL_MESSAGES="$csv" all >/dev/null || { echo "sql: build failed"; exit 1; }
echo "sql: build with SQL table took $(( $(date +%s) - start )) s (incremental)"
err=$sqlbuild/err
fail=0
check() { # description, then a command that must succeed
    what=$1; shift
    if "$@"; then echo "ok - $what"; else echo "not ok - $what"; fail=$((fail + 1)); fi
}

check "sql_err table holds 16313 entries" \
    sh -c "$err | grep -Eq '^ *sql_err +16313\$|^ *16313 +sql_err\$|sql_err.*\b16313\b'"

expected=$(printf '%s\n' \
 '# as an HRESULT: Severity: FAILURE (1), FACILITY_WIN32 (0x7), Code 0xc1' \
 '# for hex 0xc1 / decimal 193' \
 "  $(printf '%-62s' SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION) bugcodes.h" \
 "  $(printf '%-62s' SQL_193_severity_15) sql_err" \
 "# The object or column name starting with '%.*ls' is too" \
 '# long. The maximum length is %d characters.' \
 "  $(printf '%-62s' ERROR_BAD_EXE_FORMAT) winerror.h" \
 '# %1 is not a valid Win32 application.')
actual=$("$err" 800700c1)
printf '%s\n' "$expected" > "$sqlbuild/founding.expected"
# err.exe prints nothing for the value itself when nothing has it exactly.
printf '%s\n' "$actual" | sed -n '/^# as an HRESULT/,$p' | head -n 8 > "$sqlbuild/founding.actual"
check "800700c1 founding block" diff -u "$sqlbuild/founding.expected" "$sqlbuild/founding.actual"
check "800700c1 footer counts 3 matches" \
    sh -c "printf '%s\n' \"\$1\" | tail -n 1 | grep -Fxq '# 3 matches found for \"800700c1\"'" _ "$actual"
check "=SQL_18456_severity_14 found" sh -c "$err =SQL_18456_severity_14 | grep -q '^  SQL_18456_severity_14 .* sql_err\$'"
check "-s login failed finds 18456" sh -c "$err -s login failed | grep -q 'SQL_18456_severity_14'"
echo "sql: $(ls -l "$sqlbuild/err" | awk '{print $5}') bytes err with the SQL table, $(ls -l "$BUILD/err" | awk '{print $5}') without"
[ "$fail" -eq 0 ]
