#!/bin/sh
# Flags per 1,000 events of `err --annotate` over real event logs, and a
# random sample of the flags to check by hand.  Not part of `make check`:
# the .evtx files are other people's data and stay outside the repository.
#
# usage: sh tests/annotate-corpus/evtx_measure.sh ERR EVTX_DIR OUT_DIR [SAMPLE] [SEED]
#
# Needs evtxexport (Debian: libevtx-utils).  Writes OUT_DIR/all.txt and
# OUT_DIR/all.xml (evtxexport's text and XML output of every *.evtx file in
# EVTX_DIR), prints the event and flag counts of each, and writes SAMPLE
# (default 50) flags picked at random (SEED, default 11) from both, each
# with its line, its annotation and the provider and event ID it belongs
# to, to OUT_DIR/sample.txt.
set -eu
ERR=${1:?usage: evtx_measure.sh ERR EVTX_DIR OUT_DIR [SAMPLE] [SEED]}
DIR=${2:?}
OUT=${3:?}
SAMPLE=${4:-50}
SEED=${5:-11}
command -v evtxexport >/dev/null || { echo "evtx_measure: evtxexport not found (apt-get install libevtx-utils)" >&2; exit 2; }
mkdir -p "$OUT"
: > "$OUT/all.txt"
: > "$OUT/all.xml"
find "$DIR" -name '*.evtx' | sort | while IFS= read -r f; do
    evtxexport "$f" >> "$OUT/all.txt" 2>/dev/null || true
    evtxexport -f xml "$f" >> "$OUT/all.xml" 2>/dev/null || true
done
files=$(find "$DIR" -name '*.evtx' | wc -l)
python3 - "$ERR" "$OUT" "$SAMPLE" "$SEED" "$files" <<'EOF'
import json, random, re, subprocess, sys
err, out, sample, seed, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
flags = []
for name, event_re, provider_re, id_re in (
        ("all.txt", rb"^Event number\t", rb"^Source name\t+: (.*)", rb"^Event identifier\t+: (.*)"),
        ("all.xml", rb"<Event ", rb'<Provider Name="([^"]*)"', rb"<EventID[^>]*>([^<]*)<")):
    path = "%s/%s" % (out, name)
    lines = open(path, "rb").read().split(b"\n")
    events = sum(1 for l in lines if re.search(event_re, l))
    p = subprocess.run([err, "--annotate", "--json", path], stdout=subprocess.PIPE)
    objs = [json.loads(x) for x in p.stdout.splitlines()]
    print("%s: %d events, %d flags, %.1f flags per 1,000 events"
          % (name, events, len(objs), 1000.0 * len(objs) / max(events, 1)))
    for o in objs:
        # the provider and event ID of the event the flag is in
        prov = eid = b"?"
        for k in range(o["line"] - 1, -1, -1):
            m = re.search(provider_re, lines[k])
            if m and prov == b"?":
                prov = m.group(1)
            m = re.search(id_re, lines[k])
            if m and eid == b"?":
                eid = m.group(1)
            if re.search(event_re, lines[k]):
                break
        first = o["no_name"] and "no name: " + o["no_name"] or o["decoding"]["matches"][0]["shown_as"]
        flags.append("%s:%d  [%s / %s]\n    %s\n    -> %s = %s\n" % (
            name, o["line"], prov.decode(errors="replace"), eid.decode(errors="replace").strip(),
            lines[o["line"] - 1].decode(errors="replace").strip()[:200], o["match"], first))
random.seed(seed)
picked = random.sample(flags, min(sample, len(flags)))
with open("%s/sample.txt" % out, "w") as f:
    f.write("".join("%2d. %s" % (i + 1, s) for i, s in enumerate(picked)))
print("%s .evtx files; %d flags sampled (seed %d) into %s/sample.txt" % (files, len(picked), seed, out))
EOF
