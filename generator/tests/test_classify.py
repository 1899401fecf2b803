"""classify: which constants are codes, and their kinds."""

import unittest

from generator import classify

ERREF = frozenset({"TPM_E_ERROR_MASK", "ERROR_IMAGE_NOT_AT_BASE"})


def decide(name, table, value=0, trace=(), ctype="", file_names=()):
    """The classifier's final answer: (kept, reason)."""
    state, why = classify.pre(name, table, ctype, ERREF,
                              set(file_names) | {name})
    return classify.post(state, why, name, value, set(trace), ctype)


class TestKept(unittest.TestCase):
    def test_error_header_codes(self):
        for name, table, value in (
                ("ERROR_BAD_EXE_FORMAT", "winerror.h", 0xC1),
                ("STATUS_ACCESS_VIOLATION", "ntstatus.h", 0xC0000005),
                ("SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION", "bugcodes.h", 0xC1),
                ("XBOX_CORRUPTED_IMAGE_BASE", "bugcodes.h", 0x357),
                ("NELOG_Init_Exec_Fail", "lmerrlog.h", 3105),
                ("NERR_NetNotStarted", "lmerr.h", 0x836),
                ("IO_ERR_SEEK_ERROR", "ntiologc.h", 0xC0040006),
                ("E_DAO_InternalError", "dbdaoerr.h", 0x800A0BB8),
                ("NS_E_NOCONNECTION", "nserror.h", 0xC00D0005)):
            self.assertEqual(decide(name, table, value), (True, None), name)

    def test_convention_names_in_other_headers(self):
        for name, table, value in (
                ("DDERR_SURFACELOST", "ddraw.h", 0x887601C2),
                ("ERROR_INTERNET_NAME_NOT_RESOLVED", "wininet.h", 0x2EE7),
                ("WBEM_E_FAILED", "wbemcli.h", 0x80041001),
                ("MMSYSERR_NODRIVER", "mmsystem.h", 6),
                ("LINEERR_ALLOCATED", "tapi.h", 0x80000001),
                ("MQ_ERROR_PROPERTY", "mq.h", 0xC00E0002),
                ("BTH_ERROR_NO_CONNECTION", "bthdef.h", 2),
                ("JET_errFileNotFound", "esent.h", 0xFFFFFC0B),
                ("WSAECONNREFUSED", "winsock2.h", 10061)):
            self.assertEqual(decide(name, table, value), (True, None), name)

    def test_built_as_hresult_or_ntstatus(self):
        self.assertEqual(decide("D3DOK_NOAUTOGEN", "d3d9.h", 0x0876086F,
                                {"MAKE_D3DSTATUS", "MAKE_HRESULT",
                                 "HRESULT"}), (True, None))
        self.assertEqual(decide("EXCEPTION_ACCESS_VIOLATION", "minwinbase.h",
                                0xC0000005, {"STATUS_ACCESS_VIOLATION",
                                             "NTSTATUS"}), (True, None))
        self.assertEqual(decide("WBEM_S_FALSE", "wbemcli.h", 1,
                                {"HRESULT"}), (True, None))
        self.assertEqual(decide("AUDCLNT_E_NOT_INITIALIZED", "audioclient.h",
                                0x88890001, ctype="HRESULT"), (True, None))

    def test_erref_names_override_name_rules(self):
        self.assertEqual(decide("TPM_E_ERROR_MASK", "winerror.h", 0x80280000),
                         (True, None))
        self.assertEqual(decide("ERROR_IMAGE_NOT_AT_BASE", "winerror.h", 700),
                         (True, None))

    def test_marker_named_codes_built_as_hresult(self):
        self.assertEqual(decide("VER_E_INNERMOST_FIRST", "corerror.h",
                                0x80131F06, {"EMAKEHR", "HRESULT"}),
                         (True, None))
        self.assertEqual(decide("STATUS_IMAGE_AT_DIFFERENT_BASE", "ntstatus.h",
                                0x40000036, {"NTSTATUS"}), (True, None))

    def test_success_and_status_names_with_the_right_shape(self):
        self.assertEqual(decide("WBEM_S_NO_MORE_DATA", "wbemcli.h", 0x40005),
                         (True, None))
        self.assertEqual(decide("STATUS_PENDING", "winnt.h", 0x103,
                                {"NTSTATUS"}), (True, None))


