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
    (their numbers go to the facility tables instead), and HEADER_HELPERS,
    a header's own (windowssearcherrors.h's ERROR_SOURCE_* and ERROR_FTE*,
    the number ranges its message file gives each component).
 5. Range markers are dropped: a last word FIRST, LAST, MIN or MAX whose
    partner (X_LAST for X_FIRST...; X_BASE with X_MAX or X_LAST) the
    same file defines, the word alone or glued to the one before
    (CO_E_FIRST, CONNECT_S_LAST, DIERR_DRIVERFIRST, OLEUI_ERR_STANDARDMAX,
    UPNP_E_ACTION_SPECIFIC_BASE and _MAX), and a last word FIRST, LAST,
    BASE or LASTERROR, a one-word name ending in BASE, or a name ending in
    BASEERR, BASEEND, _BASE_END, ERRBASE or _BASECODE, _FINALCODE,
    _MAXCODE (NERR_BASE, RASBASE, TCBASE, WSABASEERR, RASBASEEND,
    MMSYSERR_LASTERROR, DMUS_ERRBASE, PlayReady's DRM_E_H264_BASECODE and
    DRM_E_H264_FINALCODE).  An X_START
    or X_BEGIN whose X_END the same file defines, the two more than one
    apart or bounding another code of the file, is a marker, and so is
    its partner (ehstormsg.h's ES_GENERAL_ERROR_START .. _END, winfax.h's
    FAX_ERR_START .. _END; NDIS_STATUS_RESET_START and _END, one apart
    and bounding nothing, are statuses; rule 2 keeps winerror.h's
    ERROR_IPSEC_IKE_NEG_STATUS_BEGIN and _END).
    HEADER_MARKERS names the bounds a header writes without a marker word
    (vfw.h's DV_ERR_USER_MSG, where a driver's own errors start, and
    ICERR_CUSTOM, below which a codec's errors are its own; cderr.h's
    CDERR_GENERALCODES, PDERR_PRINTERCODES... where each dialog's codes
    start; slerror.h's and msdrmerror.h's *_ZONE component ranges;
    lmerr.h's MAX_NERR).
    A name whose last word is MIN, MAX, FIRST or LAST and whose value is
    just another constant of its own file is a marker too
    (ODBC_ERROR_MAX is defined as odbcinst.h's last code).
    The codes they bound are listed under their own names.  Exceptions:
    bugcodes.h (every name there is a bug check, XBOX_CORRUPTED_IMAGE_BASE
    too), and an unpaired C constant whose value is built as an HRESULT or
    NTSTATUS, from no other marker, and that no other code of its file
    repeats (corerror.h's VER_E_INNERMOST_FIRST, VER_E_CALL_TO_VTYPE_BASE;
    wuerror.h's WU_E_PT_SOAPCLIENT_BASE): headers write codes that way and
    markers as bare numbers (NERR_BASE 2100).
 6. HEADER_EXCLUDES: named non-codes of one header that look like codes
    (lmerrlog.h's LOGFLAGS_* read flags, mce.h's ERR_* machine-check error
    types, lpmapi.h's ERROR_SPEC flags ERR_FORWARD_OK, ERR_Usage_*,
    ERROR_SPECF_* and SESSFLG_E_Police, wsrm.h's E_WINDOW_* send-window
    flags, mscat.h's CRYPTCAT_E_AREA_* area selectors, neterr.h's
    NETERR_RING_* token-ring status bits, werapi.h's E_STORE_* report
    store types, wcntypes.h's WCN_TYPE_* attribute types such as
    WCN_TYPE_E_HASH1, oledberr.h's OLEDBVER version, icu.h's Unicode
    property values such as U_GCB_E_BASE_GAZ).
 7. In an error header (is_error_header: winerror.h, ntstatus.h,
    bugcodes.h, ntiologc.h, netevent.h, mapicode.h, wabcode.h and every
    header whose file name holds "err" or "msg", minus API headers such
    as errno.h, errhandlingapi.h and roerrorapi.h, mingw-w64's error.h
    (DOS error classes), _wsa_errnos.h (errno aliases), and verrsrc.h
    and msgarg.h, which hold the substring by chance), everything left is a
    code, except masks and bits (last word MASK, SHIFT, BIT, BITS:
    DNS_ERROR_MASK; but EVENT_TCPIP_INVALID_MASK says what went wrong,
    as in 8a), the string resource IDs and event categories of
    message-file headers (IDS_*, TITLE_*, category*, CATEGORY_*,
    X_CATEGORY: cdosyserr.h's IDS_FROM, netevent.h's TITLE_SC_MESSAGE_BOX,
    categoryGeneral, windowssearcherrors.h's
    CATEGORY_GATHERER, wdscpmsg.h's WDSCP_CATEGORY; but an IDS_* whose
    value is built as an HRESULT is a message code, as
    WindowsSearchErrors.h's IDS_MON_*), the provider name and traits
    mc.exe writes for an event provider (pdhmsg.h's MSG_Publisher_Name,
    S_PDH_Traits) and bugcodes.h's message IDs of boot-screen strings
    (WINDOWS_NT_BANNER, *_STRING, BOOTLOG_*: text IDs, not bug checks).
 8. In any other header, a constant is a code when it belongs to one of
    the header's result-code families (c. below).  Otherwise families
    that only hold IDs, flags or events are dropped by prefix
    (NON_CODE_PREFIXES: DISPID_, OID_, GL_, WMI_, PRINTER_, EVENTLOG_,
    DIAXIS_, DWRITE_PANOSE_, ERROR_HISTORY_...) and GUID names (IID_*,
    CLSID_*, *_GUID; a *_GUID name that follows a code convention,
    patchwiz.h's ERROR_PCW_MISSING_PATCH_GUID, is a code when its value
    is an integer).  Then a constant is a code when
    a. its name follows an error-code convention (CODE_NAME_RE: E_*,
       *_E_*, ERROR_*, NERR_*, RPC_S_*, WSAE*, JET_err*, *ERR_* such as
       DDERR_, MMSYSERR_, IO_ERR_; or X_ERROR_* / X_INFORMATION_* for a
       family X in ERROR_FAMILIES: MQ, BTH, OLE, ODBC, SNMP, WIA...), and
       it is not a mask, shift, size, revision or version (last word MASK,
       SHIFT, BIT, BITS, SIZE, LENGTH, LEN, REVISION, V1, V2..., in any
       case: wdm.h's ERROR_LOG_LIMIT_SIZE, hubbusif.h's CD_ERR_V1) unless
       a word says what went wrong (INVALID, BAD, INCORRECT, ILLEGAL,
       WRONG, NO, EXCEEDING, REQUIRES, MISMATCH, TOO:
       XPS_E_INVALID_PAGE_SIZE, ERROR_INTERNET_BAD_OPTION_LENGTH) or an
       error tag names the family (MCIERR_DEVICE_LENGTH, OLE_ERROR_SIZE);
       a success-style name (*_S_*, S_*) only when its value has a
       facility (>= 0x10000) or is built as an HRESULT, since small S_
       values are flags (S_QUEUEEMPTY, AA_S_OPEN); STATUS_* and X_STATUS_*
       (one word X, no other convention: USBD_STATUS_, NDIS_STATUS_,
       TDI_STATUS_, HIDP_STATUS_) only when the value has NTSTATUS
       severity bits (>= 0x40000000) or is built as an NTSTATUS; their
       small values are flags or states (MAPI's STATUS_*, DOT11_STATUS_*,
       DEBUG_STATUS_*);
    b. or its value is built as an HRESULT or NTSTATUS: the expansion
       goes through _HRESULT_TYPEDEF_, MAKE_HRESULT, MAKE_SCODE,
       HRESULT_FROM_WIN32/NT, _NDIS_ERROR_TYPEDEF_ or a cast to HRESULT,
       SCODE or NTSTATUS (a Rust const typed HRESULT, SCODE, NTSTATUS);
       this catches header-specific helpers such as MAKE_DDHRESULT,
       MAKE_D3DHRESULT, EMAKEHR, DBDAOERR, AGENTERROR without naming them.
    c. or it is in one of CODE_FAMILIES: result codes that headers of
       other things define without an error-code name.  Each family is a
       name pattern in named headers, sometimes with names left out and a
       value range; the list below says what each holds and why.  They
       are the families err.exe lists (or, for fdi.h, like one it lists)
       whose header sets them apart by a base, a range or a prefix of
       their own; a family that needs names listed one by one is left out
       (werapi.h's WerReport* results share their prefix with report
       types).
 Anything else is dropped as "not a code".  A kept constant whose value
 cannot be evaluated becomes no entry; the report lists it with file:line.

CODE_FAMILIES (header: names: what they are; listed from the table
below):
@FAMILIES@

ESE's codes in two forms: esent.h writes JET_err* as negative numbers
(JET_errRfsFailure -100); ESE reports them as HRESULTs 0x8E5E0000 +
|code| (severity 1, ESE's facility 0xE5E: 0x8E5E0064), which is how
err.exe lists them.  Each negative JET_err* code of esent.h is an entry
in both forms: the number as written (kind other) and the HRESULT (kind
hresult); the kind says which is which.

Kinds (model.KINDS), first match: bugcodes.h -> bugcheck; sql_err -> sql;
built as an NTSTATUS, a STATUS_* name, or a table of NTSTATUS values
(ntstatus.h, ntiologc.h) -> ntstatus; a code family's own kind where it
names one (HTTP status codes -> other), and X_STATUS_* not built as an
NTSTATUS -> other (USBD_STATUS_* share NTSTATUS's severity bits but not
its numbers); built as an HRESULT, or an
HRESULT-style name (*_E_*, *_S_*, E_*, S_*) with a facility, or a value
0x80000000..0xFFFEFFFF (small negative numbers such as ICERR_* -1..-n are
not HRESULTs) -> hresult; a value below 0x10000 with a Win32 name
(ERROR_*, NERR_*, WSA*, RPC_S_*/RPC_X_*, EPT_S_*, DNS_ERROR_*...) or in a
Win32 table (winerror.h, lmerr.h, winsock2.h, wininet.h, ...) -> win32;
everything else -> other.
"""

import re
import textwrap

# Reasons, used as report group titles.
R_INTERNAL = "internal name or include guard"
R_HELPER = "facility or severity helper"
R_MARKER = ("range marker (*_BASE, *_FIRST, *_LAST, *_MIN, *_MAX, *_START"
            " .. *_END)")
R_FAMILY = "family of IDs that are not codes"
R_NOT_INT = "not an integer constant (string, GUID, float, struct)"
R_DISPLAY = "message ID of a display string, not a bug check"
R_FLAGS = "flag, mask, size or revision"
R_SMALL_S = "success-style name whose value is a flag, not an HRESULT"
R_STATUS_FLAG = "STATUS_* or X_STATUS_* flag or state, not an NTSTATUS"
R_FAMILY_VALUE = ("named like a header's code family, but outside its values"
                  " (option, placeholder, string; no ERROR_* alias)")
R_NOT_CODE = "not a code (name and value follow no error convention)"

KEEP, MAYBE, DROP = "keep", "maybe", "drop"

# Names that hold "err" or "msg" but are not lists of codes: APIs, the C
# library's errno, DOS-era error classes (mingw-w64's error.h, whose
# ERROR_* codes winerror.h also has), Winsock's errno aliases, and headers
# the substring matches by chance: verrsrc.h (version resource flags),
# msgarg.h (AllJoyn's message argument types), roerrorapi.h (the
# RoOriginateError API, its flags and buffer size).
_NOT_ERROR_HEADERS = {"errno.h", "errhandlingapi.h", "errorrep.h",
                      "errors.h", "lmmsg.h", "mailmsgprops.h", "dxerr8.h",
                      "dxerr9.h", "mdcommsg.h", "sqlucode.h", "error.h",
                      "_wsa_errnos.h", "verrsrc.h", "msgarg.h",
                      "roerrorapi.h"}
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
    "DIAXIS_", "DIBUTTON_", "DIPOV_",  # DirectInput action semantics
    "DWRITE_PANOSE_",  # font classification values (..._HORSESHOE_E_AND_A)
    # scsi.h's, winioctl.h's fields of a device's error-history log
    # (ERROR_HISTORY_SOURCE_CREATED_BY_DEVICE_SERVER 0)
    "ERROR_HISTORY_",
)
# Constants of a header that look like codes but are not (by name regex).
HEADER_EXCLUDES = {
    "mce.h": re.compile(r"^ERR_"),  # machine-check error types, not codes
    "lmerrlog.h": re.compile(r"^LOGFLAGS_"),  # NetErrorLogRead flags
    # RSVP object flags and usage values (ERR_FORWARD_OK 0x8000,
    # ERR_Usage_local, ERR_global_mask, ERROR_SPECF_InPlace, SESSFLG_E_Police)
    "lpmapi.h": re.compile(r"^(ERR_|ERROR_SPECF_|SESSFLG_)"),
    "wsrm.h": re.compile(r"^E_WINDOW_"),  # RM_SEND_WINDOW flags
    "mscat.h": re.compile(r"^CRYPTCAT_E_AREA_"),  # area bits of CDF errors
    "neterr.h": re.compile(r"^NETERR_RING_"),  # token-ring status bits
    # REPORT_STORE_TYPES, which report store to enumerate (0..4)
    "werapi.h": re.compile(r"^E_STORE_"),
    # WCN_ATTRIBUTE_TYPE values, Wi-Fi Simple Config attributes
    # (WCN_TYPE_E_HASH1 is the E-Hash1 attribute, not an error)
    "wcntypes.h": re.compile(r"^WCN_TYPE_"),
    "oledberr.h": re.compile(r"^OLEDBVER$"),  # the OLE DB version, 0x0270
    # ICU's Unicode property values and masks (U_GCB_E_BASE_GAZ is the
    # grapheme cluster break E_Base_GAZ, U_GC_S_MASK the symbol categories)
    "icu.h": re.compile(r"^U_(GCB|LB|WB|SB|GC)_"),
    "icucommon.h": re.compile(r"^U_(GCB|LB|WB|SB|GC)_"),
}
# Bounds of a range that one header names without a marker word.
HEADER_MARKERS = {
    # DV_ERR_USER_MSG (DV_ERR_BASE + 1000): where a driver's own errors
    # start; ICERR_CUSTOM (-400): codec errors below it are the codec's own
    "vfw.h": re.compile(r"^(DV_ERR_USER_MSG|ICERR_CUSTOM)$"),
    # CDERR_GENERALCODES 0, PDERR_PRINTERCODES 0x1000...: where each
    # common dialog's codes start
    "cderr.h": re.compile(r"CODES$"),
    # SL_CLIENTAPI_ZONE 0xF000, MSDRM_CLIENT_ZONE 0xCF00: the code ranges
    # of a component
    "slerror.h": re.compile(r"_ZONE$"),
    "msdrmerror.h": re.compile(r"_ZONE$"),
    # MAX_NERR (NERR_BASE + 899): the last number of the LAN Manager range
    "lmerr.h": re.compile(r"^MAX_NERR$"),
}


class Family:
    """A header's family of result codes that no naming convention finds
    (rule 8c).  names: pattern; leave_out: names of the pattern that are
    something else; values: ((lo, hi), ...) the codes lie in; alias_of: a
    pattern one of the names the definition expands must match; kind: the
    entries' kind where the general rules would get it wrong."""

    def __init__(self, tables, names, why, leave_out=None, values=None,
                 alias_of=None, kind=None):
        self.tables = frozenset(tables)
        self.names = re.compile(names)
        self.leave_out = re.compile(leave_out) if leave_out else None
        self.values = values
        self.alias_of = re.compile(alias_of) if alias_of else None
        self.kind = kind
        self.why = why

    def covers(self, name):
        return bool(self.names.search(name)) and not (
            self.leave_out and self.leave_out.search(name))

    def needs_value(self):
        return self.values is not None or self.alias_of is not None

    def accepts(self, value, trace):
        if self.values is not None and not any(
                lo <= value <= hi for lo, hi in self.values):
            return False
        return self.alias_of is None or any(
            self.alias_of.search(n) for n in trace or ())

    def describe(self):
        return textwrap.fill("%s: %s: %s" % (
            ", ".join(sorted(self.tables)), self.names.pattern, self.why),
            width=76, initial_indent="  ", subsequent_indent="    ",
            break_on_hyphens=False)


CODE_FAMILIES = (
    Family(("usb.h", "usbdi.h"), r"^USBD_STATUS_",
           "USB request (URB) status codes: NTSTATUS-shaped "
           "(USBD_STATUS_STALL_PID 0xC0000004, USBD_STATUS_PENDING "
           "0x40000000) and USBD_STATUS_SUCCESS 0; the small states "
           "(PORT_OPERATION_PENDING 1, CANCELING 0x20000) are not",
           values=((0, 0), (0x40000000, 0xFFFFFFFF)), kind="other"),
    Family(("winldap.h",), r"^LDAP_",
           "LDAP result codes (LDAP_SUCCESS 0, LDAP_OPERATIONS_ERROR 1, "
           "LDAP_SERVER_DOWN 0x51); the options, message types, commands, "
           "scopes and versions sharing the prefix are left out by name "
           "(LDAP_OPT_, _RES_, _DEREF_, _SCOPE_, _MOD_, _MSG_, _CHASE_, "
           "*_CMD, *VERSION*), the auth methods, filter and substring "
           "choices by value (BER tags, 0x80 and up)",
           leave_out=r"^LDAP_(OPT|RES|DEREF|SCOPE|MOD|MSG|CHASE)_|_CMD$|"
                     r"VERSION|^LDAP_(UNICODE|NO_LIMIT)$",
           values=((0, 0x7F),)),
    Family(("cfgmgr32.h",), r"^CR_",
           "CONFIGRET codes of the CM_* functions (CR_SUCCESS 0, "
           "CR_NO_SUCH_DEVNODE 0xD)"),
    Family(("qossp.h",), r"^GQOS_",
           "RSVP error codes and values of the QoS provider, QOSSP_ERR_BASE "
           "(56000) + n; the unknown/none placeholders (0, -1) are not",
           values=((56000, 56999),)),
    Family(("lpmapi.h",), r"^(RSVP_Er[rv]_|POLICY_ERRV_)",
           "RSVP ERROR_SPEC error codes and values (RSVP_Err_POLICY 2, "
           "POLICY_ERRV_NO_PRIVILEGES 50)"),
    Family(("winhttp.h", "wininet.h"), r"^HTTP_STATUS_",
           "HTTP status codes of a request (HTTP_STATUS_NOT_FOUND 404); "
           "not Win32 codes, though the tables are Win32 ones",
           values=((100, 599),), kind="other"),
    Family(("ipexport.h",), r"^IP_",
           "IP_STATUS codes of the ICMP echo functions (IP_SUCCESS 0, "
           "IP_REQ_TIMED_OUT 11010: IP_STATUS_BASE 11000 + n); IP_OPT_* "
           "options and IP_FLAG_* flags are not",
           leave_out=r"^IP_(OPT|FLAG)_", values=((0, 0), (11000, 11255))),
    Family(("lmsvc.h",), r"^SERVICE_UIC_",
           "LAN Manager service uninstall codes and their modifiers "
           "(SERVICE_UIC_RESOURCE 3054, SERVICE_UIC_M_MEMORY 3070)"),
    Family(("nb30.h",), r"^NRC_",
           "NetBIOS NCB return codes (NRC_GOODRET 0, NRC_CMDTMO 5)"),
    Family(("msiquery.h",), r"^MSIDBERROR_",
           "MsiViewGetError validation codes (MSIDBERROR_DUPLICATEKEY 1)"),
    Family(("schannel.h",), r"^TLS1_ALERT_",
           "TLS alert codes Schannel reports (TLS1_ALERT_HANDSHAKE_FAILURE "
           "40); TLS1_ALERT_WARNING and _FATAL are alert levels",
           leave_out=r"_(WARNING|FATAL)$"),
    Family(("snmp.h",), r"^SNMP_(ERRORSTATUS|BERAPI|PDUAPI|AUTHAPI|MEM)_",
           "SNMP error-status values of a PDU and the SNMP utility "
           "functions' error codes (SNMP_ERRORSTATUS_NOSUCHNAME 2, "
           "SNMP_BERAPI_INVALID_LENGTH 10)"),
    Family(("scesvc.h",), r"^SCESTATUS_",
           "SCESTATUS codes of the security configuration engine"),
    Family(("p2p.h",), r"^WSA_PNRP_",
           "Winsock errors of PNRP (WSA_PNRP_CLOUD_NOT_FOUND 11501)"),
    Family(("dhcpssdk.h",),
           r"^DHCP_(DROP_\w+|SEND_PACKET|PROB_\w+|GIVE_ADDRESS_\w+|"
           r"CLIENT_(BOOTP|DHCP))$",
           "DHCP server callout codes: why a packet was dropped "
           "(DHCP_DROP_NOMEM 2), what became of it (DHCP_SEND_PACKET, "
           "DHCP_PROB_DECLINE) and of its address; the callout list's "
           "registry names and DHCP_CONTROL_* service controls are not"),
    Family(("iiscnfg.h",), r"^MD_ERROR_SUB\d+_",
           "IIS HTTP sub-status codes, the n of a 401.n or 403.n "
           "(MD_ERROR_SUB401_LOGON 1); small numbers, so no error-code "
           "convention finds them"),
    Family(("routprot.h",), r"^MFE_",
           "multicast forwarding (mtrace) codes (MFE_NO_ERROR 0, "
           "MFE_NO_ROUTE 9)"),
    Family(("ntdddisk.h", "winioctl.h"), r"^SMART_",
           "SMART driver error codes (DRIVERSTATUS.bDriverError: "
           "SMART_IDE_ERROR 1 .. SMART_NO_IDE_DEVICE 10); the self-test "
           "subcommands in the same range end in OFFLINE or CAPTIVE",
           leave_out=r"_(OFFLINE|CAPTIVE)$", values=((0, 0x0F),)),
    Family(("ime.h",), r"^IME_RS_",
           "return codes of the IME escapes (IME_RS_ERROR 1, IME_RS_NOIME "
           "2)"),
    Family(("lzexpand.h",), r"^LZERROR_",
           "LZ expansion error codes (LZERROR_BADINHANDLE -1)"),
    Family(("fltdefs.h",), r"^PFERROR_",
           "packet filter error codes, ERROR_BASE (23000) + n"),
    Family(("fdi.h",), r"^FDIERROR_",
           "cabinet extraction error codes (FDIERROR_CORRUPT_CABINET 4), "
           "like fci.h's FCIERR_*"),
    Family(("ntdsapi.h",), r"^DS_NAME_(NO_ERROR$|ERROR_)",
           "DsCrackNames status codes (DS_NAME_ERROR_NOT_FOUND 2)"),
    Family(("wincrypt.h",), r"^CMC_(STATUS|FAIL)_",
           "certificate management over CMS status and failure codes "
           "(CMC_STATUS_FAILED 2, CMC_FAIL_BAD_REQUEST 2)"),
    Family(("patchwiz.h",), r"^(INFO|WARN)_",
           "PatchWiz's informational and warning codes, numbered beside "
           "its ERROR_PCW_* (INFO_BASE 0xC00F5101, WARN_BASE 0xC0105101)"),
    Family(("roerrorapi.h",), r"^EXCEPTION_RO_",
           "the exception codes RoOriginateError and RoTransformError "
           "raise for a debugger (EXCEPTION_RO_ORIGINATEERROR 0x40080201)"),
    Family(("winsock2.h",), r"^WSA_",
           "Winsock's names for Win32 errors (WSA_IO_PENDING is "
           "ERROR_IO_PENDING): kept when the definition goes through an "
           "ERROR_* code, so WSA_WAIT_TIMEOUT and WSA_INFINITE are not",
           alias_of=r"^ERROR_"),
)
# Families named *_ERROR_* / *_INFORMATION_* that are codes (rule 8a).
ERROR_FAMILIES = {"BTH", "SDP", "LOCALDB", "MQ", "ODBC", "OLE", "SNMP",
                  "WIA", "DNS", "DFS", "NDIS", "IMM", "D3D10"}

_GUARD_RE = re.compile(r"^_|_(H|H_|INCLUDED)$")
_HELPER_RE = re.compile(r"^FACILITY_|SEVERITY")
# A header's own helpers: the number each component's codes start from.
HEADER_HELPERS = {
    # ERROR_SOURCE_GATHERER 0x0D00, ERROR_FTE 0x3600: the ranges its
    # message file gives each component of Windows Search
    "windowssearcherrors.h": re.compile(r"^ERROR_(SOURCE_\w+|FTE(_\w+)?)$"),
}
_MARKER_RE = re.compile(r"(^|_)(FIRST|LAST|BASE|LASTERROR)$|"
                        r"BASE(ERR|END|_END)$|ERRBASE$|^[A-Z0-9]+BASE$|"
                        r"_(BASE|FINAL|MAX)CODE(_EX)?$")
_PAIRED_RE = re.compile(r"(^|_)(MIN|MAX|FIRST|LAST)$")
# Pairing also takes the word glued to the one before it (DIERR_DRIVERFIRST
# with DIERR_DRIVERLAST, OLEUI_ERR_STANDARDMIN with OLEUI_ERR_STANDARDMAX)
# and a *_BASE as the low end of a *_MAX or *_LAST.
_GLUED_PAIRED_RE = re.compile(r"(MIN|MAX|FIRST|LAST|BASE)$")
_PARTNERS = {"MIN": ("MAX",), "MAX": ("MIN", "BASE"), "FIRST": ("LAST",),
             "LAST": ("FIRST", "BASE"), "BASE": ("MAX", "LAST")}
# Span ends: X_START or X_BEGIN with X_END (ES_GENERAL_ERROR_START 0x200
# .. ES_GENERAL_ERROR_END 0x3FF); collect settles them by value.
_SPAN_RE = re.compile(r"_(START|BEGIN|END)$")
_SPAN_PARTNERS = {"START": ("END",), "BEGIN": ("END",),
                  "END": ("START", "BEGIN")}
_BITS_RE = re.compile(r"(^|_)(MASK|SHIFT|BIT|BITS)$")
# A word that says what went wrong: such a name is a code whatever its
# last word (XPS_E_INVALID_PAGE_SIZE, OPC_E_ZIP_REQUIRES_64_BIT).
_WRONG_WORD_RE = re.compile(
    r"(^|_)(INVALID|BAD|INCORRECT|ILLEGAL|WRONG|NO|EXCEED(S|ED|ING)?|"
    r"REQUIRES|MISMATCH(ED)?|TOO)_", re.IGNORECASE)
# An error tag glued to the family's prefix: MCIERR_, DDERR_, MMSYSERR_.
_ERROR_TAG_RE = re.compile(r"^[A-Z0-9]+ERR_")
_FLAGS_RE = re.compile(r"(^|_)(MASK|SHIFT|BIT|BITS|SIZE|LENGTH|LEN|"
                       r"REVISION(_\w+)?|V[0-9]+)$", re.IGNORECASE)
_DISPLAY_RE = re.compile(r"_STRING(_PLURAL)?$|_BANNER$|_INTRO$|^BOOTLOG_|"
                         r"^BOOTING_IN_SAFEMODE_|^BUGCODE_ID_DRIVER$|"
                         r"^BUGCODE_PSS_MESSAGE|^BUGCHECK_TECH_INFO$|"
                         r"_MODIFIER$")
_GUID_RE = re.compile(r"(^(IID|CLSID|GUID|LIBID|DIID|CATID|FMTID|PKEY|"
                      r"DEVPKEY)_)|(_GUID|Guid)$")
_GUID_PREFIX_RE = re.compile(r"^(IID|CLSID|GUID|LIBID|DIID|CATID|FMTID|"
                             r"PKEY|DEVPKEY)_")
# Message-file headers' string resource IDs and event categories.
# and the provider name and traits mc.exe writes for an event provider.
_MSGFILE_IDS_RE = re.compile(r"^IDS_|^TITLE_|^category[A-Z]|^CATEGORY_|"
                             r"^[A-Z0-9]+_CATEGORY$|_Publisher_Name$|"
                             r"_Traits$")

# Error-code naming conventions.
CODE_NAME_RE = re.compile(
    r"(^|_)E_[A-Za-z0-9]"              # E_FAIL, WBEM_E_FAILED
    r"|^(ERROR|NERR|RPC_[SX]|EPT_S)_|^WSAE[A-Z]|^JET_(err|wrn)"
    r"|^[A-Z0-9]*ERR_|^[A-Z0-9]+_ERR_"  # DDERR_, MMSYSERR_, IO_ERR_
)
_FAMILY_RE = re.compile(r"^([A-Z0-9]+)_(ERROR|INFORMATION)(_|$)")
_SUCCESS_NAME_RE = re.compile(r"(^|_)S_[A-Za-z0-9]")
_STATUS_NAME_RE = re.compile(r"^([A-Z0-9]+_)?STATUS_")
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
    """Last word says mask, size or version, and no word says what went
    wrong (AUDCLNT_E_INVALID_SIZE, ERROR_INTERNET_BAD_OPTION_LENGTH and
    EVENT_TCPIP_NO_MASK are codes), and no error tag names the family
    (MCIERR_DEVICE_LENGTH, OLE_ERROR_SIZE)."""
    return bool(_FLAGS_RE.search(name)) and not _WRONG_WORD_RE.search(
        name) and not _ERROR_TAG_RE.match(name) and not _in_error_family(
            name)


def _in_error_family(name):
    fam = _FAMILY_RE.match(name)
    return bool(fam) and fam.group(1) in ERROR_FAMILIES


def is_bound_alias(name, table, alias_of, file_names):
    """Rule 5's alias case: X_MAX defined as another name of its file."""
    return (alias_of is not None and alias_of in file_names
            and table.lower() != "bugcodes.h"
            and _PAIRED_RE.search(name) is not None)


def is_marker_name(name):
    """A name that says it marks a range (without the MIN/MAX pairing)."""
    return bool(_MARKER_RE.search(name))


def _marker(name, file_names, table=""):
    """'paired' (X_FIRST with X_LAST in the same file: surely a marker;
    or a bound HEADER_MARKERS names), 'named' (the name alone says
    marker), or None."""
    m = _GLUED_PAIRED_RE.search(name)
    if m and any(name[:m.start(1)] + p in file_names
                 for p in _PARTNERS[m.group(1)]):
        return "paired"
    if table in HEADER_MARKERS and HEADER_MARKERS[table].search(name):
        return "paired"
    return "named" if _MARKER_RE.search(name) else None


def span_partner(name, file_names):
    """X_END for X_START or X_BEGIN (and back) when the same file defines
    it, else None.  collect settles such a pair by value (rule 5)."""
    m = _SPAN_RE.search(name)
    if not m:
        return None
    for p in _SPAN_PARTNERS[m.group(1)]:
        partner = name[:m.start(1)] + p
        if partner in file_names:
            return partner
    return None


_FAMILIES_BY_TABLE = {}
for _fam in CODE_FAMILIES:
    for _t in _fam.tables:
        _FAMILIES_BY_TABLE.setdefault(_t, []).append(_fam)


def header_family(name, table):
    """The CODE_FAMILIES family of table that name belongs to, or None."""
    for fam in _FAMILIES_BY_TABLE.get(table.lower(), ()):
        if fam.covers(name):
            return fam
    return None


def _family_of(name):
    """The family name belongs to in any header (post() has no table;
    the tests check no name is in two families that disagree)."""
    for fam in CODE_FAMILIES:
        if fam.covers(name):
            return fam
    return None


def pre(name, table, ctype="", erref_names=frozenset(), file_names=()):
    """Decide from the name alone: (KEEP|MAYBE|DROP, reason or None).

    MAYBE: a code only if its value turns out to be built as an HRESULT or
    NTSTATUS (or, for success/STATUS names and code families, has the
    right shape); post() decides once the value is known.  file_names:
    the names the same source file defines (to pair MIN with MAX).
    """
    if ctype and not _rust_int_type(ctype):
        return DROP, R_NOT_INT
    if name in erref_names:
        return KEEP, None
    if _GUARD_RE.search(name):
        return DROP, R_INTERNAL
    t = table.lower()
    if _HELPER_RE.search(name) or (
            t in HEADER_HELPERS and HEADER_HELPERS[t].search(name)):
        return DROP, R_HELPER
    marker = _marker(name, file_names, t) if t != "bugcodes.h" else None
    if marker:
        return (DROP if ctype or marker == "paired" else MAYBE), R_MARKER
    if t in HEADER_EXCLUDES and HEADER_EXCLUDES[t].search(name):
        return DROP, R_FAMILY
    if is_error_header(t):
        return _pre_error_header(name, t)
    return _pre_other_header(name, t)


def _pre_error_header(name, t):
    """Rule 7."""
    if t == "bugcodes.h" and _DISPLAY_RE.search(name):
        return DROP, R_DISPLAY
    if _BITS_RE.search(name) and not _WRONG_WORD_RE.search(name):
        return DROP, R_FLAGS
    if _MSGFILE_IDS_RE.search(name):
        return MAYBE, R_FAMILY  # a code only when built as an HRESULT
    return KEEP, None


def _pre_other_header(name, t):
    """Rule 8."""
    fam = header_family(name, t)
    if fam is not None:
        return (MAYBE, R_FAMILY_VALUE) if fam.needs_value() else (KEEP, None)
    coded = CODE_NAME_RE.search(name)
    if name.startswith(NON_CODE_PREFIXES) or _GUID_PREFIX_RE.search(name):
        return DROP, R_FAMILY
    if _GUID_RE.search(name):
        # ERROR_PCW_MISSING_PATCH_GUID: a code if its value is an integer
        return (MAYBE, R_NOT_INT) if coded else (DROP, R_FAMILY)
    if _SUCCESS_NAME_RE.search(name) and not coded:
        return MAYBE, R_SMALL_S
    if _STATUS_NAME_RE.search(name) and (
            name.startswith("STATUS_") or not coded):
        return MAYBE, R_STATUS_FLAG
    if coded or _in_error_family(name):
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
    elif reason == R_FAMILY_VALUE:
        fam = _family_of(name)
        keep = built is not None or (
            fam is not None and fam.accepts(value, trace))
    elif reason == R_FAMILY:
        keep = built is not None
    elif reason == R_NOT_INT:
        keep = not _flags_like(name)  # it evaluated: an integer after all
    else:
        keep = built is not None and not _flags_like(name)
    return keep, (None if keep else reason)


ESE_HRESULT_BASE = 0x8E5E0000


def ese_hresult(name, table, value):
    """The HRESULT form of an esent.h JET_err* code (see the docstring),
    or None."""
    if table.lower() != "esent.h" or not name.startswith("JET_err"):
        return None
    negative = value - 0x100000000 if value >= 0x80000000 else value
    if not -0xFFFF <= negative < 0:
        return None
    return ESE_HRESULT_BASE + -negative


def kind(name, table, value, trace=None, ctype=""):
    """The entry's kind (one of model.KINDS)."""
    t = table.lower()
    if t == "bugcodes.h":
        return "bugcheck"
    if t == "sql_err":
        return "sql"
    if ese_hresult(name, table, value) is not None:
        return "other"  # the negative form; the HRESULT form is its own
    built = built_as(trace, ctype)
    if built == "ntstatus" or t in NTSTATUS_TABLES or name.startswith(
            "STATUS_"):
        return "ntstatus"
    if built is None:
        fam = header_family(name, t)
        if fam is not None and fam.kind:
            return fam.kind
        if _STATUS_NAME_RE.match(name) and value >= 0x40000000:
            return "other"  # X_STATUS_*: NTSTATUS-shaped, not NTSTATUSes
    small_negative = value >= 0xFFFF0000
    if built == "hresult" or name in ("S_OK", "S_FALSE", "NOERROR") or (
            not small_negative and (value >= 0x80000000 or (
                value >= 0x10000 and _HRESULT_NAME_RE.search(name)))):
        return "hresult"
    if value < 0x10000 and (t in WIN32_TABLES or _WIN32_NAME_RE.match(name)):
        return "win32"
    return "other"


__doc__ = __doc__.replace("@FAMILIES@", "\n".join(
    fam.describe() for fam in CODE_FAMILIES))
