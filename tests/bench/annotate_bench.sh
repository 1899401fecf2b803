#!/bin/sh
# err --annotate throughput beside grep's over the same generated log.
#
# usage: sh tests/bench/annotate_bench.sh BUILD_DIR [SIZE_MB]
#
# Generates (once, deterministically) a SIZE_MB (default 200) mixed Windows
# log in BUILD_DIR, warms the page cache, then times, best of 3 each,
#   err --annotate < log > /dev/null
#   grep -c -E '0x[0-9A-Fa-f]{8}' log
# and prints "BENCH annotate_mb_s <err MB/s> <grep MB/s>" (MB = 10^6 bytes)
# and whether err reaches the goal of half grep's speed (exit 1 if not).
set -eu
BUILD=${1:?usage: annotate_bench.sh BUILD_DIR [SIZE_MB]}
SIZE_MB=${2:-200}
PYTHON=${PYTHON:-python3}
ERR=$BUILD/err
HERE=$(dirname "$0")
LOG=$BUILD/annotate-bench/mixed-$SIZE_MB.log

[ -x "$ERR" ] || { echo "annotate_bench: $ERR not built" >&2; exit 2; }
mkdir -p "$BUILD/annotate-bench"
if [ ! -s "$LOG" ] || [ "$HERE/mixed_log.py" -nt "$LOG" ]; then
    "$PYTHON" "$HERE/mixed_log.py" "$SIZE_MB" "$LOG.tmp"
    mv "$LOG.tmp" "$LOG"
fi
bytes=$(wc -c < "$LOG")
cat "$LOG" > /dev/null

# Seconds of the fastest of 3 runs of "$@" (stdin from the log when asked).
best_of_3() {
    "$PYTHON" - "$LOG" "$@" <<'EOF'
import subprocess, sys, time
log, mode, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
best = None
for _ in range(3):
    with open(log, "rb") as f, open("/dev/null", "wb") as null:
        t = time.perf_counter()
        # grep stops at the first match when its output is /dev/null, so
        # its count goes to a pipe; err's output goes to /dev/null.
        r = subprocess.run(cmd, stdin=f if mode == "stdin" else subprocess.DEVNULL,
                           stdout=null if mode == "stdin" else subprocess.PIPE)
        dt = time.perf_counter() - t
    if r.returncode not in (0, 1):
        sys.exit("annotate_bench: %s exited %d" % (cmd[0], r.returncode))
    best = dt if best is None else min(best, dt)
print("%.6f" % best)
EOF
}

t_err=$(best_of_3 stdin "$ERR" --annotate)
t_grep=$(best_of_3 file grep -c -E '0x[0-9A-Fa-f]{8}' "$LOG")
awk -v b="$bytes" -v te="$t_err" -v tg="$t_grep" 'BEGIN {
    e = b / te / 1e6; g = b / tg / 1e6;
    printf "BENCH annotate_mb_s %.0f %.0f\n", e, g;
    printf "annotate: %.1f MB in %.3f s (err) and %.3f s (grep): %.2fx grep, goal 0.5x: %s\n",
           b / 1e6, te, tg, e / g, (e >= 0.5 * g) ? "met" : "MISSED";
    exit (e >= 0.5 * g) ? 0 : 1 }'
