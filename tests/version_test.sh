#!/bin/sh
# One version, in one place: WINERR_VERSION_STRING in lib/winerr.h.  Checks
# that everything else that names a version agrees with it:
#   the header's MAJOR/MINOR/PATCH, debian/changelog, NEWS.md's newest entry,
# and with a build directory also winerr.pc and `err --version`.
# Usage: version_test.sh --sources | version_test.sh BUILD
set -u
h=lib/winerr.h
v=$(sed -n 's/^#define WINERR_VERSION_STRING "\(.*\)"$/\1/p' "$h")
fail=0
check() { # what, value found
    if [ "$2" = "$v" ]; then echo "version: $1 $2"; else
        echo "version: $1 says '$2', $h says '$v'"; fail=1; fi
}
parts=$(for p in MAJOR MINOR PATCH; do
            sed -n "s/^#define WINERR_VERSION_$p \([0-9]*\)$/\1/p" "$h"; done | paste -sd.)
check "WINERR_VERSION_MAJOR.MINOR.PATCH" "$parts"
# debian/changelog's first line: "winerr (VERSION) distribution; urgency=..."
check "debian/changelog" "$(sed -n '1s/^winerr (\([^)]*\)).*/\1/p' debian/changelog)"
# NEWS.md's first "## VERSION ..." heading
check "NEWS.md" "$(sed -n 's/^## \([^ ]*\).*/\1/p' NEWS.md | head -n 1)"
if [ "${1:-}" != --sources ]; then
    b=${1:-build}
    check "$b/winerr.pc" "$(sed -n 's/^Version: //p' "$b/winerr.pc")"
    check "err --version" "$("$b/err" --version | sed -n 's/^err (winerr) //p')"
fi
exit $fail
