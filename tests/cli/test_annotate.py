#!/usr/bin/env python3
"""Tests of `err --annotate`: logs in the styles people paste from, checked
line by line, the false-positive traps, JSON output, streams (CRLF, bytes
that are not UTF-8, NUL, over-long lines, constant memory) and exit status.

usage: python3 tests/cli/test_annotate.py --err build/err

Every log below is a list of lines.  A plain string is a line that must come
out unchanged with no annotation after it; a tuple (line, codes) is a line
that must come out unchanged followed by one annotation per code, in order,
each code being (matched text, [names the annotation must show]).
"""
import argparse
import json
import os
import select
import subprocess
import sys
import tempfile

PREFIX = b"    #> "
HERE = os.path.dirname(os.path.abspath(__file__))
MIXED_LOG = os.path.join(HERE, "..", "bench", "mixed_log.py")
TIME = "/usr/bin/time"

# ---- logs ------------------------------------------------------------------

IIS_LOG = [
    "#Software: Microsoft Internet Information Services 10.0",
    "#Version: 1.0",
    "#Date: 2024-05-01 12:00:00",
    "#Fields: date time s-sitename s-ip cs-method cs-uri-stem cs-uri-query s-port "
    "cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken",
    "2024-05-01 12:00:01 W3SVC1 10.0.0.4 GET /default.aspx - 443 - 192.168.1.20 "
    "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 200 0 0 31",
    ("2024-05-01 12:00:02 W3SVC1 10.0.0.4 GET /api/orders id=1234 443 - 192.168.1.21 "
     "curl/8.4.0 - 500 19 2147942402 15",
     [("2147942402", ["HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)"])]),
    ("2024-05-01 12:00:04 W3SVC1 10.0.0.4 GET /app/ - 443 - 192.168.1.23 Mozilla/5.0 - "
     "503 0 2147942593 2",
     [("2147942593", ["HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)"])]),
    "2024-05-01 12:00:05 W3SVC1 10.0.0.4 GET /favicon.ico - 443 - 192.168.1.23 Mozilla/5.0 - 404 0 2 0",
    "2024-05-01 12:00:06 W3SVC1 10.0.0.4 POST /upload - 8080 - 192.168.1.24 curl/8.4.0 - 413 0 64 1203",
]

WINDOWS_UPDATE_LOG = [
    "2024/05/01 12:00:00.1234567 1184  7868  Misc            ===========  Logging initialized (build: 10.0.19041.3570, tz: +0200)  ===========",
    "2024/05/01 12:00:00.2345678 1184  7868  Agent           WU client version 1000.1000.0.0",
    ("2024/05/01 12:00:01.3456789 1184  7868  ProtocolTalker  *FAILED* [8024402C] "
     "Method failed [CAgentProtocolTalker::GetCookie:3412]",
     [("8024402C", ["WU_E_PT_WINHTTP_NAME_NOT_RESOLVED"])]),
    ("2024/05/01 12:00:01.4567890 1184  7868  Agent           *FAILED* [80240017] "
     "Method failed [CAgentUpdateManager::DetectForUpdates:1520]",
     [("80240017", ["WU_E_NOT_APPLICABLE"])]),
    ("2024-05-01\t12:00:02:123\t 996\t1a2c\tPT\tWARNING: SyncUpdates failure, "
     "error = 0x8024402C, HTTP status code = 200",
     [("0x8024402C", ["WU_E_PT_WINHTTP_NAME_NOT_RESOLVED"])]),
    ("2024-05-01\t12:00:02:456\t 996\t1a2c\tAgent\t  * WARNING: Exit code = 0x80244019",
     [("0x80244019", ["WU_E_PT_HTTP_STATUS_NOT_FOUND"])]),
    "2024/05/01 12:00:03.5678901 1184  7868  Handler         Update {4D2B7A3E-8F0C-4A1B-9E2D-1C3F5A6B7C8D}.201 is already installed",
]

