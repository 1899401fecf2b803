#!/bin/sh
# The Debian packages, the whole way (issue 14): build them from `make
# dist`'s tarball, build them again elsewhere and compare the bytes, run
# lintian on the .changes, `apt-get install ./*.deb`, run debian/tests/control
# against the installed packages, `apt-get purge` them and check that no
# file or directory they installed is left.
# Usage: tests/deb_test.sh [winerr-VERSION.tar.gz]   (as root: it runs apt-get)
# The package builds skip the package's own `make check` (dh_auto_test),
# which CI has just run on the same tree; DEB_TEST_CHECK=1 runs it in the
# first build too.
# Needs `make deps-deb`.  Leaves nothing behind: it works in a temporary
# directory and purges what it installed, also when a step fails.
set -eu
export LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive
# Other jobs on the machine may hold the dpkg lock for a while.
APT="apt-get -y -q -o DPkg::Lock::Timeout=600"
say() { printf 'deb: %s\n' "$*"; }
die() { printf 'deb: FAILED: %s\n' "$*"; exit 1; }
t0=$(date +%s)
lap() { say "$1 ($(( $(date +%s) - t0 )) s so far)"; }

[ "$(id -u)" = 0 ] || die "run as root (apt-get install and purge)"
for tool in dpkg-buildpackage dh lintian fakeroot; do
    command -v $tool >/dev/null || die "$tool missing: run make deps-deb"
done

tarball=${1:-}
if [ -z "$tarball" ]; then
    make -s dist >/dev/null
    tarball=winerr-$(sed -n 's/^#define WINERR_VERSION_STRING "\(.*\)"$/\1/p' lib/winerr.h).tar.gz
fi
[ -r "$tarball" ] || die "no tarball $tarball"
tarball=$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")
src=$(basename "$tarball" .tar.gz)

