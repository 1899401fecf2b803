#!/bin/sh
# err's start-up cost beside /bin/true, and its stdin throughput beside
# `wc -w` over the same million codes.
set -eu
BUILD=${1:-build}
err=$(cd "$BUILD" && pwd)/err

set -- $("$BUILD/spawn_bench" 501 -- "$err" 800700c1 -- /bin/true)
echo "startup: err 800700c1 median $1 ms, /bin/true median $2 ms (501 alternating runs each)"
echo "BENCH startup_ms $1 $2"

codes=$BUILD/bench-codes.txt
python3 - "$codes" <<'PY'
import random, sys
# A fixed mix of the forms people paste: HRESULTs, NTSTATUS, Win32 decimals,
# negative decimals, names.
rnd = random.Random(1)
forms = [lambda: "0x%08x" % (0x80070000 | rnd.randrange(0, 0x4000)),
         lambda: "%08x" % (0xC0000000 | rnd.randrange(0, 0x400)),
         lambda: str(rnd.randrange(0, 16000)),
         lambda: str(-(0x7FF8FFFF - rnd.randrange(0, 0x3000)) - 1),
         lambda: rnd.choice(["E_FAIL", "ERROR_ACCESS_DENIED", "STATUS_ACCESS_VIOLATION"])]
with open(sys.argv[1], "w") as f:
    for i in range(0, 1000000, 4):
        f.write(" ".join(rnd.choice(forms)() for _ in range(4)) + "\n")
PY
n=1000000
t0=$(date +%s.%N); "$err" - < "$codes" > /dev/null || true; t1=$(date +%s.%N)
wc -w < "$codes" > /dev/null; t2=$(date +%s.%N)
awk -v n=$n -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
    e = n / (b - a); w = n / (c - b);
    printf "stdin: err - decoded %d codes in %.2f s (%.0f codes/s); wc -w read them in %.2f s\n", n, b - a, e, c - b;
    printf "BENCH stdin_codes_per_s %.0f %.0f\n", e, w }'