CBS_LOG = [
    "2024-05-01 12:00:00, Info                  CBS    TI: --- Initializing Trusted Installer ---",
    "2024-05-01 12:00:00, Info                  CBS    Loaded Servicing Stack v10.0.19041.3570 with Core: "
    "C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.19041.3570_none_7e3e4e4a3c2b1b0a\\cbscore.dll",
    "2024-05-01 12:00:01, Info                  CBS    Session: 31234567_1234567890 initialized by client "
    "WindowsUpdateAgent, external staging directory: (null)",
    ("2024-05-01 12:00:02, Error                 CBS    Failed to get next element "
     "[HRESULT = 0x80073712 - ERROR_SXS_COMPONENT_STORE_CORRUPT]",
     [("0x80073712", ["HRESULT_FROM_WIN32(ERROR_SXS_COMPONENT_STORE_CORRUPT)"])]),
    "2024-05-01 12:00:04, Info                  CBS    Exec: Processing complete.  Session: "
    "31234567_1234567890, Package: Package_for_KB5034441~31bf3856ad364e35~amd64~~19041.3920.1.4, hr: 0x0",
    ("2024-05-01 12:00:05, Error                 CBS    Startup: Failed to process advanced operation "
     "queue, startupPhase: 0.  A rollback transaction was created. [HRESULT = 0x80004005 - E_FAIL]",
     [("0x80004005", ["E_FAIL"])]),
    "2024-05-01 12:00:06, Info                  CBS    Ending TrustedInstaller finalization.",
]

SETUPAPI_LOG = [
    ">>>  [Device Install (Hardware initiated) - USB\\VID_046D&PID_C52B\\5&2f2b1c8e&0&3]",
    ">>>  Section start 2024/05/01 12:00:00.123",
    "     ump: Creating Install Process: DrvInst.exe 12:00:00.125",
    "     dvi:           Flags        - 0x00001240",
    "     dvi:           Rank         - 0x00ff2000",
    "     dvi:           Signer Score - Inbox (0d000003)",
    "     dvi:           DrvDate      - 06/21/2006",
    "     dvi:           Version      - 10.0.19041.1",
    "     inf:      Class GUID: {4d36e972-e325-11ce-bfc1-08002be10318}",
    ("!!!  flq:                Error 2: The system cannot find the file specified.",
     [("2", ["ERROR_FILE_NOT_FOUND"])]),
    "!!!  dvi:      Device not started: Device has problem: 0x0000001c (CM_PROB_FAILED_INSTALL), "
    "problem status: 0x00000000.",
    ("!!!  ndv: Installing NULL driver failed. Error = 0x800F0203",
     [("0x800F0203", ["SPAPI_E_NO_DRIVER_SELECTED"])]),
    "<<<  Section end 2024/05/01 12:00:01.234",
]

DOTNET_TRACE = [
    ("Unhandled Exception: System.BadImageFormatException: Could not load file or assembly "
     "'Contoso.Native, Version=1.2.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35' or one of "
     "its dependencies. An attempt was made to load a program with an incorrect format. "
     "(Exception from HRESULT: 0x800700C1)",
     [("0x800700C1", ["HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)"])]),
    "   at Contoso.App.Program.Main(String[] args) in C:\\build\\src\\App\\Program.cs:line 27",
    ("System.UnauthorizedAccessException: Access to the path 'C:\\ProgramData\\Contoso\\state.json' is "
     "denied. ---> System.Runtime.InteropServices.COMException (0x80070005): Access is denied. "
     "(Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))",
     [("0x80070005", ["E_ACCESSDENIED"])]),
    ("   HResult=-2147024891", [("-2147024891", ["E_ACCESSDENIED"])]),
    "   at System.IO.__Error.WinIOError(Int32 errorCode, String maybeFullPath)",
    ("System.Runtime.InteropServices.COMException (0x800706BA): The RPC server is unavailable. "
     "(Exception from HRESULT: 0x800706BA)",
     [("0x800706BA", ["HRESULT_FROM_WIN32(RPC_S_SERVER_UNAVAILABLE)"])]),
    "   --- End of inner exception stack trace ---",
    ("   at System.Net.Sockets.Socket.Connect(EndPoint remoteEP) HResult=0x80004005 Win32 error 10061",
     [("0x80004005", ["E_FAIL"]), ("10061", ["WSAECONNREFUSED"])]),
]

WEVTUTIL_XML = [
    "<Events>",
    ("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider "
     "Name='Microsoft-Windows-WAS' Guid='{524B5D04-133C-4A62-8362-64E8EDB9CE40}' EventSourceName='WAS'/>"
     "<EventID Qualifiers='49152'>5002</EventID><Version>0</Version><Level>2</Level><Task>0</Task>"
     "<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='2024-05-01T12:00:00.1234567Z'/>"
     "<EventRecordID>123456</EventRecordID><Execution ProcessID='812' ThreadID='9876'/><Channel>System"
     "</Channel><Computer>WS01.contoso.com</Computer></System><EventData><Data Name='AppPoolID'>"
     "DefaultAppPool</Data><Binary>C1000780</Binary></EventData></Event>",
     [("C1000780", ["HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)"])]),
    ("<Event><System><EventID>7023</EventID></System><EventData><Data Name='param1'>Contoso Agent</Data>"
     "<Binary>0500000022000000C0000005</Binary></EventData></Event>",
     [("05000000", ["ERROR_ACCESS_DENIED"]), ("22000000", ["ERROR_WRONG_DISK"])]),
    "<Event><System><EventID>7036</EventID></System><EventData><Binary>00000000</Binary></EventData></Event>",
    "</Events>",
]