work=$(mktemp -d /tmp/winerr-deb.XXXXXX)
installed=
cleanup() {
    if [ -n "$installed" ]; then
        say "purging after a failure: $installed"
        # shellcheck disable=SC2086
        $APT purge $installed >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# ---- build, from the unpacked tarball --------------------------------------
mkdir -p "$work/a"
tar -C "$work/a" -xzf "$tarball"
if [ "${DEB_TEST_CHECK:-0}" = 1 ]; then opts="parallel=2" profiles=; else
    opts="nocheck parallel=2" profiles=-Pnocheck; fi
say "building $src in $work/a (DEB_BUILD_OPTIONS=$opts)"
(cd "$work/a/$src" && DEB_BUILD_OPTIONS=$opts dpkg-buildpackage -us -uc -b $profiles) \
    > "$work/build-a.log" 2>&1 ||
    { tail -n 60 "$work/build-a.log"; die "dpkg-buildpackage"; }
grep -E '^dpkg-gensymbols: warning' "$work/build-a.log" &&
    die "dpkg-gensymbols warned (debian/libwinerr0.symbols out of date?)"
[ -z "$profiles" ] && grep -E '^(check|FAILED|failed suites)' "$work/build-a.log" | sed 's/^/    package build: /'
lap "built: $(cd "$work/a" && echo ./*.deb)"

# ---- reproducible: another path, umask, time zone and locale, no tests ----
mkdir -p "$work/b/elsewhere"
tar -C "$work/b/elsewhere" -xzf "$tarball"
(cd "$work/b/elsewhere/$src" && umask 0002 && TZ=Asia/Kathmandu LC_ALL=C \
    DEB_BUILD_OPTIONS="nocheck parallel=2" dpkg-buildpackage -us -uc -b -Pnocheck) \
    > "$work/build-b.log" 2>&1 || { tail -n 40 "$work/build-b.log"; die "second build"; }
for f in "$work"/a/*.deb "$work"/a/*.ddeb; do
    [ -e "$f" ] || continue
    b=$work/b/elsewhere/$(basename "$f")
    cmp -s "$f" "$b" || die "$(basename "$f") differs between the two builds"
    say "reproducible: $(basename "$f") $(sha256sum < "$f" | cut -c1-16)"
done
lap "second build identical"

# ---- lintian: no error, no warning -----------------------------------------
changes=$(ls "$work"/a/*.changes)
rc=0
lintian --fail-on error,warning --display-info --show-overrides "$changes" \
    > "$work/lintian.log" || rc=$?
cat "$work/lintian.log"
[ "$rc" = 0 ] || die "lintian: exit status $rc"
grep -Eq '^[EW]: ' "$work/lintian.log" && die "lintian: errors or warnings above"
lap "lintian: no errors or warnings ($(grep -c '^[IPO]: ' "$work/lintian.log" || true) info/pedantic/override lines)"

# ---- install ------------------------------------------------------------------
cd "$work/a"
# Every binary package built, the -dbgsym ones too.
pkgs=$(for f in ./*.deb; do dpkg-deb -f "$f" Package; done)
sed -n 's/^Package: //p' "$src/debian/control" | while read -r p; do
    echo "$pkgs" | grep -qx "$p" || die "no .deb for $p"
done
for p in $pkgs; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
        die "$p is already installed here: purge it first (this test removes it)"
    fi
done
# Which of the packages' paths exist before they are installed: a
# directory such as /usr/bin is there before and stays after.
for f in ./*.deb; do dpkg-deb --fsys-tarfile "$f" | tar -t; done |
    sed 's,^\./,/,; s,/$,,' | grep -v '^/*$' | sort -u > "$work/paths"
while read -r p; do
    if [ -e "$p" ] || [ -L "$p" ]; then echo "$p"; fi
done < "$work/paths" > "$work/before"
installed=$(echo "$pkgs" | tr '\n' ' ')
# shellcheck disable=SC2086
$APT install ./*.deb > "$work/install.log" 2>&1 || { cat "$work/install.log"; die "apt-get install"; }
# shellcheck disable=SC2086
dpkg -L $pkgs | grep -vx -e / -e /. | sort -u > "$work/dpkg-L"
lap "installed $installed: $(wc -l < "$work/dpkg-L") paths"
say "/usr/share/doc/winerr/sources:"
sed 's/^/    /' /usr/share/doc/winerr/sources

# ---- the autopkgtests (debian/tests/control), run as autopkgtest would ----
# Each paragraph's Test-Command, or each name in Tests: (debian/tests/NAME),
# from the source tree, with AUTOPKGTEST_TMP; output on stderr fails a test
# unless its Restrictions allow it.  Test dependencies come from make deps.
cd "$work/a/$src"
awk '
function flush() {
    if (cmd != "") print "C\t" allow + 0 "\t" cmd
    n = split(tests, t, /[ ,]+/)
    for (i = 1; i <= n; i++) if (t[i] != "") print "T\t" allow + 0 "\t" t[i]
    cmd = ""; tests = ""; allow = 0; field = ""
}
/^[ \t]*$/ { flush(); next }
/^[ \t]/ { sub(/^[ \t]+/, " "); if (field == "cmd") cmd = cmd $0; else if (field == "tests") tests = tests $0; next }
{
    field = ""
    if (sub(/^Test-Command:[ \t]*/, "")) { cmd = $0; field = "cmd" }
    else if (sub(/^Tests:[ \t]*/, "")) { tests = $0; field = "tests" }
    else if (/^Restrictions:/ && /allow-stderr/) allow = 1
}
END { flush() }' debian/tests/control > "$work/tests"
[ -s "$work/tests" ] || die "no tests in debian/tests/control"
ntests=0
while IFS="$(printf '\t')" read -r kind allow what; do
    tmp=$(mktemp -d "$work/autopkgtest.XXXXXX")
    if [ "$kind" = C ]; then name="Test-Command: $what"; set -- sh -ec "$what"
    else name="debian/tests/$what"; set -- "debian/tests/$what"; fi
    rc=0
    # The system's PATH, as on a testbed: not a python3 or cc some user
    # installed first on the PATH (pyenv, /usr/local).
    PATH=/usr/sbin:/usr/bin:/sbin:/bin AUTOPKGTEST_TMP=$tmp "$@" \
        > "$tmp.out" 2> "$tmp.err" < /dev/null || rc=$?
    sed 's/^/    /' "$tmp.out" "$tmp.err"
    [ "$rc" = 0 ] || die "autopkgtest $name: exit status $rc"
    [ "$allow" = 1 ] || [ ! -s "$tmp.err" ] || die "autopkgtest $name: output on stderr"
    say "autopkgtest ok: $name"
    ntests=$((ntests + 1))
done < "$work/tests"
lap "$ntests autopkgtests passed"

# ---- purge, and nothing left -------------------------------------------------
cd "$work"
# shellcheck disable=SC2086
$APT purge $pkgs > "$work/purge.log" 2>&1 || { cat "$work/purge.log"; die "apt-get purge"; }
installed=
for p in $pkgs; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case $status in "" | *" not-installed") ;; *) die "$p after purge: $status" ;; esac
done
left=$(while read -r p; do
    if { [ -e "$p" ] || [ -L "$p" ]; } && ! grep -qxF "$p" "$work/before"; then echo "$p"; fi
done < "$work/dpkg-L")
[ -z "$left" ] || die "left after purge: $left"
lap "purged: none of the $(wc -l < "$work/dpkg-L") paths dpkg -L listed is left (the $(wc -l < "$work/before") that existed before the install, such as /usr/bin, are not theirs)"
say "ok"
