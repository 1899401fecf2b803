"""Which constants are Windows error or status codes, and of what kind.

THE RULE.  A constant (#define, enum member or Rust const) is a code when
it survives the drops below and one of the keeps applies.  In order:

 1. Rust consts whose type is not an integer (strings, GUIDs, floats,
    structs) are dropped.
 2. A name that [MS-ERREF] (impacket's tables) lists is a code, whatever
    its name looks like (TPM_E_ERROR_MASK, ERROR_IMAGE_NOT_AT_BASE).
 3. Internal names are dropped: a leading underscore (mingw internals,
    include guards such as _WINERROR_), or a guard-like suffix (_H, _H_,
    _INCLUDED).  (Not _DEFINED: ERROR_FLT_NO_HANDLER_DEFINED is a code.)
 4. Helpers are dropped: FACILITY_* and anything with SEVERITY in its name
    (their numbers go to the facility tables instead).
 5. Range markers are dropped: a last word FIRST, LAST, MIN or MAX whose
    partner (X_LAST for X_FIRST...) the same file defines (CO_E_FIRST,
    CONNECT_S_LAST), and a last word FIRST, LAST or BASE or a name ending
    in BASEERR, BASEEND or _BASE_END (NERR_BASE, WSABASEERR, RASBASEEND).
    The codes they bound are listed under their own names.  Exceptions:
    bugcodes.h (every name there is a bug check, XBOX_CORRUPTED_IMAGE_BASE
    too), and an unpaired C constant whose value is built as an HRESULT or
    NTSTATUS, from no other marker, and that no other code of its file
    repeats (corerror.h's VER_E_INNERMOST_FIRST, VER_E_CALL_TO_VTYPE_BASE;
    wuerror.h's WU_E_PT_SOAPCLIENT_BASE): headers write codes that way and
    markers as bare numbers (NERR_BASE 2100).
 6. HEADER_EXCLUDES: named non-codes of one header (lmerrlog.h's
    LOGFLAGS_* read flags, mce.h's ERR_* machine-check error types).
 7. In an error header (is_error_header: winerror.h, ntstatus.h,
    bugcodes.h, ntiologc.h, netevent.h, mapicode.h, wabcode.h and every
    header whose file name holds "err" or "msg", minus API headers such
    as errno.h and errhandlingapi.h, mingw-w64's error.h (DOS error
    classes) and _wsa_errnos.h (errno aliases)), everything left is a
    code, except masks and bits (last word MASK, SHIFT, BIT, BITS:
    DNS_ERROR_MASK) and bugcodes.h's message IDs of boot-screen strings
    (WINDOWS_NT_BANNER, *_STRING, BOOTLOG_*: text IDs, not bug checks).
 8. In any other header, families that only hold IDs, flags or events
    are dropped by prefix (NON_CODE_PREFIXES: DISPID_, OID_, GL_, WMI_,
    PRINTER_, EVENTLOG_...) and GUID names (IID_*, CLSID_*, *_GUID).
    Then a constant is a code when
    a. its name follows an error-code convention (CODE_NAME_RE: E_*,
       *_E_*, ERROR_*, NERR_*, RPC_S_*, WSAE*, JET_err*, *ERR_* such as
       DDERR_, MMSYSERR_, IO_ERR_; or X_ERROR_* / X_INFORMATION_* for a
       family X in ERROR_FAMILIES: MQ, BTH, OLE, ODBC, SNMP, WIA...), and
       it is not a mask, shift, size or revision (last word MASK, SHIFT,
       BIT, BITS, SIZE, LENGTH, LEN, REVISION); a success-style name (*_S_*,
       S_*) only when its value has a facility (>= 0x10000) or is built as
       an HRESULT, since small S_ values are flags (S_QUEUEEMPTY, AA_S_OPEN);
       STATUS_* only when its value has NTSTATUS severity bits or is built
       as an NTSTATUS (MAPI's STATUS_* are flags);
    b. or its value is built as an HRESULT or NTSTATUS: the expansion
       goes through _HRESULT_TYPEDEF_, MAKE_HRESULT, MAKE_SCODE,
       HRESULT_FROM_WIN32/NT, _NDIS_ERROR_TYPEDEF_ or a cast to HRESULT,
       SCODE or NTSTATUS (a Rust const typed HRESULT, SCODE, NTSTATUS);
       this catches header-specific helpers such as MAKE_DDHRESULT,
       MAKE_D3DHRESULT, EMAKEHR, DBDAOERR, AGENTERROR without naming them.
 Anything else is dropped as "not a code".  A kept constant whose value
 cannot be evaluated becomes no entry; the report lists it with file:line.

Kinds (model.KINDS), first match: bugcodes.h -> bugcheck; sql_err -> sql;
built as an NTSTATUS, a STATUS_* name, or a table of NTSTATUS values
(ntstatus.h, ntiologc.h) -> ntstatus; built as an HRESULT, or an
HRESULT-style name (*_E_*, *_S_*, E_*, S_*) with a facility, or a value
0x80000000..0xFFFEFFFF (small negative numbers such as ICERR_* -1..-n are
not HRESULTs) -> hresult; a value below 0x10000 with a Win32 name
(ERROR_*, NERR_*, WSA*, RPC_S_*/RPC_X_*, EPT_S_*, DNS_ERROR_*...) or in a
Win32 table (winerror.h, lmerr.h, winsock2.h, wininet.h, ...) -> win32;
everything else -> other.
"""

