#!/bin/sh
# Stages `make install`, builds the README's example against it through
# pkg-config, and checks what the shared library exports and relocates.
set -eu
BUILD=${1:-build}
stage=$(pwd)/$BUILD/stage
libdir=$stage/usr/lib
rm -rf "$stage"
make -s install DESTDIR="$stage" PREFIX=/usr BUILD="$BUILD" >/dev/null

export PKG_CONFIG_PATH="$libdir/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$stage"
# The example is the README's, extracted so the two cannot drift apart.
sed -n '/^```c example$/,/^```$/p' README.md | sed '1d;$d' > "$BUILD/example.c"
test -s "$BUILD/example.c" || { echo "install: no example in README.md"; exit 1; }
# shellcheck disable=SC2046
${CC:-cc} "$BUILD/example.c" $(pkg-config --cflags --libs winerr) ${LDFLAGS:-} -o "$BUILD/example"
out=$(LD_LIBRARY_PATH="$stage/usr/lib" "$BUILD/example")
echo "$out"
ldd_out=$(LD_LIBRARY_PATH="$stage/usr/lib" ldd "$BUILD/example")
echo "$ldd_out" | grep -q "libwinerr.so.0 => $stage/usr/lib/" || { echo "install: example not linked against the shared library"; exit 1; }
echo "$out" | grep -q '^ERROR_BAD_EXE_FORMAT' || { echo "install: name missing"; exit 1; }
echo "$out" | grep -q '%1 is not a valid Win32 application\.' || { echo "install: text missing"; exit 1; }

so=$(ls "$stage"/usr/lib/libwinerr.so.*.*.*)
# A --coverage build links gcov's runtime into the library, with symbols
# that are libgcov's, not ours, and a pointer per instrumented function:
# leave those symbols out, and hold only uninstrumented builds to the
# relocation limit (the plain `make check` always runs this test).
runtime=/dev/null
reloc_limit=200
case " ${CFLAGS:-} ${LDFLAGS:-} " in
*" --coverage "*)
    runtime=$BUILD/gcov-runtime.syms
    reloc_limit=
    nm --defined-only "$(${CC:-cc} -print-file-name=libgcov.a)" 2>/dev/null |
        awk 'NF == 3 {print $3}' | sort -u > "$runtime" ;;
esac
# AddressSanitizer describes every instrumented global with pointers, so a
# sanitizer build has a relocation per table too; the plain build's run of
# this test holds the limit.
case " ${CFLAGS:-} ${LDFLAGS:-} " in
*" -fsanitize="*) reloc_limit= ;;
esac
others=$(nm -D --defined-only "$so" | awk '{print $3}' | grep -v '^winerr_' |
         grep -vxF -f "$runtime" || true)
[ -z "$others" ] || { echo "install: exported symbols without winerr_ prefix: $others"; exit 1; }
relocs=$(readelf -rW "$so" | grep -c '^[0-9a-f]\{8,\} ' || true)
echo "install: $(nm -D --defined-only "$so" | grep -c ' winerr_') exported winerr_ symbols, $relocs relocations"
[ -z "$reloc_limit" ] || [ "$relocs" -lt "$reloc_limit" ] ||
    { echo "install: $relocs relocations (limit $reloc_limit)"; exit 1; }
# Every generated table must sit in a read-only section (nm type r/R).
writable=$(nm "$so" | awk '$3 ~ /^winerr__/ && $2 !~ /^[rRtT]$/ {print $3}')
[ -z "$writable" ] || { echo "install: tables not read-only: $writable"; exit 1; }
[ -f "$stage/usr/share/man/man1/err.1" ] && [ -x "$stage/usr/bin/err" ]
make -s uninstall DESTDIR="$stage" PREFIX=/usr BUILD="$BUILD" >/dev/null
left=$(find "$stage" -type f -o -type l)
[ -z "$left" ] || { echo "install: uninstall left: $left"; exit 1; }
echo "install: ok"
