#!/bin/sh
# With WINSDK_INCLUDE (a real Windows SDK's include tree, never part of the
# repository): builds against it and checks what issue 12 asks of such a
# build.  Without it, says that it is skipped.
set -u
BUILD=${1:-build}
SDK=${WINSDK_INCLUDE:-}
MAKE=${MAKE:-make}
PYTHON=${PYTHON:-python3}
TSV=${ERR_SOURCES_TSV:-../shared/reference/err-6.4.5-sources.tsv}
if [ -z "$SDK" ]; then
    echo "sdk: skipped: no WINSDK_INCLUDE given (make check WINSDK_INCLUDE=.../Windows Kits/10/Include/10.0.x.0)"
    exit 0
fi
if [ "${HEADER_BUILDS:-yes}" = no ]; then
    echo "sdk: skipped in this run (HEADER_BUILDS=no; make check runs it)"
    exit 0
fi
sb=$BUILD-sdk
. "$(dirname "$0")/harness.sh"
start=$(date +%s)
$MAKE -s BUILD="$sb" WINSDK_INCLUDE="$SDK" all >/dev/null || { echo "sdk: build failed"; exit 1; }
echo "sdk: build with the SDK took $(( $(date +%s) - start )) s (incremental)"
err=$sb/err
grep -E '^WINSDK_INCLUDE layout|^(winsdk|mingw-w64|wine|winapi-rs|winsdk-text|winsdk comments|header comments|impacket): ' "$sb/report.txt" | sed 's/^/  /'

check "every table name is lower case, or err.exe's own spelling" \
    sh -c "sed -n '/^== Entries and texts per table/,/^== /p' '$sb/report.txt' | awk 'NR>2 && NF {print \$1}' | grep -v '^legacyErrorCodes.h\$' | grep -q '[A-Z]' && exit 1 || exit 0"
if [ -r "$TSV" ]; then
    $PYTHON -m generator.tools.compare_counts "$sb/report.txt" "$TSV" > "$sb/compare.txt"
    tail -n 2 "$sb/compare.txt"
    check "no table spelled otherwise than err.exe spells it" \
        sh -c "! grep -q ' spelled ' '$sb/compare.txt'"
fi
has() { # description, arguments, pattern
    what=$1; pat=$3
    check "$what" sh -c "'$err' $2 | grep -q -- '$pat'"
}
if [ -n "$(find "$SDK" -iname esent.h | head -n 1)" ]; then
    has "esent.h: JET_errRfsFailure as -100" "-- -100" "JET_errRfsFailure"
    has "esent.h: JET_errRfsFailure as 0x8E5E0064" "8e5e0064" "JET_errRfsFailure"
fi
if [ -n "$(find "$SDK" -iname lmerr.h | head -n 1)" ]; then
    has "lmerr.h: a text from a trailing comment" "=NERR_NetNotStarted" "^# The workstation driver"
    check "lmerr.h: a text on the line after its define" \
        sh -c "'$err' =NERR_WkstaInconsistentState | grep -q '^# The Workstation'"
fi
if [ -n "$(find "$SDK" -iname odbcinst.h | head -n 1)" ]; then
    check "no range marker: ODBC_ERROR_MAX is not an entry" \
        sh -c "! '$err' =ODBC_ERROR_MAX >/dev/null"
fi
if [ -n "$(find "$SDK" -iname winfax.h | head -n 1)" ]; then
    check "no span marker: FAX_ERR_START is not an entry" \
        sh -c "! '$err' =FAX_ERR_START >/dev/null"
    has "winfax.h: FAX_ERR_SRV_OUTOFMEMORY stays" "=FAX_ERR_SRV_OUTOFMEMORY" "winfax.h"
fi
if [ -n "$(find "$SDK" -iname verrsrc.h | head -n 1)" ]; then
    check "verrsrc.h's version flags are no codes" \
        sh -c "! '$err' | grep -q 'verrsrc.h'"
fi
for t in iiscnfg.h pbdaerrors.h imapierror.h mpeg2error.h; do
    [ -n "$(find "$SDK" -iname "$t" | head -n 1)" ] || continue
    check "$t gives entries" sh -c "'$err' | grep -q '$t'"
done
[ $fail -eq 0 ]