import re

# Reasons, used as report group titles.
R_INTERNAL = "internal name or include guard"
R_HELPER = "facility or severity helper"
R_MARKER = "range marker (*_BASE, *_FIRST, *_LAST, *_MIN, *_MAX)"
R_FAMILY = "family of IDs that are not codes"
R_NOT_INT = "not an integer constant (string, GUID, float, struct)"
R_DISPLAY = "message ID of a display string, not a bug check"
R_FLAGS = "flag, mask, size or revision"
R_SMALL_S = "success-style name whose value is a flag, not an HRESULT"
R_STATUS_FLAG = "STATUS_* flag, not an NTSTATUS"
R_NOT_CODE = "not a code (name and value follow no error convention)"

KEEP, MAYBE, DROP = "keep", "maybe", "drop"

# Names that hold "err" or "msg" but are not lists of codes: APIs, the C
# library's errno, DOS-era error classes (mingw-w64's error.h, whose
# ERROR_* codes winerror.h also has), Winsock's errno aliases.
_NOT_ERROR_HEADERS = {"errno.h", "errhandlingapi.h", "errorrep.h",
                      "errors.h", "lmmsg.h", "mailmsgprops.h", "dxerr8.h",
                      "dxerr9.h", "mdcommsg.h", "sqlucode.h", "error.h",
                      "_wsa_errnos.h"}
_ERROR_HEADERS = {"winerror.h", "ntstatus.h", "bugcodes.h", "ntiologc.h",
                  "netevent.h", "mapicode.h", "wabcode.h", "wdfstatus.h"}
NTSTATUS_TABLES = {"ntstatus.h", "ntiologc.h"}
WIN32_TABLES = {"winerror.h", "error.h", "lmerr.h", "winsock.h",
                "winsock2.h", "_wsa_errnos.h", "wininet.h", "winineti.h",
                "winhttp.h", "raserror.h", "mprerror.h", "lmerrlog.h",
                "rpcnterr.h"}

NON_CODE_PREFIXES = (
    "DISPID_", "OID_", "GL_", "WGL_", "GLX_", "NVME_", "IDE_", "DVD_",
    "BG_ERROR_CONTEXT_", "SERVICE_ERROR_", "INTERNET_ERROR_MASK_", "WMI_",
    "MSOLEDBSQL_", "SQL_", "IDI_", "IDS_", "IDC_", "IDD_", "IDM_", "IDB_",
    "D3D10_MESSAGE_", "D3D11_MESSAGE_", "D3D12_MESSAGE_", "DXGI_MESSAGE_",
    "LOGFLAGS_", "EC_", "MM_", "WM_", "PRINTER_", "JOB_STATUS_",
    "MCI_", "URB_", "PBST_", "TTI_", "MB_", "CERTLOG_", "wsz", "sz",
    "PRODUCT_", "STDERR_", "STD_", "WC_ERR_", "TD_", "SERIAL_", "SNDDEV_",
    "DPFLTR_", "HYBRID_", "EVENTLOG_", "FLAGS_", "MSITRANSFORM_",
)
# Constants of a header that look like codes but are not (by name regex).
HEADER_EXCLUDES = {
    "mce.h": re.compile(r"^ERR_"),  # machine-check error types, not codes
    "lmerrlog.h": re.compile(r"^LOGFLAGS_"),  # NetErrorLogRead flags
}
# Families named *_ERROR_* / *_INFORMATION_* that are codes (rule 8a).
ERROR_FAMILIES = {"BTH", "SDP", "LOCALDB", "MQ", "ODBC", "OLE", "SNMP",
                  "WIA", "DNS", "DFS", "NDIS", "IMM", "D3D10"}