class TestCodeFamilies(unittest.TestCase):
    """Rule 8c: each family's codes kept, its header's other constants
    sharing the prefix dropped, and the kinds the general rules would get
    wrong."""

    KEPT = (
        ("USBD_STATUS_STALL_PID", "usb.h", 0xC0000004),
        ("USBD_STATUS_INVALID_URB_FUNCTION", "usb.h", 0x80000200),
        ("USBD_STATUS_PENDING", "usb.h", 0x40000000),
        ("USBD_STATUS_SUCCESS", "usb.h", 0),
        ("USBD_STATUS_NO_MEMORY", "usbdi.h", 0x80000100),
        ("LDAP_SUCCESS", "winldap.h", 0),
        ("LDAP_OPERATIONS_ERROR", "winldap.h", 1),
        ("LDAP_AUTH_METHOD_NOT_SUPPORTED", "winldap.h", 7),
        ("LDAP_SERVER_DOWN", "winldap.h", 0x51),
        ("LDAP_AUTH_UNKNOWN", "winldap.h", 0x56),
        ("LDAP_FILTER_ERROR", "winldap.h", 0x57),
        ("LDAP_CONTROL_NOT_FOUND", "winldap.h", 0x5D),
        ("LDAP_REFERRAL_LIMIT_EXCEEDED", "winldap.h", 0x61),
        ("CR_SUCCESS", "cfgmgr32.h", 0),
        ("CR_NO_SUCH_DEVNODE", "cfgmgr32.h", 0xD),
        ("GQOS_NET_ADMISSION", "qossp.h", 56100),
        ("GQOS_CHKQOS_EXCEPTION", "qossp.h", 0xDE18),
        ("RSVP_Err_POLICY", "lpmapi.h", 2),
        ("RSVP_Erv_Flow_Rate", "lpmapi.h", 0x8001),
        ("POLICY_ERRV_NO_PRIVILEGES", "lpmapi.h", 50),
        ("HTTP_STATUS_NOT_FOUND", "winhttp.h", 404),
        ("HTTP_STATUS_CONTINUE", "wininet.h", 100),
        ("IP_SUCCESS", "ipexport.h", 0),
        ("IP_REQ_TIMED_OUT", "ipexport.h", 11010),
        ("IP_PENDING", "ipexport.h", 11255),
        ("SERVICE_UIC_RESOURCE", "lmsvc.h", 3054),
        ("SERVICE_UIC_M_MEMORY", "lmsvc.h", 3070),
        ("NRC_GOODRET", "nb30.h", 0),
        ("NRC_PENDING", "nb30.h", 0xFF),
        ("MSIDBERROR_DUPLICATEKEY", "msiquery.h", 1),
        ("MSIDBERROR_INVALIDARG", "msiquery.h", 0xFFFFFFFD),
        ("TLS1_ALERT_CLOSE_NOTIFY", "schannel.h", 0),
        ("TLS1_ALERT_HANDSHAKE_FAILURE", "schannel.h", 40),
        ("SNMP_ERRORSTATUS_NOSUCHNAME", "snmp.h", 2),
        ("SNMP_BERAPI_INVALID_LENGTH", "snmp.h", 10),
        ("SNMP_MEM_ALLOC_ERROR", "snmp.h", 1),
        ("SCESTATUS_ACCESS_DENIED", "scesvc.h", 9),
        ("WSA_PNRP_CLOUD_NOT_FOUND", "p2p.h", 11501),
        ("MFE_NO_ROUTE", "routprot.h", 9),
        ("SMART_IDE_ERROR", "ntdddisk.h", 1),
        ("SMART_NO_IDE_DEVICE", "winioctl.h", 10),
        ("IME_RS_NOIME", "ime.h", 2),
        ("LZERROR_BADINHANDLE", "lzexpand.h", 0xFFFFFFFF),
        ("PFERROR_NO_PF_INTERFACE", "fltdefs.h", 23000),
        ("FDIERROR_CORRUPT_CABINET", "fdi.h", 4),
        ("DS_NAME_NO_ERROR", "ntdsapi.h", 0),
        ("DS_NAME_ERROR_NOT_FOUND", "ntdsapi.h", 2),
        ("CMC_STATUS_FAILED", "wincrypt.h", 2),
        ("CMC_FAIL_BAD_REQUEST", "wincrypt.h", 2),
        ("INFO_PROPERTY", "patchwiz.h", 0xC00F5107),
        ("WARN_BAD_MAJOR_VERSION", "patchwiz.h", 0xC0105108),
    )
    # (name, table, value, reason): the same prefixes, not codes.
    DROPPED = (
        ("USBD_STATUS_PORT_OPERATION_PENDING", "usb.h", 1),
        ("USBD_STATUS_CANCELING", "usbdi.h", 0x20000),
        ("LDAP_OPT_SIZELIMIT", "winldap.h", 3),
        ("LDAP_RES_BIND", "winldap.h", 0x61),
        ("LDAP_BIND_CMD", "winldap.h", 0x60),
        ("LDAP_SCOPE_SUBTREE", "winldap.h", 2),
        ("LDAP_DEREF_ALWAYS", "winldap.h", 3),
        ("LDAP_MOD_REPLACE", "winldap.h", 2),
        ("LDAP_MSG_ALL", "winldap.h", 1),
        ("LDAP_CHASE_SUBORDINATE_REFERRALS", "winldap.h", 0x20),
        ("LDAP_VERSION3", "winldap.h", 3),
        ("LDAP_UNICODE", "winldap.h", 1),
        ("LDAP_NO_LIMIT", "winldap.h", 0),
        ("LDAP_AUTH_SIMPLE", "winldap.h", 0x80),
        ("LDAP_FILTER_AND", "winldap.h", 0xA0),
        ("LDAP_SUBSTRING_ANY", "winldap.h", 0x81),
        ("LDAP_PORT", "winldap.h", 389),
        ("GQOS_NO_ERRORCODE", "qossp.h", 0),
        ("GQOS_ERRORVALUE_UNKNOWN", "qossp.h", 0xFFFFFFFF),
        ("IP_OPT_EOL", "ipexport.h", 0),
        ("IP_FLAG_DF", "ipexport.h", 2),
        ("HTTP_STATUS_FIRST", "winhttp.h", 100),
        ("TLS1_ALERT_FATAL", "schannel.h", 2),
        ("SMART_SHORT_SELFTEST_OFFLINE", "ntdddisk.h", 1),
        ("SMART_CMD", "ntdddisk.h", 0xB0),
        ("WSA_WAIT_TIMEOUT", "winsock2.h", 0x102),
        ("WSA_FLAG_OVERLAPPED", "winsock2.h", 1),
    )

    def test_kept(self):
        for name, table, value in self.KEPT:
            self.assertEqual(decide(name, table, value), (True, None), name)

    def test_dropped(self):
        for name, table, value in self.DROPPED:
            kept, why = decide(name, table, value,
                               file_names={"HTTP_STATUS_LAST"})
            self.assertFalse(kept, name)
            self.assertIn(why, (classify.R_FAMILY_VALUE, classify.R_MARKER,
                                classify.R_NOT_CODE), name)

    def test_only_in_their_headers(self):
        for name, table, value in (("CR_SUCCESS", "winnt.h", 0),
                                   ("NRC_GOODRET", "winbase.h", 0),
                                   ("IP_SUCCESS", "ws2def.h", 0),
                                   ("INFO_PROPERTY", "winnt.h", 7),
                                   ("LDAP_SUCCESS", "ldap.h", 0)):
            self.assertEqual(decide(name, table, value),
                             (False, classify.R_NOT_CODE), name)

    def test_winsock_aliases_of_win32_codes(self):
        self.assertEqual(decide("WSA_IO_PENDING", "winsock2.h", 997,
                                {"ERROR_IO_PENDING"}), (True, None))
        self.assertEqual(decide("WSA_IO_PENDING", "winsock2.h", 997),
                         (False, classify.R_FAMILY_VALUE))
        self.assertEqual(decide("WSA_WAIT_IO_COMPLETION", "winsock2.h", 0xC0,
                                {"STATUS_USER_APC", "NTSTATUS"}),
                         (True, None))

    def test_post_finds_the_family_pre_chose(self):
        # post() has no table: a name must not fall in two families
        for name, table, _ in self.KEPT + self.DROPPED:
            fam = classify.header_family(name, table)
            if fam is not None:
                self.assertIs(classify._family_of(name), fam, name)

    def test_family_kinds(self):
        for args, want in (
                (("HTTP_STATUS_NOT_FOUND", "winhttp.h", 404), "other"),
                (("USBD_STATUS_STALL_PID", "usb.h", 0xC0000004), "other"),
                (("WSA_IO_PENDING", "winsock2.h", 997), "win32"),
                (("WSA_PNRP_CLOUD_NOT_FOUND", "p2p.h", 11501), "win32"),
                (("LDAP_SERVER_DOWN", "winldap.h", 0x51), "other"),
                (("INFO_PROPERTY", "patchwiz.h", 0xC00F5107), "hresult")):
            self.assertEqual(classify.kind(*args), want, args)

    def test_rules_list_every_family(self):
        for fam in classify.CODE_FAMILIES:
            self.assertIn(fam.describe(), classify.__doc__)
        self.assertNotIn("@FAMILIES@", classify.__doc__)


