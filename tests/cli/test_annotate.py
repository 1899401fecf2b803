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
import time

import wine_loader  # noqa: F401  (under Wine only: see its docstring)

import json_schema

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
    # In a longer blob only failure codes with a name count, never small integers.
    ("<Event><System><EventID>7023</EventID></System><EventData><Data Name='param1'>Contoso Agent</Data>"
     "<Binary>0500000022000000220000C0</Binary></EventData></Event>",
     [("220000C0", ["STATUS_ACCESS_DENIED"])]),
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


# ---- issue 11: the phrasings of real logs -------------------------------------

PHRASES = [
    ("OSError: [WinError 193] %1 is not a valid Win32 application",
     [("193", ["ERROR_BAD_EXE_FORMAT"])]),
    ("ConnectionResetError(10054, 'An existing connection was forcibly closed', None, 10054, None)",
     [("10054", ["WSAECONNRESET"])]),
    # a C errno in the tuple is no Win32 code (13 is EACCES, not ERROR_INVALID_DATA)
    "PermissionError(13, 'Access is denied')",
    ("CopyFile returned 2: The system cannot find the file specified.",
     [("2", ["ERROR_FILE_NOT_FOUND"])]),
    "query returned 5 rows in 12 ms",
    ("Back from server. Return value: 1603", [("1603", ["ERROR_INSTALL_FAILURE"])]),
    "Action ended 10:02:11: InstallFinalize. Return value 3.",
    ("MainEngineThread is returning 1603", [("1603", ["ERROR_INSTALL_FAILURE"])]),
    ("Update failed (exit code: 1603).", [("1603", ["ERROR_INSTALL_FAILURE"])]),
    ("(Error number 5)", [("5", ["ERROR_ACCESS_DENIED"])]),
    ("The service failed to start: 126", [("126", ["ERROR_MOD_NOT_FOUND"])]),
    ("[SC] StartService FAILED 1053:", [("1053", ["ERROR_SERVICE_REQUEST_TIMEOUT"])]),
    "passed 10, failed 5, skipped 2",
    ("dwRet = 0x3cf2", [("0x3cf2", ["ERROR_INSTALL_INVALID_PACKAGE"])]),
    ("error MSB3073: The command \"x.exe\" exited with code -1073741819.",
     [("-1073741819", ["STATUS_ACCESS_VIOLATION"])]),
    ("error MSB6006: \"CL.exe\" exited with code - 1073740791.",
     [("- 1073740791", ["STATUS_STACK_BUFFER_OVERRUN"])]),
    ("[process exited with code 3221225786 (0xc000013a)]",
     [("3221225786", ["STATUS_CONTROL_C_EXIT"])]),
    ("exit status 3221225477", [("3221225477", ["STATUS_ACCESS_VIOLATION"])]),
    ("Arg1: ffffffffc0000005, The exception code that was not handled",
     [("ffffffffc0000005", ["STATUS_ACCESS_VIOLATION"])]),
    "Arg2: fffff80368499e95, The address that the exception occurred at",
    ("BCP1: 0x00000000c0000005 and 0xfffff80368499e95", [("0x00000000c0000005", ["STATUS_ACCESS_VIOLATION"])]),
    ("Parameter 1 : 00000000`c0000005", [("00000000`c0000005", ["STATUS_ACCESS_VIOLATION"])]),
    ("LastErrorValue: (Win32) 0x7e (126) - The specified module could not be found.",
     [("0x7e", ["ERROR_MOD_NOT_FOUND"])]),
    ("        Last attempt @ 2024-03-14 10:21:07 failed, result 8524 (0x214c):",
     [("8524", ["ERROR_DS_DNS_LOOKUP_FAILURE"])]),
    ("<Data Name=\"ErrorCode\">53</Data>", [("53", ["ERROR_BAD_NETPATH"])]),
    "Event level\t\t\t: Error (2)",
    "Event identifier\t\t: 0xc0001b58 (7000)",
    "Level: Error (2)",
    "MSI (s) (A4:B8) [09:20:45:017]: Product: Contoso -- Error 1920. Service failed to start.",
    "(provider: TCP Provider, error: 40 - Could not open a connection to SQL Server)",
    "The remote server returned an error: (407) Proxy Authentication Required.",
    "copied 2147483648 bytes of 3221225472",
    "<Data Name=\"Status\">0x00000006</Data> <Data Name=\"TicketOptions\">0x40810010</Data>",
    ("state 0x20 (32) after the retry", [("0x20", ["ERROR_SHARING_VIOLATION"])]),
]