_GUARD_RE = re.compile(r"^_|_(H|H_|INCLUDED)$")
_HELPER_RE = re.compile(r"^FACILITY_|SEVERITY")
_MARKER_RE = re.compile(r"(^|_)(FIRST|LAST|BASE)$|BASE(ERR|END|_END)$")
_PAIRED_RE = re.compile(r"(^|_)(MIN|MAX|FIRST|LAST)$")
_PARTNER = {"MIN": "MAX", "MAX": "MIN", "FIRST": "LAST", "LAST": "FIRST"}
_BITS_RE = re.compile(r"(^|_)(MASK|SHIFT|BIT|BITS)$")
_FLAGS_RE = re.compile(r"(^|_)(MASK|SHIFT|BIT|BITS|SIZE|LENGTH|LEN|"
                       r"REVISION(_\w+)?)$")
_DISPLAY_RE = re.compile(r"_STRING(_PLURAL)?$|_BANNER$|_INTRO$|^BOOTLOG_|"
                         r"^BOOTING_IN_SAFEMODE_|^BUGCODE_ID_DRIVER$|"
                         r"^BUGCODE_PSS_MESSAGE|^BUGCHECK_TECH_INFO$|"
                         r"_MODIFIER$")
_GUID_RE = re.compile(r"(^(IID|CLSID|GUID|LIBID|DIID|CATID|FMTID|PKEY|"
                      r"DEVPKEY)_)|(_GUID|Guid)$")

# Error-code naming conventions.
CODE_NAME_RE = re.compile(
    r"(^|_)E_[A-Za-z0-9]"              # E_FAIL, WBEM_E_FAILED
    r"|^(ERROR|NERR|RPC_[SX]|EPT_S)_|^WSAE[A-Z]|^JET_(err|wrn)"
    r"|^[A-Z0-9]*ERR_|^[A-Z0-9]+_ERR_"  # DDERR_, MMSYSERR_, IO_ERR_
)
_FAMILY_RE = re.compile(r"^([A-Z0-9]+)_(ERROR|INFORMATION)(_|$)")
_SUCCESS_NAME_RE = re.compile(r"(^|_)S_[A-Za-z0-9]")
_STATUS_NAME_RE = re.compile(r"^STATUS_")
_HRESULT_NAME_RE = re.compile(r"(^|_)[ESW]_[A-Za-z0-9]")
_WIN32_NAME_RE = re.compile(
    r"^(ERROR_|NERR_|WSA|RPC_[SX]_|EPT_S_|DNS_(ERROR|INFO|STATUS)_|"
    r"NO_ERROR$|SEC_E_|OR_INVALID|NELOG_|ERRLOG)")

HRESULT_TRACE = {"HRESULT", "SCODE", "_HRESULT_TYPEDEF_", "MAKE_HRESULT",
                 "MAKE_SCODE", "HRESULT_FROM_WIN32", "__HRESULT_FROM_WIN32",
                 "HRESULT_FROM_NT", "_NDIS_ERROR_TYPEDEF_"}
NTSTATUS_TRACE = {"NTSTATUS"}
_INT_TYPES_RE = re.compile(
    r"^(HRESULT|SCODE|NTSTATUS|DWORD|ULONG|LONG|UINT|INT|WORD|USHORT|"
    r"SHORT|BYTE|UCHAR|CHAR|BOOL|c_\w+|[ui](8|16|32|64|size)|"
    r"[A-Z][A-Z0-9_]*(STATUS|RESULT|RET|CODE|ERROR|_ID))$")


def is_error_header(table):
    """Headers whose purpose is defining codes (see rule 7)."""
    t = table.lower()
    if t in _ERROR_HEADERS:
        return True
    if t in _NOT_ERROR_HEADERS:
        return False
    return "err" in t or "msg" in t


def _rust_int_type(ctype):
    return bool(_INT_TYPES_RE.match(ctype))


