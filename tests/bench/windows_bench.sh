#!/bin/sh
# make bench-windows: err.exe's size and imports, and its start-up under
# Wine beside Wine's own `cmd /c exit` in the same run (alternating, so both
# see the same machine), with the Linux err beside /bin/true for scale.
# Environment: WINE_ENV (the env command of the Makefile's private Wine),
# WINE (the wine64 loader).  Argument: the Windows build directory.
set -eu
WB=$1
BUILD=$(dirname "$WB")
exe=$(cd "$WB" && pwd)/err.exe

echo "size: err.exe $(wc -c < "$exe") bytes (stripped, static); imports:" \
    $(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^[[:space:]]*DLL Name: //p')
echo "BENCH windows_exe_bytes $(wc -c < "$exe")"

# spawn_bench wants a path: the env of WINE_ENV as one.
WINE_ENV="$(command -v env) ${WINE_ENV#env }"

# Wine's services are started once, before timing: they then serve every run.
$WINE_ENV "$WINE" cmd /c exit </dev/null >/dev/null 2>&1

runs=${WIN_BENCH_RUNS:-101}
set -- $("$BUILD/spawn_bench" "$runs" -- $WINE_ENV "$WINE" "$exe" 800700c1 -- \
    $WINE_ENV "$WINE" cmd /c exit)
echo "startup under Wine: err.exe 800700c1 median $1 ms, cmd /c exit median $2 ms" \
    "($runs alternating runs each, wineserver running)"
echo "BENCH wine_startup_ms $1 $2"
set -- $("$BUILD/spawn_bench" "$runs" -- "$BUILD/err" 800700c1 -- /bin/true)
echo "for scale, natively: err 800700c1 median $1 ms, /bin/true median $2 ms"

# Cold: no wineserver running, so each run starts Wine's server and services
# first (what the first err.exe of a CI job pays).
cold() {
    $WINE_ENV "${WINESERVER:-/usr/lib/wine/wineserver64}" -k 2>/dev/null || true
    $WINE_ENV "${WINESERVER:-/usr/lib/wine/wineserver64}" -w 2>/dev/null || true
    t0=$(date +%s.%N)
    "$@" </dev/null >/dev/null 2>&1
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", (b - a) * 1000 }'
}
e=""; c=""
for i in 1 2 3; do
    e="$e $(cold $WINE_ENV "$WINE" "$exe" 800700c1)"
    c="$c $(cold $WINE_ENV "$WINE" cmd /c exit)"
done
echo "cold start under Wine (no wineserver running), 3 runs each, ms: err.exe$e; cmd /c exit$c"