BUGCHECKS = [
    ("The computer has rebooted from a bugcheck.  The bugcheck was: 0x0000007e (0xffffffffc0000005, "
     "0xfffff80368499e95, 0xffffd0012345e8a8, 0xffffd0012345e0e0).",
     [("0x0000007e", ["SYSTEM_THREAD_EXCEPTION_NOT_HANDLED"]),
      ("0xffffffffc0000005", ["STATUS_ACCESS_VIOLATION"])]),
    ("BugCheck 7E, {ffffffffc0000005, fffff80368499e95, ffffd0012345e8a8, ffffd0012345e0e0}",
     [("7E", ["SYSTEM_THREAD_EXCEPTION_NOT_HANDLED"]), ("ffffffffc0000005", ["STATUS_ACCESS_VIOLATION"])]),
    ("BugCheck D1, {0, 2, 0, fffff8012a3b4c5d}", [("D1", ["DRIVER_IRQL_NOT_LESS_OR_EQUAL"])]),
    # a code found first by the digit pass, the hex letters after it: in column order
    ("0xffffffffc0000005 led to BugCheck EF", [("0xffffffffc0000005", ["STATUS_ACCESS_VIOLATION"]),
                                              ("EF", ["CRITICAL_PROCESS_DIED"])]),
    ("BUGCHECK_CODE:  7e", [("7e", ["SYSTEM_THREAD_EXCEPTION_NOT_HANDLED"])]),
    ("*** Fatal System Error: 0x0000007e", [("0x0000007e", ["SYSTEM_THREAD_EXCEPTION_NOT_HANDLED"])]),
    ("*** STOP: 0x000000D1 (0x0000000000000000,0x0000000000000002,0x0000000000000000,0xFFFFF8801A2B3C4D)",
     [("0x000000D1", ["DRIVER_IRQL_NOT_LESS_OR_EQUAL"])]),
    ("Bug Check Code    : 0x0000003b", [("0x0000003b", ["SYSTEM_SERVICE_EXCEPTION"])]),
    ("    <Data Name=\"BugcheckCode\">209</Data>", [("209", ["DRIVER_IRQL_NOT_LESS_OR_EQUAL"])]),
    "Problem Event Name:\tBlueScreen",
    ("Code:\tef", [("ef", ["CRITICAL_PROCESS_DIED"])]),
    ("  BCCode:\t3b", [("3b", ["SYSTEM_SERVICE_EXCEPTION"])]),
]

TLS_AND_SQL = [
    ("A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 40.",
     [("40", ["TLS1_ALERT_HANDSHAKE_FAILURE"])]),
    ("The following fatal alert was received: 47.", [("47", ["TLS1_ALERT_ILLEGAL_PARAMETER"])]),
    ("The TLS protocol defined fatal error code is 70. The Windows SChannel error state is 105.",
     [("70", ["TLS1_ALERT_PROTOCOL_VERSION"])]),
    ("Msg 208, Level 16, State 1, Line 1", [("208", [])]),
    ("2024-03-14 10:21:07.51 Logon       Error: 18456, Severity: 14, State: 8.", [("18456", [])]),
    ("Executed as user: X. [SQLSTATE 28000] (Error 18456).  The step failed.", [("18456", [])]),
]

UNNAMED = [
    ("Error: 0x800f081f", [("0x800f081f", [])]),
    ("HRESULT = 0x800f0950", [("0x800f0950", [])]),
    ("hr=0x8007abcd", [("0x8007abcd", [])]),
    ("Operation failed with error 0x0000011b.", [("0x0000011b", [])]),
    ("   ExceptionCode: c06d007e (Delay-load module not found)", [("c06d007e", [])]),
    ("The forwarder failed. Error code is 2150859027 and Error Message is <f:WSManFault/>.",
     [("2150859027", [])]),
    # no phrase, no name: not a code
    "value 0x800f081f seen",
]