def _flags_like(name):
    return bool(_FLAGS_RE.search(name))


def is_marker_name(name):
    """A name that says it marks a range (without the MIN/MAX pairing)."""
    return bool(_MARKER_RE.search(name))


def _marker(name, file_names):
    """'paired' (X_FIRST with X_LAST in the same file: surely a marker),
    'named' (the name alone says marker), or None."""
    m = _PAIRED_RE.search(name)
    if m and name[:m.start(2)] + _PARTNER[m.group(2)] in file_names:
        return "paired"
    return "named" if _MARKER_RE.search(name) else None


def pre(name, table, ctype="", erref_names=frozenset(), file_names=()):
    """Decide from the name alone: (KEEP|MAYBE|DROP, reason or None).

    MAYBE: a code only if its value turns out to be built as an HRESULT or
    NTSTATUS (or, for success/STATUS names, has the right shape); post()
    decides once the value is known.  file_names: the names the same
    source file defines (to pair MIN with MAX).
    """
    if ctype and not _rust_int_type(ctype):
        return DROP, R_NOT_INT
    if name in erref_names:
        return KEEP, None
    if _GUARD_RE.search(name):
        return DROP, R_INTERNAL
    if _HELPER_RE.search(name):
        return DROP, R_HELPER
    t = table.lower()
    marker = _marker(name, file_names) if t != "bugcodes.h" else None
    if marker:
        return (DROP if ctype or marker == "paired" else MAYBE), R_MARKER
    if t in HEADER_EXCLUDES and HEADER_EXCLUDES[t].search(name):
        return DROP, R_FAMILY
    if is_error_header(t):
        if t == "bugcodes.h" and _DISPLAY_RE.search(name):
            return DROP, R_DISPLAY
        if _BITS_RE.search(name):
            return DROP, R_FLAGS
        return KEEP, None
    if name.startswith(NON_CODE_PREFIXES) or _GUID_RE.search(name):
        return DROP, R_FAMILY
    if _SUCCESS_NAME_RE.search(name) and not CODE_NAME_RE.search(name):
        return MAYBE, R_SMALL_S
    if _STATUS_NAME_RE.search(name):
        return MAYBE, R_STATUS_FLAG
    fam = _FAMILY_RE.match(name)
    if CODE_NAME_RE.search(name) or (fam and fam.group(1) in ERROR_FAMILIES):
        if _flags_like(name):
            return DROP, R_FLAGS
        return KEEP, None
    return MAYBE, R_NOT_CODE


def built_as(trace, ctype=""):
    """'hresult', 'ntstatus' or None from an evaluation trace / Rust type."""
    if ctype in ("NTSTATUS",) or (trace and trace & NTSTATUS_TRACE):
        return "ntstatus"
    if ctype in ("HRESULT", "SCODE") or (trace and trace & HRESULT_TRACE):
        return "hresult"
    return None


def post(state, reason, name, value, trace=None, ctype=""):
    """Final decision once the value is known: (keep, reason if dropped)."""
    if state != MAYBE:
        return state == KEEP, (None if state == KEEP else reason)
    built = built_as(trace, ctype)
    if reason == R_MARKER:
        keep = built is not None
    elif reason == R_SMALL_S:
        keep = built is not None or value >= 0x10000
    elif reason == R_STATUS_FLAG:
        keep = built is not None or value >= 0x40000000
    else:
        keep = built is not None and not _flags_like(name)
    return keep, (None if keep else reason)


def kind(name, table, value, trace=None, ctype=""):
    """The entry's kind (one of model.KINDS)."""
    t = table.lower()
    if t == "bugcodes.h":
        return "bugcheck"
    if t == "sql_err":
        return "sql"
    built = built_as(trace, ctype)
    if built == "ntstatus" or t in NTSTATUS_TABLES or name.startswith(
            "STATUS_"):
        return "ntstatus"
    small_negative = value >= 0xFFFF0000
    if built == "hresult" or name in ("S_OK", "S_FALSE", "NOERROR") or (
            not small_negative and (value >= 0x80000000 or (
                value >= 0x10000 and _HRESULT_NAME_RE.search(name)))):
        return "hresult"
    if value < 0x10000 and (t in WIN32_TABLES or _WIN32_NAME_RE.match(name)):
        return "win32"
    return "other"
