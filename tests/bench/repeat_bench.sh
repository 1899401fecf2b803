#!/bin/sh
# Runs the lookup benchmark RUNS times, PAUSE seconds apart (each run pinned
# like `make bench`), and sums up each measurement's speed-up over its
# baseline: lowest, median, highest, and how many runs reached GOAL.
# A single run on a shared VM can land in a noisy moment; this shows how
# often that happens.
#
# usage: repeat_bench.sh BUILD_DIR [RUNS [PAUSE]]
set -eu
BUILD=${1:-build}
RUNS=${2:-16}
PAUSE=${3:-20}
pin=
if command -v taskset >/dev/null 2>&1; then
    pin="taskset -c ${BENCH_CPU:-0}"
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
i=0
while [ "$i" -lt "$RUNS" ]; do
    [ "$i" -eq 0 ] || sleep "$PAUSE"
    $pin "$BUILD/bench" | grep '^BENCH ' >> "$out"
    i=$((i + 1))
done
awk '
    { what = $2; n[what]++; ratio[what, n[what]] = $4 / $3; ours[what, n[what]] = $3;
      base[what, n[what]] = $4 }
    END {
        for (w in n) {
            goal[w] = (w ~ /^value_lookup/) ? 2 : 3
            m = n[w]
            for (i = 1; i <= m; i++) r[i] = ratio[w, i]
            for (i = 2; i <= m; i++) for (j = i; j > 1 && r[j - 1] > r[j]; j--) {
                t = r[j]; r[j] = r[j - 1]; r[j - 1] = t }
            med = (m % 2) ? r[(m + 1) / 2] : (r[m / 2] + r[m / 2 + 1]) / 2
            lo_o = hi_o = ours[w, 1]; lo_b = hi_b = base[w, 1]; met = 0
            for (i = 1; i <= m; i++) {
                if (ours[w, i] < lo_o) lo_o = ours[w, i]; if (ours[w, i] > hi_o) hi_o = ours[w, i]
                if (base[w, i] < lo_b) lo_b = base[w, i]; if (base[w, i] > hi_b) hi_b = base[w, i]
                if (ratio[w, i] >= goal[w]) met++
            }
            printf "%s: %d runs: winerr %.1f-%.1f ns, baseline %.1f-%.1f ns; speed-up %.2fx lowest, %.2fx median, %.2fx highest; %d of %d runs at least %dx\n",
                   w, m, lo_o, hi_o, lo_b, hi_b, r[1], med, r[m], met, m, goal[w]
        }
    }' "$out" | sort
