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

    def test_flags_masks_sizes(self):
        self.assertDropped(classify.R_FLAGS, "DNS_ERROR_MASK", "winerror.h",
                           0x2300)
        self.assertDropped(classify.R_FLAGS, "ERROR_LOG_LIMIT_SIZE", "wdm.h",
                           240)
        self.assertDropped(classify.R_FLAGS, "ERROR_LOG_MESSAGE_LIMIT_SIZE",
                           "wdm.h", 0x98)

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
                            ("LOGFLAGS_SEEK", "lmerrlog.h")):
            self.assertDropped(classify.R_FAMILY, name, table, 1)

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
