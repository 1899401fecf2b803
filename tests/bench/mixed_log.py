#!/usr/bin/env python3
"""Writes a deterministic mixed Windows log of a given size, for benchmarks
and the constant-memory test of `err --annotate`.

usage: mixed_log.py SIZE_MB OUT

The lines imitate CBS.log, IIS, setupapi, .NET traces, Event Viewer data,
wevtutil XML and CI output: mostly ordinary numbers (timestamps, PIDs, sizes,
GUIDs, addresses, versions), with an error code on a few percent of lines.
A block of distinct lines is generated from a fixed seed and repeated, so the
same SIZE gives the same bytes on every run and machine.
"""
import random
import sys

CODES = ["0x800700C1", "0x80070005", "0x800f0816", "0xC0000005", "0x8007000E",
         "0x80004005", "0xc000021a", "0x80070002", "0xD0000022", "0x800706BA"]


def guid(r):
    return "%08X-%04X-%04X-%04X-%012X" % (r.getrandbits(32), r.getrandbits(16),
                                          r.getrandbits(16), r.getrandbits(16),
                                          r.getrandbits(48))


def stamp(r):
    return "2024-%02d-%02d %02d:%02d:%02d" % (r.randint(1, 12), r.randint(1, 28),
                                             r.randint(0, 23), r.randint(0, 59),
                                             r.randint(0, 59))


def plain_line(r):
    kind = r.randrange(8)
    if kind == 0:
        return "%s, Info                  CBS    Read out cached package applicability for package: Package_%d_for_KB%d~31bf3856ad364e35~amd64~~10.0.%d.%d, ApplicableState: 112, CurrentState:112" % (
            stamp(r), r.randrange(4000), r.randrange(5000000), r.randrange(30000), r.randrange(4000))
    if kind == 1:
        return "%s W3SVC1 10.0.%d.%d GET /api/items/%d q=%d 443 - 192.168.%d.%d Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 %d" % (
            stamp(r), r.randrange(256), r.randrange(256), r.randrange(100000),
            r.randrange(1000), r.randrange(256), r.randrange(256), r.randrange(5000))
    if kind == 2:
        return "     dvi:           Flags        - 0x%08x  Rank - 0x00ff%04x  Signer Score - Inbox (0d000003) {%s}" % (
            r.getrandbits(12), r.getrandbits(16), guid(r))
    if kind == 3:
        return "   at System.IO.FileStream.Init(String path, FileMode mode) in C:\\src\\app\\Loader.cs:line %d  at 0x00007ff6%08x" % (
            r.randrange(2000), r.getrandbits(32))
    if kind == 4:
        return "%s.%03d [pid %d tid %d] copied %d bytes from \\\\server\\share\\file%d.bin in %d ms (v%d.%d.%d.%d)" % (
            stamp(r), r.randrange(1000), r.randrange(65536), r.randrange(65536),
            r.randrange(1 << 30), r.randrange(1000), r.randrange(10000), r.randrange(20),
            r.randrange(10), r.randrange(30000), r.randrange(1000))
    if kind == 5:
        return "<Event><System><EventID>%d</EventID><TimeCreated SystemTime='2024-05-01T12:%02d:%02d.%07dZ'/><Execution ProcessID='%d' ThreadID='%d'/></System></Event>" % (
            r.randrange(10000), r.randrange(60), r.randrange(60), r.randrange(10000000),
            r.randrange(65536), r.randrange(65536))
    if kind == 6:
        return "##[section]Starting: Build solution **\\*.sln  elapsed %d.%03ds  epoch %d  commit %07x" % (
            r.randrange(1000), r.randrange(1000), 1714567890 + r.randrange(100000),
            r.getrandbits(28))
    return "%s  Windows Update Agent: found %d updates, downloaded %d KB, id %s" % (
        stamp(r), r.randrange(50), r.randrange(1 << 20), guid(r))


def code_line(r):
    code = r.choice(CODES)
    kind = r.randrange(6)
    if kind == 0:
        return "%s, Error                 CBS    Failed to resolve package [HRESULT = %s]" % (stamp(r), code)
    if kind == 1:
        return "System.BadImageFormatException: (Exception from HRESULT: %s)" % code
    if kind == 2:
        return "%s, Info  DISM   API: PID=%d hr=%s - error %d" % (stamp(r), r.randrange(9999), code, r.choice([5, 1722, 2, 87]))
    if kind == 3:
        return r.choice(["0000: c1 00 07 80 05 00 00 00   A.......",
                         "##[error]Process exited with code -1073741819."])
    if kind == 4:
        return "<Data>svc</Data><Binary>C1000780%08X</Binary>" % r.getrandbits(32)
    return "%s W3SVC1 POST /upload - 443 - 10.1.1.1 curl/8.0 - 500 19 2147942402 %d" % (stamp(r), r.randrange(9000))


def block(r, lines):
    out = []
    for _ in range(lines):
        out.append(code_line(r) if r.randrange(100) < 3 else plain_line(r))
    return ("\n".join(out) + "\n").encode("ascii")


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: mixed_log.py SIZE_MB OUT\n")
        return 2
    size = int(sys.argv[1]) * 1000 * 1000
    data = block(random.Random(20240501), 40000)
    with open(sys.argv[2], "wb") as f:
        written = 0
        while written + len(data) <= size:
            f.write(data)
            written += len(data)
        rest = data[:size - written]
        f.write(rest[:rest.rfind(b"\n") + 1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