class TestStatusFamilies(unittest.TestCase):
    """Rule 8a: X_STATUS_* is a code where the value is NTSTATUS-shaped."""

    def test_kept(self):
        for name, table, value in (
                ("NDIS_STATUS_INVALID_DATA", "ndis.h", 0xC0010015),
                ("NDIS_STATUS_MEDIA_CONNECT", "ndis.h", 0x4001000B),
                ("NDIS_STATUS_TAPI_INUSE", "ndistapi.h", 0xC0012008),
                ("TDI_STATUS_BAD_VERSION", "tdistat.h", 0xC0010004)):
            self.assertEqual(decide(name, table, value), (True, None), name)
            self.assertEqual(classify.kind(name, table, value), "other",
                             name)
        self.assertEqual(classify.kind(
            "NDIS_STATUS_FAILURE", "ndis.h", 0xC0000001,
            {"STATUS_UNSUCCESSFUL", "NTSTATUS"}), "ntstatus")

    def test_dropped(self):
        for name, table, value in (
                ("DOT11_STATUS_AUTH_FAILED", "windot11.h", 0x20000),
                ("DEBUG_STATUS_NO_CHANGE", "dbgeng.h", 0),
                ("LLC_STATUS_SUCCESS", "dlcapi.h", 0),
                ("NDIS_STATUS_NOT_RECOGNIZED", "ndis.h", 0x10001)):
            self.assertEqual(decide(name, table, value),
                             (False, classify.R_STATUS_FLAG), name)
        # two words before STATUS_: not a status family
        self.assertEqual(decide("WINHTTP_CALLBACK_STATUS_REQUEST_ERROR",
                                "winhttp.h", 0x200000),
                         (False, classify.R_NOT_CODE))

    def test_other_conventions_first(self):
        self.assertEqual(decide("DTC_STATUS_E_CANTCONTROL", "dtchelp.h", 8),
                         (True, None))
        self.assertEqual(classify.kind("DNS_STATUS_FQDN", "winerror.h",
                                       0x2555), "win32")


