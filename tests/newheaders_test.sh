#!/bin/sh
# Builds against newer header sets than Debian 12's (issue 12): mingw-w64 14
# and Wine 10's Windows headers, unpacked (dpkg-deb -x, nothing installed)
# from ../shared/data/debs/ into the build directory; reads mingw-w64 12's
# headers through the generator alone.  Prints the entry counts beside the
# default build's, checks that Wine's names arrive (err 8007019e) and that
# the same inputs give the same bytes.  Skips, saying so, where the
# packages are absent.
set -u
BUILD=${1:-build}
DEBS=${DEBS_DIR:-../shared/data/debs}
MAKE=${MAKE:-make}
PYTHON=${PYTHON:-python3}
if [ "${HEADER_BUILDS:-yes}" = no ]; then
    echo "newheaders: skipped in this run (HEADER_BUILDS=no; make check runs it)"
    exit 0
fi
m14=$(ls "$DEBS"/mingw-w64-common_14.*_all.deb 2>/dev/null | head -n 1)
m12=$(ls "$DEBS"/mingw-w64-common_12.*_all.deb 2>/dev/null | head -n 1)
wine=$(ls "$DEBS"/libwine-dev_10.*.deb 2>/dev/null | head -n 1)
if [ -z "$m14" ] || [ -z "$wine" ]; then
    echo "newheaders: skipped: no mingw-w64-common 14 or libwine-dev 10 package in $DEBS"
    exit 0
fi
if ! command -v dpkg-deb >/dev/null 2>&1; then
    echo "newheaders: skipped: dpkg-deb is not installed"
    exit 0
fi
nb=$BUILD-newhdr
. "$(dirname "$0")/harness.sh"
unpack() { # deb, directory
    [ -f "$2/.unpacked" ] && [ "$2/.unpacked" -nt "$1" ] && return 0
    rm -rf "$2" && mkdir -p "$2" && dpkg-deb -x "$1" "$2" && touch "$2/.unpacked"
}
start=$(date +%s)
unpack "$m14" "$nb/debs/mingw14" && unpack "$wine" "$nb/debs/wine10" || {
    echo "newheaders: cannot unpack the packages"; exit 1; }
mingw14=$nb/debs/mingw14/usr/share/mingw-w64/include
wine10=$nb/debs/wine10/usr/include/wine/wine/windows
$MAKE -s BUILD="$nb" MINGW_INCLUDE="$mingw14" WINE_INCLUDE="$wine10" all >/dev/null || {
    echo "newheaders: build with mingw-w64 14 and Wine 10 failed"; exit 1; }
echo "newheaders: build with mingw-w64 14 + Wine 10 took $(( $(date +%s) - start )) s"

summary() { # report -> "entries names tables texts"
    awk '/^entries: /{e=$2} /^distinct names: /{n=$3} /^tables: /{t=$2}
         /^entries with a text: /{x=$5} END {print e, n, t, x}' "$1"
}
printf '%-34s %8s %8s %7s %8s\n' "build" entries names tables texts
printf '%-34s %8s %8s %7s %8s\n' "default ($BUILD)" $(summary "$BUILD/report.txt")
printf '%-34s %8s %8s %7s %8s\n' "mingw-w64 14 + Wine 10 ($nb)" $(summary "$nb/report.txt")
grep -E '^(mingw-w64|wine|winapi-rs): ' "$nb/report.txt" | sed 's/^/  /'

out=$("$nb/err" 8007019e)
check "err 8007019e names ERROR_LINUX_SUBSYSTEM_NOT_PRESENT (Wine's winerror.h)" \
    sh -c "printf '%s\n' \"\$1\" | grep -q '^  ERROR_LINUX_SUBSYSTEM_NOT_PRESENT  *winerror.h\$'" _ "$out"
check "the newer build has more entries than the default one" \
    test "$(summary "$nb/report.txt" | cut -d' ' -f1)" -gt "$(summary "$BUILD/report.txt" | cut -d' ' -f1)"
check "no header of mingw-w64 14 or Wine 10 is unreadable" \
    sh -c "! grep -q ':0: cannot read: ' '$nb/report.txt'"

# The same inputs, generated again: the same bytes.
flags=$(cat "$nb/gen/options")
rm -rf "$nb/regen"
# shellcheck disable=SC2086
$PYTHON -m generator $flags --out "$nb/regen" >/dev/null || fail=$((fail + 1))
same=yes
for f in "$nb/regen"/*; do
    case $f in *report.txt) continue ;; esac
    cmp -s "$f" "$nb/gen/${f##*/}" || { same=no; echo "differs: ${f##*/}"; }
done
check "the same inputs give byte-identical tables" test $same = yes
rm -rf "$nb/regen"

if [ -n "$m12" ]; then
    unpack "$m12" "$nb/debs/mingw12" || { echo "newheaders: cannot unpack $m12"; exit 1; }
    rm -rf "$nb/gen12"
    # shellcheck disable=SC2086
    check "mingw-w64 12's headers generate without errors" \
        $PYTHON -m generator $(echo "$flags" | sed "s|--mingw-include [^ ]*|--mingw-include $nb/debs/mingw12/usr/share/mingw-w64/include|; s|--wine-include [^ ]*||") --out "$nb/gen12"
    printf '%-34s %8s %8s %7s %8s\n' "mingw-w64 12 (generator only)" $(summary "$nb/gen12/report.txt")
    rm -rf "$nb/gen12"
else
    echo "newheaders: mingw-w64 12 skipped: no mingw-w64-common 12 package in $DEBS"
fi
echo "newheaders: took $(( $(date +%s) - start )) s in all"
[ $fail -eq 0 ]