EVENT_VIEWER = [
    "Log Name:      System",
    "Source:        Microsoft-Windows-WAS",
    "Date:          5/1/2024 12:00:00 PM",
    "Event ID:      5002",
    "Description:",
    "Application pool 'DefaultAppPool' is being automatically disabled due to a series of failures.",
    "Data:",
    "In Bytes",
    "",
    (b"0000: c1 00 07 80               \xc1..?",
     [("c1 00 07 80", ["HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)"])]),
    "",
    "In Words",
    "",
    ("0000: 800700c1", [("800700c1", ["HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)"])]),
    "",
    (b"0000: 00 00 00 00 22 00 00 c0   ....\"..\xc0",
     [("22 00 00 c0", ["STATUS_ACCESS_DENIED"])]),
    (b"0008: 35 01 00 c0               5..\xc0   ",
     [("35 01 00 c0", ["STATUS_DLL_NOT_FOUND"])]),
    # a line cut short: its whole DWORD is read, the loose bytes after it not
    ("  0010: c1 00 07 80 05 00", [("c1 00 07 80", ["HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)"])]),
]

CI_BUILD = [
    "##[group]Run msbuild Contoso.sln /p:Configuration=Release /m",
    "Microsoft (R) Build Engine version 17.8.3+195e7f5a3 for .NET Framework",
    "  Build started 5/1/2024 12:00:00 PM.",
    "D:\\a\\contoso\\contoso\\src\\net.c(112,5): error C2065: 'sock': undeclared identifier "
    "[D:\\a\\contoso\\contoso\\src\\Contoso.Native.vcxproj]",
    "LINK : fatal error LNK1104: cannot open file 'Contoso.Native.lib'",
    ("C:\\Program Files\\Microsoft Visual Studio\\2022\\Enterprise\\MSBuild\\Microsoft\\VC\\v170\\"
     "Microsoft.CppCommon.targets(254,5): error MSB8066: Custom build for 'gen.vcxproj' exited with "
     "code -1073741515.",
     [("-1073741515", ["STATUS_DLL_NOT_FOUND"])]),
    ("  SignTool Error: An unexpected internal error has occurred. Error information: "
     "\"Error: SignerSign() failed.\" (-2147024885/0x8007000b)",
     [("0x8007000b", ["HRESULT_FROM_WIN32(ERROR_BAD_FORMAT)"])]),
    "##[error]Process completed with exit code 1.",
    "    3 Warning(s)",
    "    2 Error(s)",
    "Time Elapsed 00:01:23.45",
    ("Error: Process completed with exit code 3221225781.",
     [("3221225781", ["STATUS_DLL_NOT_FOUND"])]),
    ("  LoadLibrary failed with 0x800700C1L", [("0x800700C1L", ["HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)"])]),
    ("  hr = 0x800700c1UL", [("0x800700c1UL", ["HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)"])]),
    ("  Win32 error code 1722 from the RPC call", [("1722", ["RPC_S_SERVER_UNAVAILABLE"])]),
    ("0042: connection failed, error 1722", [("1722", ["RPC_S_SERVER_UNAVAILABLE"])]),
    ("  driver status 0xC0070005", [("0xC0070005", ["NTSTATUS_FROM_WIN32(ERROR_ACCESS_DENIED)"])]),
]