LOGS = {
    "iis": IIS_LOG, "windowsupdate": WINDOWS_UPDATE_LOG, "cbs": CBS_LOG,
    "setupapi": SETUPAPI_LOG, "dotnet": DOTNET_TRACE, "wevtutil": WEVTUTIL_XML,
    "eventviewer": EVENT_VIEWER, "ci": CI_BUILD, "traps": TRAPS,
    "phrases": PHRASES, "bugchecks": BUGCHECKS, "tls-sql": TLS_AND_SQL, "unnamed": UNNAMED,
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
    if "--json" in args and "--help" not in args:
        json_schema.record(p.stdout)
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
    many = b"hr=0x80070005 <Binary>" + b"220000C0" * 70 + b"</Binary>"
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
            v = o["value"]
            check(o["hex"] == "0x%x" % v, "%s: hex beside the value" % name)
            check(o["signed"] == (v - (1 << 32) if v >= 1 << 31 else v), "%s: signed value" % name)
            check(o["decoding"]["hresult"]["code"] == v & 0xFFFF, "%s: hresult code" % name)


def block_edge_cases():
    """(line, [(column, match)]) with codes, clues and plain numbers at every
    offset across the scanner's 64-byte blocks, and lines ending at and
    around 16 and 64 bytes (where the scanner reads a line's last bytes)."""
    cases = []
    for k in range(140):
        cases += [
            (b" " * k + b"0x80070005", [(k + 1, "0x80070005")]),
            (b"." * k + b" hr=0x80070005 end", [(k + 5, "0x80070005")]),
            (b"/" * k + b" error 5", [(k + 8, "5")]),
            (b" " * k + b"BugCheck ef", [(k + 10, "ef")]),
            (b"z" * k + b"1 800700c1 2147942402", [(k + 3, "800700c1"), (k + 12, "2147942402")]),
            # glued numbers, versions, GUID parts, words with digits: no code
            (b"w" * k + b" 2024-05-01 12:00:00 10.0.19041.1 v10.2 ab12-34cd KB5034441 x", []),
            (b"9" * k + b" 00000000`c0000005", [(k + 2, "00000000`c0000005")]),
        ]
    for n in (10, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129):
        cases += [(b" " * (n - 10) + b"0x80070005", [(n - 9, "0x80070005")]),
                  (b"0x80070005" + b" " * (n - 10), [(1, "0x80070005")]),
                  (b"1" * (n - 10) + b"0x80070005", [] if n > 10 else [(1, "0x80070005")])]
    return cases


def test_block_edges(err):
    cases = block_edge_cases()
    data = b"".join(line + b"\n" for line, _ in cases)
    rc, out, _ = run(err, ["--json"], data)
    got = {}
    for text in out.splitlines():
        o = json.loads(text.decode("utf-8"))
        got.setdefault(o["line"], []).append((o["column"], o["match"]))
    for i, (line, want) in enumerate(cases):
        check(got.get(i + 1, []) == want, "block edges: %r: %r, want %r"
              % (line[-40:], got.get(i + 1, []), want))


def test_json_escaping(err):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(os.fsencode(d), b"log\xff\"x\".txt")
        with open(path, "wb") as f:
            f.write(b"\xc1\xff hr=0x80070005 \x00\t\n")
        p = subprocess.run([err, "--annotate", "--json", path], stdout=subprocess.PIPE)
        json_schema.record(p.stdout)
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
        json_schema.record(p.stdout)
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
    json_schema.record(p.stdout)
    check(p.returncode == 0 and p.stdout.startswith(b"{"), "options before --annotate count")
    p = subprocess.run("%s --annotate < /dev/zero | head -c 100000 > /dev/null; echo ${PIPESTATUS[0]}"
                       % err, shell=True, executable="/bin/bash", stdout=subprocess.PIPE, timeout=60)
    check(p.stdout.strip() in (b"141", b"2"), "a closed pipe ends it: %r" % p.stdout)


# ---- issue 11 ----------------------------------------------------------------

def first_name(ann):
    """The first name an annotation line shows, or "no name"."""
    body = ann[len(PREFIX):].rstrip(b"\r\n")
    rest = body.split(b" = ", 1)[1]
    if rest.startswith(b"no name: "):
        return "no name"
    return rest.split(b" (", 1)[0].decode()


def annotations(err, text, args=()):
    rc, out, errout = run(err, list(args), as_bytes(text) + b"\n")
    g = groups(out)
    return [a for _, anns in g for a in anns], rc, errout


def test_context_first(err):
    """Where the line says what kind of code it is, that table's name comes
    first: bugcodes.h after a bug check phrase, schannel.h for a TLS alert."""
    for entries in (BUGCHECKS, TLS_AND_SQL[:3], PHRASES):
        for e in entries:
            if not isinstance(e, tuple):
                continue
            line, codes = e
            anns, _, _ = annotations(err, "Problem Event Name:\tBlueScreen\n" + line
                                     if line.startswith(("Code:", "  BCCode")) else line)
            for ann, (match, names) in zip(anns, codes):
                if names:
                    check(first_name(ann) == names[0], "first name for %r: %r" % (match, ann))
    for line, want, what in (("x 0x8007000D", "HRESULT_FROM_WIN32(ERROR_INVALID_DATA)",
                              "default order: ERROR_* before DNS_ERROR_* for one Win32 code"),
                             ("error 2", "ERROR_FILE_NOT_FOUND", "error 2: the Win32 name first")):
        anns, rc, errout = annotations(err, line)
        # no annotation at all: say how err ended rather than fail on anns[0]
        check(anns and first_name(anns[0]) == want,
              "%s: %r (status %s, stderr %r)" % (what, anns, rc, errout[-300:]))
    # "Code:" is a bug check only inside a BlueScreen report
    anns, _, _ = annotations(err, "Code:\tef")
    check(anns == [], "Code: outside a BlueScreen report is nothing: %r" % anns)


def test_no_name_lines(err):
    """A labelled code that no table names still gets its line."""
    want = {
        "Error: 0x800f081f": b"    #> 0x800f081f = no name: HRESULT, severity FAILURE, "
                             b"FACILITY_SETUPAPI (15), code 0x081f (2079)\n",
        "hr=0x8007abcd": b"    #> 0x8007abcd = no name: HRESULT, severity FAILURE, FACILITY_WIN32 (7), "
                         b"code 0xabcd (43981), the Win32 code 43981, which has no name either\n",
        "Msg 208, Level 16, State 1, Line 1":
            b"    #> 208 (0x000000d0) = no name: SQL Server error 208, severity 16, state 1\n",
        "Error: 18456, Severity: 14, State: 8.":
            b"    #> 18456 (0x00004818) = no name: SQL Server error 18456, severity 14, state 8\n",
        "Operation failed with error 0x0000011b.":
            b"    #> 0x0000011b = no name: Win32 code 283, which no table names\n",
        "BugCheck 1FF, {0, 0, 0, 0}": b"    #> 1FF (0x000001ff) = no name: bug check 0x1ff, not in bugcodes.h\n",
        "The following fatal alert was received: 222.":
            b"    #> 222 (0x000000de) = no name: TLS alert 222, not in schannel.h\n",
    }
    for line, ann in want.items():
        rc, out, _ = run(err, [], line.encode() + b"\n")
        check(rc == 0 and out == line.encode() + b"\n" + ann, "no-name line for %r: %r" % (line, out))
    rc, out, _ = run(err, ["--json"], b"Error: 0x800f081f\nhr=0x80070005\n")
    objs = [json.loads(x) for x in out.splitlines()]
    check(len(objs) == 2 and objs[0]["no_name"].startswith("HRESULT, severity FAILURE")
          and objs[0]["context"] == "win32" and objs[1]["no_name"] is None
          and objs[1]["context"] == "hresult", "JSON no_name and context: %r" % objs)


EVENT_DATA_LAYOUTS = [
    # a lone DWORD, in every form
    ("<Binary>220000C0</Binary>", [("220000C0", ["STATUS_ACCESS_DENIED"])]),
    ("<Binary>05000000</Binary>", [("05000000", ["ERROR_ACCESS_DENIED"])]),
    ("Data: 0000: c1 00 07 80  \u00c1..?", [("c1 00 07 80", ["HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)"])]),
    ("Pool disabled after failures. Data: 0000: 05 00 07 80  ...?", [("05 00 07 80", ["E_ACCESSDENIED"])]),
    # SQL Server: error number, severity, state; informational ones (severity 10) are no error
    ("<Binary>184800000E000000080000004600410042005300510030003100000007000000</Binary>",
     [("18480000", [])]),
    "<Binary>164800000A000000010000004600410042005300510030003100000000000000</Binary>",
    # IO_ERROR_LOG_PACKET: ErrorCode at 0x0C, FinalStatus at 0x14
    ("<Binary>0301000001003800000000000700" "04C0000000009C0000C000000000000000000000000000000000</Binary>",
     [("070004C0", ["IO_ERR_BAD_BLOCK"]), ("9C0000C0", ["STATUS_DEVICE_DATA_ERROR"])]),
    # anything else: named failure codes only, never small integers
    "<Binary>0500000022000000070000000E000000</Binary>",
    ("<Binary>05000000220000C007000000</Binary>", [("220000C0", ["STATUS_ACCESS_DENIED"])]),
]

DUMP_SQL = [
    "Data:",
    ("0000: 18 48 00 00 0e 00 00 00   .H......", [("18 48 00 00", [])]),
    "0008: 3a 00 00 00 46 00 41 00   :...F.A.",
]

DUMP_IO = [
    "Data:",
    "0000: 03 01 00 00 01 00 38 00   ......8.",
    ("0008: 00 00 00 00 07 00 04 c0   .......\u00c0", [("07 00 04 c0", ["IO_ERR_BAD_BLOCK"])]),
    ("0010: 00 00 00 00 9c 00 00 c0   ....?..\u00c0", [("9c 00 00 c0", ["STATUS_DEVICE_DATA_ERROR"])]),
    "0018: 00 00 00 00 00 00 00 00   ........",
]

DUMP_WORDS_IO = [
    "In Words",
    "",
    ("0000: 000F0101 00340004 00000000 80040099", [("80040099", [])]),
    "0010: 00000000 00000000 00000000 00000000",
]

DUMP_SMALL = [
    "Data:",
    "0000: 05 00 00 00 22 00 00 00   ....\"...",
    "0008: 0e 00 00 00 07 00 00 00   ........",
]


def test_event_data_layouts(err):
    check_log(err, "layouts", EVENT_DATA_LAYOUTS)
    check_log(err, "dump-sql", DUMP_SQL)
    check_log(err, "dump-io", DUMP_IO)
    check_log(err, "dump-words-io", DUMP_WORDS_IO)
    check_log(err, "dump-small", DUMP_SMALL)
    rc, out, _ = run(err, [], b"".join(as_bytes(spec(e)[0]) + b"\n" for e in DUMP_SQL))
    check(b"= no name: SQL Server error 18456, severity 14\n" in out, "SQL dump without state: %r" % out)


def test_utf16(err):
    text = "Install log\r\nmsiexec exited with exit code 1603\r\nhr=0x80070005 \u00e9t\u00e9\r\n"
    want_lines = text.encode("utf-8")
    for name, data in (("LE with BOM", b"\xff\xfe" + text.encode("utf-16-le")),
                       ("BE with BOM", b"\xfe\xff" + text.encode("utf-16-be")),
                       ("LE without BOM", text.encode("utf-16-le")),
                       ("BE without BOM", text.encode("utf-16-be"))):
        rc, out, errout = run(err, [], data)
        kept = b"".join(l for l in out.splitlines(keepends=True) if not l.startswith(PREFIX))
        check(rc == 0 and kept == want_lines and out.count(PREFIX) == 2,
              "UTF-16 %s: read, annotated, written as UTF-8: %r" % (name, out))
        check(errout.count(b"\n") == 1 and b"read as UTF-16" in errout and b"written as UTF-8" in errout,
              "UTF-16 %s: one line on stderr says so: %r" % (name, errout))
    # A surrogate pair, a lone surrogate, and an odd byte at the end.
    data = b"\xff\xfe" + "a \U0001F600 b\n".encode("utf-16-le") + b"\x00\xd8x\x00\n\x00" + b"\x41"
    rc, out, _ = run(err, [], data)
    check(out == "a \U0001F600 b\n\ufffdx\n\ufffd".encode("utf-8"), "surrogates and odd bytes: %r" % out)
    # Bytes that only start like a BOM stay bytes.
    rc, out, errout = run(err, [], b"\xff\xfe\x00 bin \x80 hr=0x80070005\n")
    check(out.startswith(b"\xff\xfe\x00 bin \x80 hr=0x80070005\n") and errout == b"",
          "FF FE before text that is not UTF-16 is passed through: %r" % out)
    # Read in pieces: a pipe that delivers one byte at a time.
    p = subprocess.Popen([err, "--annotate"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    data = b"\xff\xfe" + "error 5\n".encode("utf-16-le")
    for i in range(len(data)):
        p.stdin.write(data[i:i + 1])
        p.stdin.flush()
        time.sleep(0.01)  # each byte its own read, mostly
    out, _ = p.communicate(timeout=60)
    check(out.startswith(b"error 5\n    #> 5 (0x00000005) = ERROR_ACCESS_DENIED"),
          "UTF-16 a byte at a time: %r" % out)


def test_long_line_note(err):
    big = b"error 5 " * 200000
    rc, out, errout = run(err, [], big + b"\n" + big + b"\nerror 5\n")
    check(rc == 0 and errout == b"err: standard input: 2 lines longer than 1048576 bytes passed "
          b"through unscanned\n", "one stderr line counts the unscanned lines: %r" % errout)
    rc, out, errout = run(err, [], big)
    check(rc == 1 and errout.endswith(b"1 line longer than 1048576 bytes passed through unscanned\n"),
          "exit 1, and stderr says why: %r" % errout)


def test_phrase_table(err):
    """Each phrase in cli/scan.c's table gives the length of its last word
    right: the quick test of the word before a number relies on it."""
    import re
    src = open(os.path.join(HERE, "..", "..", "cli", "scan.c"), encoding="utf-8").read()
    phrases = re.findall(r'P\("([^"]+)", (\d+), ', src)
    check(len(phrases) > 30, "phrase table found: %d" % len(phrases))
    for text, n in phrases:
        last = text.split(" ")[-1]
        check(len(last) == int(n) and len(last) >= 2, "phrase %r: last word length %s" % (text, n))


def test_plain_command(err):
    for arg, head in (("ffffffffc0000005", b"# for hex 0xc0000005 / decimal -1073741819\n"),
                      ("0xFFFFFFFFC0000005", b"# for hex 0xc0000005 / decimal -1073741819\n"),
                      ("00000000c0000005", b"# for hex 0xc0000005 / decimal -1073741819\n"),
                      ("3221225477", b"# for decimal 3221225477 / hex 0xc0000005\n")):
        p = subprocess.run([err, arg], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        check(p.returncode == 0 and p.stdout.startswith(head) and b"STATUS_ACCESS_VIOLATION" in p.stdout,
              "err %s reads 0xc0000005: %r" % (arg, p.stdout[:80]))
    p = subprocess.run([err, "fffff80368499e95"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    check(p.returncode != 0 and b"does not fit in 32 bits" in p.stderr, "a pointer is no code: %r" % p.stderr)


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


def test_json_schema(err):
    """Last: every JSON line the tests above produced is valid under
    cli/err.schema.json."""
    try:
        print("json schema: " + json_schema.check(minimum=100))
        check(True, "")
    except AssertionError as e:
        check(False, str(e))


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
              test_long_lines, test_block_edges,
              test_json, test_json_escaping, test_strict, test_files_and_status,
              test_context_first, test_no_name_lines, test_event_data_layouts, test_utf16,
              test_long_line_note, test_phrase_table, test_plain_command,
              test_constant_memory, test_json_schema)

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
