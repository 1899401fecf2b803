"""The generator on the Debian packages installed on this machine.

Skipped, with a message on stderr, where mingw-w64's headers are absent.
The source directories can be moved with the Makefile's variables
(MINGW_INCLUDE, WINAPI_SRC, IMPACKET_DIR) in the environment.
"""

import os
import shutil
import sys
import tempfile
import unittest

from generator import impacket, winerr_gen

MINGW = os.environ.get("MINGW_INCLUDE") or "/usr/share/mingw-w64/include"
WINAPI = (os.environ.get("WINAPI_SRC")
          or "/usr/share/cargo/registry/winapi-0.3.9/src")
IMPACKET = (os.environ.get("IMPACKET_DIR")
            or "/usr/lib/python3/dist-packages/impacket")

MUST_HAVE = (
    ("ERROR_BAD_EXE_FORMAT", 0xC1, "winerror.h"),
    ("SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION", 0xC1, "bugcodes.h"),
    ("STATUS_ACCESS_VIOLATION", 0xC0000005, "ntstatus.h"),
    ("STATUS_SYSTEM_PROCESS_TERMINATED", 0xC000021A, "ntstatus.h"),
    ("E_FAIL", 0x80004005, "winerror.h"),
    ("NERR_NetNotStarted", 0x836, "lmerr.h"),
    ("WSAECONNREFUSED", 0x274D, "winerror.h"),
    ("ERROR_INTERNET_NAME_NOT_RESOLVED", 0x2EE7, "wininet.h"),
    ("DDERR_SURFACELOST", 0x887601C2, "ddraw.h"),
    ("RPC_S_SERVER_UNAVAILABLE", 0x6BA, "winerror.h"),
)

# Result codes of headers that mostly define other things (classify.py's
# CODE_FAMILIES and X_STATUS_* rule), with the table err.exe files them in.
FAMILY_CODES = (
    ("USBD_STATUS_STALL_PID", 0xC0000004, "usb.h"),
    ("LDAP_SERVER_DOWN", 0x51, "winldap.h"),
    ("LDAP_SUCCESS", 0, "winldap.h"),
    ("CR_NO_SUCH_DEVNODE", 0xD, "cfgmgr32.h"),
    ("GQOS_NO_PATH", 0xDBED, "qossp.h"),
    ("RSVP_Err_POLICY", 2, "lpmapi.h"),
    ("HTTP_STATUS_NOT_FOUND", 404, "winhttp.h"),
    ("IP_REQ_TIMED_OUT", 11010, "ipexport.h"),
    ("NRC_CMDTMO", 5, "nb30.h"),
    ("MSIDBERROR_DUPLICATEKEY", 1, "msiquery.h"),
    ("TLS1_ALERT_HANDSHAKE_FAILURE", 40, "schannel.h"),
    ("SNMP_ERRORSTATUS_NOSUCHNAME", 2, "snmp.h"),
    ("SCESTATUS_ACCESS_DENIED", 9, "scesvc.h"),
    ("WSA_PNRP_CLOUD_NOT_FOUND", 11501, "p2p.h"),
    ("WSA_IO_PENDING", 997, "winsock2.h"),
    ("MFE_NO_ROUTE", 9, "routprot.h"),
    ("CMC_FAIL_BAD_REQUEST", 2, "wincrypt.h"),
    ("LZERROR_READ", 0xFFFFFFFD, "lzexpand.h"),
    ("DS_NAME_ERROR_NOT_FOUND", 2, "ntdsapi.h"),
    ("NDIS_STATUS_INVALID_DATA", 0xC0010015, "ndis.h"),
)
# Constants of those headers that are not codes.
NOT_CODES = ("LDAP_OPT_SIZELIMIT", "LDAP_PORT", "LDAP_AUTH_SIMPLE",
             "LDAP_RES_BIND", "GQOS_NO_ERRORCODE", "IP_OPT_EOL",
             "TLS1_ALERT_FATAL", "WSA_WAIT_TIMEOUT", "WSA_FLAG_OVERLAPPED",
             "USBD_STATUS_PORT_OPERATION_PENDING", "ERR_FORWARD_OK",
             "IDS_ORIGINAL_MESSAGE", "DIAXIS_ANY_S_1", "CD_ERR_V1",
             "NETERR_RING_STATUS_SOFT_ERROR", "E_WINDOW_ADVANCE_BY_TIME")


def _missing():
    return [d for d in (MINGW, WINAPI, IMPACKET) if not os.path.isdir(d)]


@unittest.skipIf(_missing(), "default sources not installed: %s"
                 % ", ".join(_missing()))
class TestDefaultSources(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.out = tempfile.mkdtemp(prefix="winerr-default-")
        args = winerr_gen.parse_args([
            "--mingw-include", MINGW, "--winapi-src", WINAPI,
            "--impacket-dir", IMPACKET, "--out", cls.out])
        cls.entries = winerr_gen.run(args)
        with open(os.path.join(cls.out, "report.txt"), encoding="utf-8") as f:
            cls.report = f.read()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.out)

    def test_distinct_names(self):
        self.assertGreaterEqual(len({e.name for e in self.entries}), 17000)

    def test_must_have_entries(self):
        have = {(e.name, e.value, e.table) for e in self.entries}
        for row in MUST_HAVE:
            self.assertIn(row, have)

    def test_code_families(self):
        have = {(e.name, e.value, e.table): e.kind for e in self.entries}
        for row in FAMILY_CODES:
            self.assertIn(row, have)
        self.assertEqual(have[("HTTP_STATUS_NOT_FOUND", 404, "winhttp.h")],
                         "other")
        self.assertEqual(have[("WSA_IO_PENDING", 997, "winsock2.h")],
                         "win32")
        names = {e.name for e in self.entries}
        self.assertEqual([n for n in NOT_CODES if n in names], [])

    def test_winerror_text_coverage(self):
        codes = [e for e in self.entries
                 if e.table == "winerror.h" and e.value < 0x10000]
        with_text = sum(1 for e in codes if e.text)
        self.assertGreater(len(codes), 2000)
        self.assertGreaterEqual(with_text / len(codes), 0.97,
                                "%d of %d" % (with_text, len(codes)))

    def test_every_ntstatus_impacket_covers_has_text(self):
        covered = {(r.name, r.value) for r in impacket.read(IMPACKET)["ntstatus"]
                   if r.text}
        missing = [e.name for e in self.entries if e.table == "ntstatus.h"
                   and (e.name, e.value) in covered and not e.text]
        self.assertEqual(missing, [])
        self.assertGreater(sum(1 for e in self.entries
                               if e.table == "ntstatus.h" and e.text), 1500)

    def test_no_entry_from_an_unevaluated_expression(self):
        section = self.report.split("== Could not evaluate")[1]
        section = section.split("\n== ")[0].splitlines()[1:]
        origins = {line.strip().split(": ", 1)[0] for line in section
                   if line.strip()}
        self.assertTrue(origins)
        self.assertFalse(origins & {e.origin for e in self.entries})

    def test_kinds_and_facilities_present(self):
        kinds = {e.kind for e in self.entries}
        self.assertTrue({"win32", "hresult", "ntstatus", "bugcheck"} <= kinds)
        self.assertIn("  0x7 FACILITY_WIN32", self.report)
        self.assertIn("  0x7 FACILITY_NTWIN32", self.report)


if _missing():
    print("test_default_sources: SKIPPED, not installed: %s"
          % ", ".join(_missing()), file=sys.stderr)

if __name__ == "__main__":
    unittest.main()