# Each line holds ordinary numbers only: none may be annotated.
TRAPS = [
    "2024-05-01 12:00:00.123 [pid 4242] [tid 17320] retry 3 of 5",
    "2024-05-01T12:00:00.1234567Z epoch 1714567890 took 2147 ms",
    "Date: 5/1/2024 12:00:00 PM",
    "   at Contoso.App.Worker.Run() in C:\\src\\Worker.cs:line 2147",
    "copied 1048576 bytes (4294967296 total) to \\\\fs01\\share\\big.vhdx",
    "Interface {800700C1-1234-5678-9ABC-DEF012345678} and C0000005-0000-0000-C000-000000000046",
    "IID {00000000-0000-0000-C000-000000000046} CLSID {80070005-0000-0000-0000-000000000000}",
    "rip=0x00007ff6a1b2c3d4 rsp=0x000000a1b2c3d4e8",
    "fffff801`80070005 nt!KeBugCheckEx 00007ff6`c0000005",
    "Version 10.0.19041.3570, file version 6.2.9200.16384, v2147942402.1",
    "from 10.0.0.1:8080 to 192.168.200.1, fe80::1c2d:3e4f:5a6b:7c8d",
    "Flags: 0x00001240 mask 0x0000ffff attr 0x00000020",
    "mask 0xffffffff, handle 0xFFFFFFFE, JET -1003 as fffffc15 or 0xfffffc15L",
    "DesiredAccess 0x80000000 | 0x40000000, attributes 0x10000000 0x00010000 0x00040000",
    "HRESULT_FROM_WIN32(0) is 0x80070000, HRESULT_FROM_NT(0) is 0x10000000",
    "returned -1, errno -22, offset -4096, delta -65536",
    "HTTP status 200, status: 404, Status = 500, hr 5, status 5",
    "exit code 1, exited with code 2, code 1722",
    "wide 0x800700C1ABCD and 800700c1d and x800700c1 and 800700c1_x",
    "value 2147942402.5 and 1.2147942402 and 2147942402-3",
    "hr: 0x0, status=0x00000000, error 0, HRESULT = 0x00000000",
    "<Binary>00000000</Binary>",
    "0000: 00 00 00 00 00 00 00 00   ........",
    "commit 195e7f5a3 tree 9a8b7c6d5e4f",
    "Package_for_KB5034441~31bf3856ad364e35~amd64~~19041.3920.1.4",
    "Build 22631.3447 at 12:34:56:789, build 8007 run 0005",
    "see 0x80070005.dll, `0x80070005` and 0x80070005`, 0x800700c1LUL",
]

LOGS = {
    "iis": IIS_LOG, "windowsupdate": WINDOWS_UPDATE_LOG, "cbs": CBS_LOG,
    "setupapi": SETUPAPI_LOG, "dotnet": DOTNET_TRACE, "wevtutil": WEVTUTIL_XML,
    "eventviewer": EVENT_VIEWER, "ci": CI_BUILD, "traps": TRAPS,
}


# ---- harness ---------------------------------------------------------------

class Results:
    passed = 0
    failed = 0


def check(cond, what):
    if cond:
        Results.passed += 1
    else:
        Results.failed += 1
        print("FAIL: " + what)
    return cond


def as_bytes(s):
    return s if isinstance(s, bytes) else s.encode("utf-8")


def spec(entry):
    """(line bytes, expected codes) of one log entry."""
    if isinstance(entry, tuple):
        return as_bytes(entry[0]), entry[1]
    return as_bytes(entry), []