class TestDropped(unittest.TestCase):
    def assertDropped(self, reason, name, table, value=0, trace=(),
                      ctype="", file_names=()):
        self.assertEqual(decide(name, table, value, trace, ctype, file_names),
                         (False, reason), name)

    def test_helpers(self):
        for name in ("FACILITY_WIN32", "FACILITY_NT_BIT", "SEVERITY_ERROR",
                     "STATUS_SEVERITY_WARNING", "ERROR_SEVERITY_ERROR"):
            self.assertDropped(classify.R_HELPER, name, "winerror.h", 7)

    def test_internal_names_and_guards(self):
        for name in ("_WINERROR_", "__LONG32", "_FACDD", "WINERROR_H",
                     "FOO_INCLUDED"):
            self.assertDropped(classify.R_INTERNAL, name, "winerror.h")
        self.assertEqual(decide("ERROR_FLT_NO_HANDLER_DEFINED",
                                "fltwinerror.h", 0x801F0001), (True, None))

    def test_markers(self):
        self.assertDropped(classify.R_MARKER, "NERR_BASE", "lmerr.h", 2100)
        self.assertDropped(classify.R_MARKER, "WSABASEERR", "winerror.h",
                           10000)
        self.assertDropped(classify.R_MARKER, "RASBASEEND", "raserror.h", 999)
        self.assertDropped(classify.R_MARKER, "CO_E_FIRST", "winerror.h",
                           0x800401F0, file_names={"CO_E_LAST"})
        self.assertDropped(classify.R_MARKER, "INET_E_ERROR_FIRST",
                           "urlmon.h", 0x800C0002, {"HRESULT"},
                           file_names={"INET_E_ERROR_LAST"})
        self.assertDropped(classify.R_MARKER, "DNS_ERROR_DATABASE_BASE",
                           "winerror.h", 9700)
        self.assertDropped(classify.R_MARKER, "GL_MIN", "glext.h", 0x8007,
                           file_names={"GL_MAX"})
        self.assertDropped(classify.R_MARKER, "CO_E_FIRST", "winerror.h",
                           0x800401F0, ctype="HRESULT")

    def test_glued_and_base_partnered_markers(self):
        # the marker word glued to the word before it, paired
        self.assertDropped(classify.R_MARKER, "DIERR_DRIVERFIRST",
                           "dinputd.h", 0x80040300, {"MAKE_HRESULT"},
                           file_names={"DIERR_DRIVERLAST"})
        self.assertDropped(classify.R_MARKER, "OLEUI_ERR_STANDARDMAX",
                           "oledlg.h", 116,
                           file_names={"OLEUI_ERR_STANDARDMIN"})
        # X_MAX and X_LAST pair with X_BASE too
        self.assertDropped(classify.R_MARKER, "UPNP_E_ACTION_SPECIFIC_MAX",
                           "upnp.h", 0x8004042B, {"MAKE_HRESULT"},
                           file_names={"UPNP_E_ACTION_SPECIFIC_BASE"})
        self.assertDropped(classify.R_MARKER, "UPNP_E_ACTION_SPECIFIC_BASE",
                           "upnp.h", 0x80040300, {"MAKE_HRESULT"},
                           file_names={"UPNP_E_ACTION_SPECIFIC_MAX"})
        # one-word bases
        for name, table, value in (("RASBASE", "raserror.h", 600),
                                   ("ROUTEBASE", "mprerror.h", 900),
                                   ("TCBASE", "tcerror.h", 7500)):
            self.assertDropped(classify.R_MARKER, name, table, value)
        # unpaired and built as an HRESULT, a *_BASE is still a code
        self.assertEqual(decide("WU_E_PT_SOAPCLIENT_BASE", "wuerror.h",
                                0x80244000, {"HRESULT"}), (True, None))
        # unpaired, a glued word is just the end of a name
        for name, table, value in (
                ("NS_E_INVALID_AUDIO_BUFFERMAX", "nserror.h", 0xC00D1BBC),
                ("ERROR_LAST_ADMIN", "winerror.h", 0x52A),
                ("CFERR_MAXLESSTHANMIN", "cderr.h", 0x2002),
                ("TAPIERR_NOTADMIN", "tapi.h", 0xFFFFFFED)):
            self.assertEqual(decide(name, table, value), (True, None), name)

    def test_lasterror_and_header_markers(self):
        self.assertDropped(classify.R_MARKER, "MMSYSERR_LASTERROR",
                           "mmsyscom.h", 21)
        self.assertDropped(classify.R_MARKER, "DV_ERR_USER_MSG", "vfw.h",
                           1001)
        self.assertDropped(classify.R_MARKER, "ICERR_CUSTOM", "vfw.h",
                           0xFFFFFE70)
        # GETLASTERROR says "call GetLastError": a code
        for name, table, value in (
                ("E_GETLASTERROR", "infotech.h", 0x80001010),
                ("ERR_CPSUI_GETLASTERROR", "compstui.h", 0xFFFFFFFF),
                ("DV_ERR_NOMEM", "vfw.h", 18),
                ("ICERR_BADFORMAT", "vfw.h", 0xFFFFFFFE)):
            self.assertEqual(decide(name, table, value), (True, None), name)

    def test_header_bounds_and_helpers(self):
        for name, table, value in (
                ("CDERR_GENERALCODES", "cderr.h", 0),
                ("PDERR_PRINTERCODES", "cderr.h", 0x1000),
                ("SL_CLIENTAPI_ZONE", "slerror.h", 0xF000),
                ("MSDRM_CLIENT_ZONE", "msdrmerror.h", 0xCF00),
                ("MAX_NERR", "lmerr.h", 2999),
                ("DMUS_ERRBASE", "dmerror.h", 0x1000),
                ("DRM_E_H264_BASECODE", "windows.media.protection."
                 "playreadyresults.h", 0xDA00),
                ("DRM_E_H264_FINALCODE", "windows.media.protection."
                 "playreadyresults.h", 0xDAFF),
                ("DRM_E_SERVICES_BASECODE_EX", "windows.media.protection."
                 "playreadyresults.h", 0xD600)):
            self.assertDropped(classify.R_MARKER, name, table, value)
        for name in ("ERROR_SOURCE_GATHERER", "ERROR_FTE", "ERROR_FTE_CB"):
            self.assertDropped(classify.R_HELPER, name,
                               "windowssearcherrors.h", 0x0D00)
        # the codes beside them stay
        for name, table, value in (
                ("CDERR_STRUCTSIZE", "cderr.h", 1),
                ("PDERR_SETUPFAILURE", "cderr.h", 0x1001),
                ("SL_E_SRV_INVALID_PUBLISH_LICENSE", "slerror.h",
                 0xC004B001),
                ("NERR_NetNotStarted", "lmerr.h", 0x836),
                ("DNS_ERROR_NAME_NOT_IN_ZONE", "winerror.h", 0x25EA),
                ("DRM_E_UTF_INVALID_CODE", "windows.media.protection."
                 "playreadyresults.h", 0x8004CA01),
                ("GTHR_E_DUPLICATE_URL", "windowssearcherrors.h",
                 0x80040D02)):
            self.assertEqual(decide(name, table, value), (True, None), name)

    def test_message_file_categories_and_provider_names(self):
        for name, table in (("CATEGORY_GATHERER", "windowssearcherrors.h"),
                            ("TITLE_SC_MESSAGE_BOX", "netevent.h"),
                            ("WDSCP_CATEGORY", "wdscpmsg.h"),
                            ("WDSMCSERVER_CATEGORY", "wdsmcerr.h"),
                            ("MSG_Publisher_Name", "pdhmsg.h"),
                            ("S_PDH_Traits", "pdhmsg.h")):
            self.assertDropped(classify.R_FAMILY, name, table, 1)
        for name, table, value in (
                ("ERROR_INVALID_CATEGORY", "winerror.h", 0x75),
                ("NMERR_UNKNOWN_CATEGORY", "netmon.h", 0x3F0),
                ("PDH_CSTATUS_NO_MACHINE", "pdhmsg.h", 0x800007D0)):
            self.assertEqual(decide(name, table, value), (True, None), name)

    def test_headers_named_err_or_msg_by_chance(self):
        for table in ("verrsrc.h", "msgarg.h", "roerrorapi.h"):
            self.assertFalse(classify.is_error_header(table), table)
        for table in ("slerror.h", "pdhmsg.h", "wdscpmsg.h"):
            self.assertTrue(classify.is_error_header(table), table)
        # so their flags and types are not codes
        for name, table, value in (("VIF_OUTOFMEMORY", "verrsrc.h", 0x8000),
                                   ("ALLJOYN_INT32", "msgarg.h", 0x69),
                                   ("MAX_ERROR_MESSAGE_CHARS",
                                    "roerrorapi.h", 512)):
            self.assertFalse(decide(name, table, value)[0], name)
        # but roerrorapi.h's exception codes are a code family
        self.assertEqual(decide("EXCEPTION_RO_ORIGINATEERROR",
                                "roerrorapi.h", 0x40080201), (True, None))

    def test_span_partners(self):
        names = {"ES_GENERAL_ERROR_START", "ES_GENERAL_ERROR_END",
                 "FAX_ERR_START", "X_BEGIN", "X_END", "LONE_START"}
        self.assertEqual(classify.span_partner("ES_GENERAL_ERROR_START",
                                               names),
                         "ES_GENERAL_ERROR_END")
        self.assertEqual(classify.span_partner("ES_GENERAL_ERROR_END",
                                               names),
                         "ES_GENERAL_ERROR_START")
        self.assertEqual(classify.span_partner("X_END", names), "X_BEGIN")
        self.assertIsNone(classify.span_partner("FAX_ERR_START", names))
        self.assertIsNone(classify.span_partner("LONE_START", names))
        # a glued START is part of a name (..._FILESEQSTART)
        self.assertIsNone(classify.span_partner(
            "ERROR_PCW_BAD_IMAGE_FAMILY_FILESEQSTART",
            {"ERROR_PCW_BAD_IMAGE_FAMILY_FILESEQEND"}))

    def test_flags_masks_sizes(self):
        self.assertDropped(classify.R_FLAGS, "DNS_ERROR_MASK", "winerror.h",
                           0x2300)
        self.assertDropped(classify.R_FLAGS, "ERROR_LOG_LIMIT_SIZE", "wdm.h",
                           240)
        self.assertDropped(classify.R_FLAGS, "ERROR_LOG_MESSAGE_LIMIT_SIZE",
                           "wdm.h", 0x98)
        self.assertDropped(classify.R_FLAGS, "ID_ERR_OBJ_HDR_LEN",
                           "lpmapi.h", 4)
        self.assertDropped(classify.R_FLAGS,
                           "ERROR_PROCESSOR_STATE_PARAMETER_BUS_CHECK_MASK",
                           "mce.h", 0x1000)
        # struct versions, and lower-case masks
        self.assertDropped(classify.R_FLAGS, "CD_ERR_V1", "hubbusif.h", 1)
        self.assertEqual(decide("OPC_E_DS_INVALID_SIGNATURE_COUNT",
                                "msopc.h", 0x8051002B), (True, None))
        self.assertDropped(classify.R_FLAGS, "FOO_ERR_mask", "foo.h", 0xFFF)
        self.assertEqual(decide("ERROR_DS_CR_IMPOSSIBLE_TO_VALIDATE_V2",
                                "winerror.h", 0x218A), (True, None))

    def test_sizes_that_say_what_went_wrong_are_codes(self):
        for name, table, value in (
                ("AUDCLNT_E_INVALID_SIZE", "audioclient.h", 0x88890009),
                ("XPS_E_INVALID_PAGE_SIZE", "xpsobjectmodel.h", 0x80520003),
                ("OPC_E_ZIP_REQUIRES_64_BIT", "msopc.h", 0x80511010),
                ("INET_E_AGENT_EXCEEDING_CACHE_SIZE", "subsmgr.h",
                 0x800C0F90),
                ("ERROR_INTERNET_BAD_OPTION_LENGTH", "wininet.h", 12010),
                ("EVENT_TCPIP_NO_MASK", "netevent.h", 0xC000105A),
                ("MCIERR_DEVICE_LENGTH", "mmsystem.h", 0x136),
                ("OLE_ERROR_SIZE", "ole.h", 0x1A),
                ("SDP_ERROR_INVALID_PDU_SIZE", "bthdef.h", 4)):
            self.assertEqual(decide(name, table, value), (True, None), name)

    def test_id_families_and_guids(self):
        for name, table in (("DISPID_ONERROR", "mshtmdid.h"),
                            ("GL_INVALID_ENUM", "gl.h"),
                            ("PRINTER_ERROR_JAM", "winspool.h"),
                            ("SERVICE_ERROR_NORMAL", "winsvc.h"),
                            ("EVENTLOG_ERROR_TYPE", "winnt.h"),
                            ("PRODUCT_EMBEDDED_E_EVAL", "winnt.h"),
                            ("IID_IUnknown", "unknwn.h"),
                            ("WMI_TAPE_PROBLEM_IO_ERROR_GUID", "wmidata.h"),
                            ("ERR_BUS", "mce.h"),
                            ("LOGFLAGS_SEEK", "lmerrlog.h"),
                            ("ERR_FORWARD_OK", "lpmapi.h"),
                            ("ERR_Usage_local", "lpmapi.h"),
                            ("ERROR_SPECF_InPlace", "lpmapi.h"),
                            ("SESSFLG_E_Police", "lpmapi.h"),
                            ("E_WINDOW_ADVANCE_BY_TIME", "wsrm.h"),
                            ("CRYPTCAT_E_AREA_MEMBER", "mscat.h"),
                            ("NETERR_RING_STATUS_SOFT_ERROR", "neterr.h"),
                            ("E_STORE_USER_ARCHIVE", "werapi.h"),
                            ("WCN_TYPE_E_HASH1", "wcntypes.h"),
                            ("OLEDBVER", "oledberr.h"),
                            ("ERROR_HISTORY_SOURCE_CREATED_BY_DEVICE_SERVER",
                             "scsi.h"),
                            ("ERROR_HISTORY_DIRECTORY_ENTRY_DEFAULT_COUNT",
                             "winioctl.h"),
                            ("U_GCB_E_BASE_GAZ", "icu.h"),
                            ("U_GC_S_MASK", "icucommon.h"),
                            ("DIAXIS_ANY_S_1", "dinput.h"),
                            ("DWRITE_PANOSE_DECORATIVE_TOPOLOGY_HORSESHOE"
                             "_E_AND_A", "dwrite_1.h"),
                            ("IDS_ORIGINAL_MESSAGE", "cdoexerr.h"),
                            ("categoryGeneral", "cdosyserr.h")):
            self.assertDropped(classify.R_FAMILY, name, table, 1)
        # the same headers' codes stay
        for name, table, value in (
                ("ERROR_NO_MORE_INFO", "lpmapi.h", 1),
                ("CRYPTCAT_E_CDF_DUPLICATE", "mscat.h", 2),
                ("DIERR_NOTFOUND", "dinput.h", 0x80070002),
                ("CDO_E_NOT_FOUND", "cdoexerr.h", 0x800CCE05),
                ("evtCorruptedCalendar", "cdoexerr.h", 0xC0032025)):
            self.assertEqual(decide(name, table, value), (True, None), name)

    def test_code_named_guid_suffix(self):
        # a *_GUID name that follows a code convention is a code when its
        # value is an integer (pre says MAYBE; an unevaluable GUID drops)
        self.assertEqual(decide("ERROR_PCW_MISSING_PATCH_GUID", "patchwiz.h",
                                0xC00E5107), (True, None))
        self.assertEqual(classify.pre("ERROR_PROCESSOR_GUID", "mce.h"),
                         (classify.MAYBE, classify.R_NOT_INT))
        self.assertEqual(classify.pre("IID_IUnknown", "unknwn.h"),
                         (classify.DROP, classify.R_FAMILY))

    def test_display_strings_of_bugcodes(self):
        for name in ("WINDOWS_NT_BANNER", "WINDOWS_NT_CSD_STRING",
                     "BUGCHECK_TECH_INFO", "BOOTLOG_ENABLED"):
            self.assertDropped(classify.R_DISPLAY, name, "bugcodes.h",
                               0x4000007E)

    def test_non_integer_rust_consts(self):
        for ctype in ("&'static str", "GUID", "FLOAT", "DEVPROPKEY"):
            self.assertDropped(classify.R_NOT_INT, "ERROR_X", "winerror.h",
                               ctype=ctype)

    def test_flag_shaped_success_and_status_names(self):
        self.assertDropped(classify.R_SMALL_S, "S_QUEUEEMPTY", "winbase.h", 0)
        self.assertDropped(classify.R_SMALL_S, "AA_S_OPEN", "lmaudit.h", 1)
        self.assertDropped(classify.R_STATUS_FLAG, "STATUS_VALIDATE_STATE",
                           "mapidefs.h", 1)

    def test_plain_constants(self):
        for name, value in (("MAX_PATH", 260), ("INTERNET_FLAG_RELOAD",
                                                0x80000000),
                            ("DDSCAPS_ALPHA", 2), ("ERRCLASS_OUTRES", 1),
                            ("ECONNREFUSED", 10061)):
            self.assertDropped(classify.R_NOT_CODE, name, "winnt.h", value)
        self.assertDropped(classify.R_NOT_CODE, "ERRCLASS_OUTRES", "error.h", 1)

    def test_error_header_detection(self):
        for table in ("winerror.h", "ntstatus.h", "bugcodes.h", "corerror.h",
                      "vfwmsgs.h", "netevent.h", "lmerrlog.h", "WINERROR.H"):
            self.assertTrue(classify.is_error_header(table), table)
        for table in ("errno.h", "errhandlingapi.h", "error.h",
                      "_wsa_errnos.h", "winbase.h", "ddraw.h"):
            self.assertFalse(classify.is_error_header(table), table)