def run(err, args, data=b"", timeout=120):
    p = subprocess.run([err, "--annotate"] + args, input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def groups(out):
    """Splits annotated output into [input line with its ending, [annotations]]."""
    result = []
    for line in out.splitlines(keepends=True):
        if line.startswith(PREFIX) and result:
            result[-1][1].append(line)
        else:
            result.append([line, []])
    return result


def check_annotation(name, ann, match, names, eol):
    body = ann[len(PREFIX):]
    check(body.endswith(eol) and not body[:-len(eol)].endswith(b"\r"),
          "%s: annotation of %s ends with %r: %r" % (name, match, eol, ann))
    check(body.startswith(as_bytes(match) + b" "),
          "%s: annotation starts with %r: %r" % (name, match, ann))
    for n in names:
        check(b" " + as_bytes(n) + b" (" in body,
              "%s: annotation of %s names %s: %r" % (name, match, n, ann))


def check_log(err, name, entries, eol=b"\n"):
    lines = [spec(e) for e in entries]
    data = b"".join(line + eol for line, _ in lines)
    rc, out, errout = run(err, [], data)
    any_code = any(codes for _, codes in lines)
    check(rc == (0 if any_code else 1), "%s: exit status %d" % (name, rc))
    check(errout == b"", "%s: nothing on stderr: %r" % (name, errout))
    got = groups(out)
    if not check(len(got) == len(lines), "%s: %d lines out, %d in" % (name, len(got), len(lines))):
        return
    for (line, codes), (out_line, anns) in zip(lines, got):
        check(out_line == line + eol, "%s: line unchanged: %r -> %r" % (name, line, out_line))
        if not check(len(anns) == len(codes), "%s: %d annotations (want %d) after %r: %r"
                     % (name, len(anns), len(codes), line[:90], anns)):
            continue
        for ann, (match, names) in zip(anns, codes):
            check_annotation(name, ann, match, names, eol)


# ---- tests -------------------------------------------------------------------

def test_logs(err):
    for name, entries in LOGS.items():
        check_log(err, name, entries)


def test_crlf(err):
    check_log(err, "cbs-crlf", CBS_LOG, eol=b"\r\n")
    check_log(err, "eventviewer-crlf", EVENT_VIEWER, eol=b"\r\n")


def test_exact_format(err):
    rc, out, _ = run(err, [], b"0000: c1 00 07 80               \xc1..?\n")
    check(out == b"0000: c1 00 07 80               \xc1..?\n"
          b"    #> c1 00 07 80 (0x800700c1) = HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT) "
          b"(winerror.h): %1 is not a valid Win32 application.\n",
          "founding example, exact output: %r" % out)
    rc, out, _ = run(err, [], b"hr=0xC0000005\n")
    check(out.startswith(b"hr=0xC0000005\n    #> 0xC0000005 = STATUS_ACCESS_VIOLATION (ntstatus.h), +"),
          "0x form without the value repeated; other headers' names counted: %r" % out)
    rc, out, _ = run(err, [], b"Error 2: not found\n")
    check(out.startswith(b"Error 2: not found\n    #> 2 (0x00000002) = ERROR_FILE_NOT_FOUND (winerror.h), +")
          and b"STATUS_WAIT_2" not in out, "after 'error', a Win32 name only: %r" % out)


def test_short_text(err):
    """A long message text is cut after a word, with "...", and stays on
    one line with single blanks."""
    rc, out, _ = run(err, [], b"status 0xC000025B\n")
    anns = groups(out)[0][1]
    full = json.loads(run(err, ["--json"], b"status 0xC000025B\n")[1])["decoding"]["matches"][0]
    check(full["name"] == "STATUS_PWD_TOO_RECENT" and len(full["text"]) > 300,
          "0xC000025B has a text over 300 bytes: %r" % full["text"])
    if not check(len(anns) == 1, "one annotation: %r" % out):
        return
    head = b"    #> 0xC000025B = STATUS_PWD_TOO_RECENT (ntstatus.h): "
    ann = anns[0]
    text = ann[len(head):-1]
    words = " ".join(full["text"].split()).encode()
    check(ann.startswith(head) and text.endswith(b"...") and len(text) <= 303,
          "long text cut with '...' within 300 bytes: %r" % ann)
    check(words.startswith(text[:-3]) and words[len(text) - 3:len(text) - 2] == b" ",
          "cut at a word boundary of the real text: %r" % text[-40:])


def test_many_names(err):
    """When no entry is of the kind the keyword names ("hr" before a Win32
    code), the best three are shown and the rest counted."""
    rc, out, _ = run(err, [], b"hr 0x00000005\n")
    o = json.loads(run(err, ["--json"], b"hr 0x00000005\n")[1])
    anns = groups(out)[0][1]
    if not check(len(anns) == 1 and o["decoding"]["main"] == 0, "one annotation, no main: %r" % out):
        return
    shown = [m["shown_as"] + " (" + m["table"] + ")" for m in o["decoding"]["matches"][:3]]
    want = ("    #> 0x00000005 = " + ", ".join(shown) +
            ", +%d more: Access is denied.\n" % (o["decoding"]["total"] - 3)).encode()
    check(o["decoding"]["total"] > 3 and anns[0] == want, "%r, want %r" % (anns[0], want))


def test_hit_limit(err):
    """At most 64 codes (ERR_SCAN_MAX_HITS) are reported from one line; the
    next line is scanned afresh."""
    many = b"hr=0x80070005 <Binary>" + b"05000000" * 70 + b"</Binary>"
    hexes = b" ".join(b"0x%08x" % (0x80070000 + i) for i in range(1, 101))
    rc, out, _ = run(err, ["--json"], many + b"\n" + hexes + b"\nerror 5\n")
    objs = [json.loads(x) for x in out.splitlines()]
    per_line = [sum(1 for o in objs if o["line"] == n) for n in (1, 2, 3)]
    check(rc == 0 and per_line == [64, 64, 1], "codes per line: %r" % per_line)
    check([o["column"] for o in objs if o["line"] == 2][:2] == [1, 12],
          "the first 64 of a line, in column order")


def test_bytes_passed_through(err):
    line = b"\xff\xfe\x00 bin \x80\x81 hr=0x80070005 \xc3\x28 \x00\x00 end\x1b[0m"
    rc, out, _ = run(err, [], line + b"\n" + b"\x00" * 10 + b"\n")
    g = groups(out)
    check(len(g) == 2 and g[0][0] == line + b"\n" and len(g[0][1]) == 1
          and g[1] == [b"\x00" * 10 + b"\n", []], "non-UTF-8 and NUL bytes kept: %r" % out)
    # A CR alone inside a line is data, not a line ending.
    rc, out, _ = run(err, [], b"a\rb error 5\r\n")
    check(out.startswith(b"a\rb error 5\r\n    #> 5 (0x00000005) = ERROR_ACCESS_DENIED (winerror.h), +")
          and out.endswith(b": Access is denied.\r\n") and out.count(b"\n") == 2,
          "lone CR kept: %r" % out)


def test_last_line_unterminated(err):
    rc, out, _ = run(err, [], b"first\r\nlast 0x80070005")
    g = groups(out)
    check(len(g) == 2 and g[1][0] == b"last 0x80070005\r\n" and len(g[1][1]) == 1
          and g[1][1][0].endswith(b"\r\n"), "unterminated last line gets the file's ending: %r" % out)
    rc, out, _ = run(err, [], b"no code here")
    check(out == b"no code here" and rc == 1, "unannotated last line stays unterminated")
    rc, out, _ = run(err, [], b"")
    check(rc == 1 and out == b"", "empty input: exit 1, no output")


def test_duplicates_on_a_line(err):
    rc, out, _ = run(err, [], b"(0x80070005): x (Exception from HRESULT: 0x80070005) -2147024891\n")
    check(len(groups(out)[0][1]) == 1, "one annotation per distinct code on a line: %r" % out)
    rc, out, _ = run(err, ["--json"], b"(0x80070005): x (Exception from HRESULT: 0x80070005)\n")
    check(len(out.splitlines()) == 2, "but one JSON object per occurrence")


def test_follows_a_pipe(err):
    """`tail -f log | err --annotate`: each line is answered as it comes."""
    p = subprocess.Popen([err, "--annotate"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        p.stdin.write(b"first line\nhr=0x80070005\n")
        p.stdin.flush()
        got = b""
        while got.count(b"\n") < 3:
            ready, _, _ = select.select([p.stdout], [], [], 10)
            chunk = os.read(p.stdout.fileno(), 4096) if ready else b""
            if not chunk:
                break
            got += chunk
        check(got.startswith(b"first line\nhr=0x80070005\n    #> 0x80070005 = E_ACCESSDENIED"),
              "annotations arrive before the input ends: %r" % got)
    finally:
        p.stdin.close()
        p.wait(timeout=10)


def test_long_lines(err):
    code = b" hr=0x80070005 "
    exact = b"x" * (1 << 20 - 0)
    exact = exact[:(1 << 20) - len(code)] + code  # exactly 1 MiB before the CRLF
    big = (b"0x800700C1 " * 150000)[:1600000]      # 1.6 MB: passed through
    data = exact + b"\r\n" + big + b"\n" + b"after error 1722\n" + big
    rc, out, _ = run(err, [], data)
    g = groups(out)
    check(len(g) == 4, "long lines: 4 lines out (got %d)" % len(g))
    if len(g) == 4:
        check(g[0][0] == exact + b"\r\n" and len(g[0][1]) == 1, "a 1 MiB line is still annotated")
        check(g[1] == [big + b"\n", []], "a 1.6 MB line passes through untouched")
        check(g[2][0] == b"after error 1722\n" and len(g[2][1]) == 1,
              "the line after a long one is annotated")
        check(g[3] == [big, []], "an unterminated long last line passes through")
    rc, out, _ = run(err, ["--json"], data)
    lines = [json.loads(x) for x in out.splitlines()]
    check([o["line"] for o in lines] == [1, 3], "JSON line numbers count long lines: %r"
          % [o["line"] for o in lines])


def test_json(err):
    for name, entries in LOGS.items():
        lines = [spec(e) for e in entries]
        data = b"".join(line + b"\n" for line, _ in lines)
        rc, out, _ = run(err, ["--json"], data)
        objs = []
        for text in out.splitlines():
            try:
                objs.append(json.loads(text.decode("utf-8")))
            except ValueError:
                check(False, "%s: JSON line parses: %r" % (name, text))
        want = [(i + 1, m, ns) for i, (_, codes) in enumerate(lines) for m, ns in codes]
        # Same-line duplicates are separate objects in JSON; keep the first of each.
        seen, firsts = set(), []
        for o in objs:
            if (o["line"], o["value"]) not in seen:
                seen.add((o["line"], o["value"]))
                firsts.append(o)
        check(len(firsts) == len(want), "%s: distinct codes in JSON %d, want %d" % (name, len(firsts), len(want)))
        for o, (lineno, match, names) in zip(firsts, want):
            line = lines[lineno - 1][0]
            col = o["column"] - 1
            check(o["file"] == "-" and o["line"] == lineno and o["match"] == match,
                  "%s: JSON file/line/match %r" % (name, (o["file"], o["line"], o["match"])))
            check(line[col:col + len(match)] == as_bytes(match),
                  "%s: JSON column %d points at %r" % (name, o["column"], match))
            shown = [m["shown_as"] for m in o["decoding"]["matches"]]
            for n in names:
                check(n in shown, "%s: JSON for %s has %s: %r" % (name, match, n, shown))
            v = int(o["value"], 16)
            check(o["signed"] == (v - (1 << 32) if v >= 1 << 31 else v), "%s: signed value" % name)
            check(o["decoding"]["hresult"]["code"] == v & 0xFFFF, "%s: hresult code" % name)


def test_json_escaping(err):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(os.fsencode(d), b"log\xff\"x\".txt")
        with open(path, "wb") as f:
            f.write(b"\xc1\xff hr=0x80070005 \x00\t\n")
        p = subprocess.run([err, "--annotate", "--json", path], stdout=subprocess.PIPE)
        try:
            o = json.loads(p.stdout.decode("utf-8"))
            check(o["file"].endswith("log\ufffd\"x\".txt") and o["column"] == 7,
                  "JSON file name escaped: %r" % o["file"])
        except ValueError:
            check(False, "JSON with a non-UTF-8 file name parses: %r" % p.stdout)


def test_strict(err):
    data = b"[8024402C] x -2147024891 y 0x80070005 z error 5 w <Binary>C1000780</Binary>\n"
    rc, out, _ = run(err, ["--strict"], data)
    matches = [a[len(PREFIX):].split(b" ")[0] for a in groups(out)[0][1]]
    check(matches == [b"0x80070005", b"5", b"C1000780"], "--strict keeps explicit forms: %r" % matches)
    rc, out, _ = run(err, [], b"JET error 0xfffffc15\n")
    check(len(groups(out)[0][1]) == 1, "0xffffxxxx after a keyword is looked up: %r" % out)
    rc, out, _ = run(err, ["--strict"], b"HResult=-2147024891\n")
    check(len(groups(out)[0][1]) == 1, "--strict takes a decimal after a keyword")


def test_files_and_status(err):
    with tempfile.TemporaryDirectory() as d:
        a = os.path.join(d, "a.log")
        b = os.path.join(d, "b.log")
        with open(a, "wb") as f:
            f.write(b"one\nhr=0x80070005\n")
        with open(b, "wb") as f:
            f.write(b"nothing\n")
        p = subprocess.run([err, "--annotate", "--json", a, b, a], stdout=subprocess.PIPE)
        objs = [json.loads(x) for x in p.stdout.splitlines()]
        check(p.returncode == 0 and [(o["file"], o["line"]) for o in objs] == [(a, 2), (a, 2)],
              "JSON names each file and counts its lines: %r" % objs)
        p = subprocess.run([err, "--annotate", b], stdout=subprocess.PIPE)
        check(p.returncode == 1 and p.stdout == b"nothing\n", "nothing found: exit 1")
        p = subprocess.run([err, "--annotate", "-", a], input=b"error 5\n", stdout=subprocess.PIPE)
        check(p.returncode == 0 and p.stdout.count(PREFIX) == 2 and p.stdout.startswith(b"error 5\n"),
              "'-' reads standard input among files")
        missing = os.path.join(d, "missing.log")
        p = subprocess.run([err, "--annotate", missing, a], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        err_lines = p.stderr.decode().splitlines()
        check(p.returncode == 2 and len(err_lines) == 1 and "missing.log" in err_lines[0]
              and err_lines[0].startswith("err: "), "missing file: exit 2, one line: %r" % p.stderr)
        check(p.stdout.startswith(b"one\n"), "the other files are still annotated")
        p = subprocess.run([err, "--annotate", d], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        check(p.returncode == 2 and p.stderr.count(b"\n") == 1 and os.fsencode(d) in p.stderr,
              "a directory: exit 2, one line naming it: %r" % p.stderr)
        full = subprocess.run("%s --annotate %s > /dev/full" % (err, a), shell=True, stderr=subprocess.PIPE)
        check(full.returncode == 2 and full.stderr.startswith(b"err: ") and full.stderr.count(b"\n") == 1,
              "a full disk: exit 2, one line: %r" % full.stderr)
        p = subprocess.run([err, "--annotate", "--", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        check(p.returncode == 2 and b"--json" in p.stderr, "after --, --json is a file name")
    for bad in (["--bogus"], ["-x"], ["--csv"], ["--json=1"]):
        rc, out, errout = run(err, bad, b"error 5\n")
        check(rc == 2 and out == b"" and errout.count(b"\n") == 1 and errout.startswith(b"err: ")
              and as_bytes(bad[0]) in errout, "usage error %r: exit 2, one line: %r" % (bad, errout))
    p = subprocess.run([err, "--annotate", "--help"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    check(p.returncode == 0 and p.stdout.startswith(b"usage: err --annotate") and p.stderr == b"",
          "--annotate --help: usage on stdout, exit 0")
    p = subprocess.run([err, "--json", "--annotate"], input=b"error 5\n", stdout=subprocess.PIPE)
    check(p.returncode == 0 and p.stdout.startswith(b"{"), "options before --annotate count")
    p = subprocess.run("%s --annotate < /dev/zero | head -c 100000 > /dev/null; echo ${PIPESTATUS[0]}"
                       % err, shell=True, executable="/bin/bash", stdout=subprocess.PIPE, timeout=60)
    check(p.stdout.strip() in (b"141", b"2"), "a closed pipe ends it: %r" % p.stdout)


def max_rss_kb(cmd, stdin_path):
    """Runs cmd with stdin from a file, output discarded, under GNU time
    (a child forked from Python would count Python's own pages); returns its
    exit status and peak resident memory in KiB."""
    with tempfile.NamedTemporaryFile() as report, open(stdin_path, "rb") as f, \
            open(os.devnull, "wb") as null:
        p = subprocess.run([TIME, "-f", "%x %M", "-o", report.name] + cmd,
                           stdin=f, stdout=null, timeout=300)
        status, kb = open(report.name).read().split()[-2:]
    return int(status), int(kb)


def sanitized(err):
    with open(err, "rb") as f:
        return b"__asan_init" in f.read()


def test_constant_memory(err):
    if not check(os.access(TIME, os.X_OK), "%s (Debian package time) measures memory" % TIME):
        return
    # Constant: a 50 MB log needs no more than a 1 MB one (any build), and
    # little in all (a build without sanitizers).
    limit = 20 * 1024 if not sanitized(err) else 1 << 30
    with tempfile.TemporaryDirectory() as d:
        small_log, log = os.path.join(d, "small.log"), os.path.join(d, "mixed.log")
        subprocess.run([sys.executable, MIXED_LOG, "1", small_log], check=True)
        subprocess.run([sys.executable, MIXED_LOG, "50", log], check=True)
        rc, small = max_rss_kb([err, "--annotate"], small_log)
        rc, kb = max_rss_kb([err, "--annotate"], log)
        check(rc == 0 and kb < limit and kb - small < 4096,
              "50 MB log: exit %d, peak RSS %d KiB (1 MB log: %d KiB)" % (rc, kb, small))
        rc, kbj = max_rss_kb([err, "--annotate", "--json"], log)
        check(rc == 0 and kbj < limit and kbj - small < 4096,
              "50 MB log, JSON: peak RSS %d KiB" % kbj)
        one = os.path.join(d, "oneline.log")
        with open(one, "wb") as f:
            for _ in range(300):
                f.write(b"0x80070005 error 5 " * 5000)  # 28 MB, no newline
        rc, kb1 = max_rss_kb([err, "--annotate"], one)
        check(rc == 1 and kb1 < limit and kb1 - small < 4096,
              "28 MB single line: exit %d, peak RSS %d KiB" % (rc, kb1))
        print("memory: 1 MB log %d KiB, 50 MB log %d KiB (JSON %d KiB), 28 MB line %d KiB"
              % (small, kb, kbj, kb1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--err", required=True)
    ap.add_argument("--skip-file", help="tests that do not apply, one 'NAME | REASON' a line")
    opts = ap.parse_args()
    err = os.path.abspath(opts.err)
    skips = {}
    if opts.skip_file:
        with open(opts.skip_file, encoding="utf-8") as f:
            for line in f:
                name, sep, reason = line.strip().partition(" | ")
                if line.strip() and not line.lstrip().startswith("#"):
                    if not sep or not reason.strip():
                        raise SystemExit("%s: not 'NAME | REASON': %r" % (opts.skip_file, line))
                    skips[name.strip()] = reason.strip()
    tests = (test_logs, test_crlf, test_exact_format, test_bytes_passed_through,
              test_last_line_unterminated, test_duplicates_on_a_line, test_follows_a_pipe,
              test_short_text, test_many_names, test_hit_limit,
              test_long_lines,
              test_json, test_json_escaping, test_strict, test_files_and_status,
              test_constant_memory)
    for name in skips:
        check(name in [t.__name__ for t in tests], "skip-file names test %s" % name)
    skipped = 0
    for t in tests:
        if t.__name__ in skips:
            print("SKIP %s: %s" % (t.__name__, skips[t.__name__]))
            skipped += 1
            continue
        try:
            t(err)
        except Exception as e:  # a crash of one test is a failure, not the end
            check(False, "%s raised %r" % (t.__name__, e))
    print("%d passed, %d failed%s" % (Results.passed, Results.failed,
                                       ", %d tests skipped" % skipped if skipped else ""))
    return 1 if Results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