class TestKinds(unittest.TestCase):
    def test_kinds(self):
        cases = (
            (("ERROR_BAD_EXE_FORMAT", "winerror.h", 0xC1), "win32"),
            (("NERR_NetNotStarted", "lmerr.h", 0x836), "win32"),
            (("ERROR_INTERNET_NAME_NOT_RESOLVED", "wininet.h", 0x2EE7),
             "win32"),
            (("E_FAIL", "winerror.h", 0x80004005), "hresult"),
            (("S_OK", "winerror.h", 0), "hresult"),
            (("WBEM_S_NO_MORE_DATA", "wbemcli.h", 0x40005), "hresult"),
            (("STATUS_ACCESS_VIOLATION", "ntstatus.h", 0xC0000005),
             "ntstatus"),
            (("STATUS_WAIT_0", "winnt.h", 0), "ntstatus"),
            (("IO_ERR_SEEK_ERROR", "ntiologc.h", 0xC0040006), "ntstatus"),
            (("SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION", "bugcodes.h", 0xC1),
             "bugcheck"),
            (("SQL_193_severity_15", "sql_err", 193), "sql"),
            (("MMSYSERR_NODRIVER", "mmsystem.h", 6), "other"),
            (("ICERR_BADFORMAT", "vfw.h", 0xFFFFFFFE), "other"),
        )
        for args, want in cases:
            self.assertEqual(classify.kind(*args), want, args)
        self.assertEqual(classify.kind("DD_OK", "ddraw.h", 0, {"HRESULT"}),
                         "hresult")
        self.assertEqual(classify.kind("HIDP_STATUS_NULL", "hidpi.h",
                                       0x80110001, ctype="NTSTATUS"),
                         "ntstatus")


if __name__ == "__main__":
    unittest.main()
