"""cexpr: reading #defines / enums and evaluating their values."""

import re
import unittest

from generator import cexpr
from generator.tests.guard import HangGuarded

# The helper macros as the Windows headers spell them (mingw-w64 and SDK).
HELPERS = r"""
#define __LONG32 long
#define __MSABI_LONG(x) x ## l
#define _HRESULT_TYPEDEF_(_sc) ((HRESULT)_sc)
#define _NDIS_ERROR_TYPEDEF_(_sc) (DWORD)(_sc)
#define SEVERITY_SUCCESS 0
#define SEVERITY_ERROR 1
#define FACILITY_WIN32 7
#define FACILITY_CONTROL 10
#define FACILITY_URT 19
#define MAKE_HRESULT(sev,fac,code) \
    ((HRESULT) (((unsigned __LONG32)(sev)<<31) | \
    ((unsigned __LONG32)(fac)<<16) | ((unsigned __LONG32)(code))))
#define MAKE_SCODE(sev,fac,code) ((SCODE) (((unsigned __LONG32)(sev)<<31) \
    | ((unsigned __LONG32)(fac)<<16) | ((unsigned __LONG32)(code))))
#define __HRESULT_FROM_WIN32(x) ((HRESULT)(x) <= 0 ? ((HRESULT)(x)) : \
    ((HRESULT) (((x) & 0x0000FFFF) | (FACILITY_WIN32 << 16) | 0x80000000)))
#define HRESULT_FROM_WIN32(x) __HRESULT_FROM_WIN32(x)
#define ERROR_BAD_EXE_FORMAT __MSABI_LONG(193)
#define _FACDD 0x876
#define MAKE_DDHRESULT( code )  MAKE_HRESULT( 1, _FACDD, code )
#define _FACDS 0x878
#define MAKE_DSHRESULT(code) MAKE_HRESULT(1,_FACDS,code)
#define _FACD3D 0x876
#define MAKE_D3DHRESULT( code ) MAKE_HRESULT( 1, _FACD3D, code )
#define EMAKEHR(val) MAKE_HRESULT(SEVERITY_ERROR, FACILITY_URT, val)
#define DBDAOERR(x) MAKE_SCODE(SEVERITY_ERROR,FACILITY_CONTROL,x)
#define STATUS_SEVERITY_ERROR 0x3
#define FACILITY_IO_ERROR_CODE 0x4
#define MAKE_NTSTATUS(sev, fac, code) \
    ((NTSTATUS)(((ULONG)(sev) << 30) | ((ULONG)(fac) << 16) | (code)))
"""


def table_of(text, fname="t.h"):
    res = cexpr.scan(text, fname)
    table = cexpr.MacroTable()
    table.add_all(res.macros)
    table.add_all(res.enums)
    return table, res


def value(expr, defs=HELPERS):
    table, _ = table_of(defs)
    return cexpr.evaluate_text(expr, table, "t.h")


class TestLiterals(unittest.TestCase):
    def test_suffixes(self):
        for text, want in (("193", 193), ("193L", 193), ("193l", 193),
                           ("0xC0000005L", 0xC0000005), ("0x10UL", 16),
                           ("5ULL", 5), ("7LL", 7), ("0x80000000i64",
                                                     0x80000000),
                           ("010", 8), ("0b101", 5), ("'A'", 65),
                           ("'\\n'", 10)):
            self.assertEqual(cexpr.evaluate_text(text), want, text)

    def test_rust_literals(self):
        for text, want in (("0x8000_4005u32", 0x80004005), ("1i32", 1),
                           ("-1i32 as u32", 0xFFFFFFFF),
                           ("0x80004005u32 as i32", 0x80004005),
                           ("!0", 0xFFFFFFFF)):
            self.assertEqual(cexpr.evaluate_text(text, rust=True), want, text)

    def test_bad_literals(self):
        for text in ("09", "1.5", '"str"', "0xZZ"):
            with self.assertRaises(cexpr.EvalError, msg=text):
                cexpr.evaluate_text(text)


class TestOperators(unittest.TestCase):
    def test_arithmetic_and_bits(self):
        cases = {"1 + 2 * 3": 7, "(1 + 2) * 3": 9, "10 - 3 - 2": 5,
                 "7 / 2": 3, "-7 / 2": 0xFFFFFFFD, "7 % 3": 1,
                 "1 << 31": 0x80000000, "0x80000000 >> 4": 0x08000000,
                 "0xF0 & 0x3C": 0x30, "0xF0 | 0x0F": 0xFF, "0xFF ^ 0x0F": 0xF0,
                 "~0": 0xFFFFFFFF, "~0x0000FFFF": 0xFFFF0000, "-1": 0xFFFFFFFF,
                 "!5": 0, "3 > 2": 1, "2 >= 3": 0, "1 == 1 && 0 != 1": 1,
                 "0 || 0": 0, "1 ? 10 : 20": 10, "0 ? 10 : 20": 20,
                 "+5": 5}
        for text, want in cases.items():
            self.assertEqual(cexpr.evaluate_text(text), want, text)

    def test_masked_to_32_bits(self):
        self.assertEqual(cexpr.evaluate_text("0x1FFFFFFFF"), 0xFFFFFFFF)
        self.assertEqual(cexpr.evaluate_text("0x100000000 + 5"), 5)

    def test_casts(self):
        self.assertEqual(value("((NTSTATUS)0xC0000005L)"), 0xC0000005)
        self.assertEqual(value("((DWORD)-1)"), 0xFFFFFFFF)
        self.assertEqual(value("((USHORT)0x12345)"), 0x2345)
        self.assertEqual(value("((BYTE)0x1FF)"), 0xFF)
        self.assertEqual(value("((SHORT)0xFFFF)"), 0xFFFFFFFF)
        self.assertEqual(value("((unsigned char)0x101)"), 1)
        self.assertEqual(value("((HRESULT)0x80004005) >> 16"), 0xFFFF8000)
        self.assertEqual(value("((SOME_UNKNOWN_TYPEDEF)0x1234)"), 0x1234)
        self.assertEqual(value("((LPVOID *)0x10)"), 0x10)

    def test_ambiguous_paren_name(self):
        with self.assertRaisesRegex(cexpr.EvalError, "ambiguous"):
            value("(UNDEFINED_BASE) + 1")

    def test_errors(self):
        for text, reason in (("1 / 0", "division by zero"),
                             ("1 << 99", "shift count"),
                             ("(1 + 2", "expected ')'"),
                             ("1 + 2)", "unexpected"),
                             ("", "empty"),
                             ("NOT_DEFINED", "'NOT_DEFINED' is not defined"),
                             ("sizeof(int)", "sizeof"),
                             ("1 +", "ends early")):
            with self.assertRaisesRegex(cexpr.EvalError, re.escape(reason),
                                        msg=text):
                cexpr.evaluate_text(text)


class TestMacros(unittest.TestCase):
    def test_every_helper_form(self):
        cases = {
            "__MSABI_LONG(193)": 193,
            "ERROR_BAD_EXE_FORMAT": 0xC1,
            "_HRESULT_TYPEDEF_(0x80004005L)": 0x80004005,
            "_NDIS_ERROR_TYPEDEF_(0x80340002L)": 0x80340002,
            "MAKE_HRESULT(1, 7, 193)": 0x800700C1,
            "MAKE_SCODE(SEVERITY_ERROR, FACILITY_CONTROL, 3000)": 0x800A0BB8,
            "MAKE_DDHRESULT( 450 )": 0x887601C2,
            "MAKE_DSHRESULT(10)": 0x8878000A,
            "MAKE_D3DHRESULT(2154)": 0x8876086A,
            "EMAKEHR(0x1018)": 0x80131018,
            "DBDAOERR(3000)": 0x800A0BB8,
            "HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT)": 0x800700C1,
            "HRESULT_FROM_WIN32(0)": 0,
            "MAKE_NTSTATUS(STATUS_SEVERITY_ERROR, FACILITY_IO_ERROR_CODE, 6)":
                0xC0040006,
        }
        for text, want in cases.items():
            self.assertEqual(value(text), want, text)

    def test_references_across_headers(self):
        table = cexpr.MacroTable()
        table.add_all(cexpr.scan("#define NERR_BASE 2100\n", "lmcons.h").macros)
        lmerr = cexpr.scan("#define NERR_NetNotStarted (NERR_BASE+2)\n",
                           "lmerr.h").macros
        table.add_all(lmerr)
        self.assertEqual(cexpr.evaluate_macro(lmerr[0], table), 0x836)

    def test_own_file_definition_preferred(self):
        table = cexpr.MacroTable()
        a = cexpr.scan("#define BASE 100\n#define X (BASE+1)\n", "a.h").macros
        b = cexpr.scan("#define BASE 200\n#define Y (BASE+1)\n", "b.h").macros
        table.add_all(a + b)
        self.assertEqual(cexpr.evaluate_macro(a[1], table), 101)
        self.assertEqual(cexpr.evaluate_macro(b[1], table), 201)

    def test_fallback_for_missing_names(self):
        table, res = table_of("#define OPC_E_X MAKE_HRESULT(1, FACILITY_OPC, 1)\n"
                              + HELPERS)
        table.fallback = lambda name: (cexpr.Macro(name, None, "81", "rs", 1)
                                       if name == "FACILITY_OPC" else None)
        mac = next(m for m in res.macros if m.name == "OPC_E_X")
        self.assertEqual(cexpr.evaluate_macro(mac, table), 0x80510001)

    def test_stringize_and_paste(self):
        defs = "#define CAT(a, b) a ## b\n#define STR(x) #x\n"
        self.assertEqual(value("CAT(12, 34)", defs), 1234)
        with self.assertRaisesRegex(cexpr.EvalError, "string"):
            value("STR(12)", defs)

    def test_function_macro_name_without_call_is_undefined(self):
        with self.assertRaisesRegex(cexpr.EvalError, "not defined"):
            value("MAKE_HRESULT + 1")

    def test_wrong_argument_count(self):
        with self.assertRaisesRegex(cexpr.EvalError, "takes 3 arguments"):
            value("MAKE_HRESULT(1, 2)")

    def test_unterminated_call(self):
        with self.assertRaisesRegex(cexpr.EvalError, "unterminated argument"):
            value("MAKE_HRESULT(1, 2, 3")

    def test_trace_names_helpers_and_casts(self):
        table, _ = table_of(HELPERS)
        trace = set()
        cexpr.evaluate_tokens(cexpr.tokenize("MAKE_DDHRESULT(450)"), table,
                              "t.h", trace=trace)
        self.assertIn("MAKE_DDHRESULT", trace)
        self.assertIn("MAKE_HRESULT", trace)
        self.assertIn("HRESULT", trace)

    def test_rust_macro_and_as(self):
        table = cexpr.MacroTable()
        table.add(cexpr.Macro("MAKE_HRESULT", ("sev", "fac", "code"),
                              "(sev << 31) | (fac << 16) | code", "m.rs", 1))
        table.add(cexpr.Macro("FACILITY_AUDCLNT", None, "2185", "w.rs", 2))
        self.assertEqual(cexpr.evaluate_text(
            "MAKE_HRESULT(1, FACILITY_AUDCLNT, 1) as i32", table, rust=True),
            0x88890001)


class TestMacroTable(unittest.TestCase):
    def test_names_defined_once_and_more_than_once(self):
        one = cexpr.Macro("ONE", None, "1", "a.h", 1)
        two_a = cexpr.Macro("TWO", None, "2", "a.h", 2)
        two_b = cexpr.Macro("TWO", None, "3", "b.h", 5)
        table = cexpr.MacroTable()
        table.add_all([one, two_a, two_b])
        self.assertEqual(list(table.defs("ONE")), [one])
        self.assertEqual(list(table.defs("TWO")), [two_a, two_b])
        self.assertEqual(list(table.defs("THREE")), [])
        self.assertEqual({n: list(d) for n, d in table.items()},
                         {"ONE": [one], "TWO": [two_a, two_b]})
        self.assertIn("TWO", table)
        self.assertNotIn("THREE", table)
        self.assertIs(table.lookup("ONE", "b.h"), one)
        self.assertIs(table.lookup("TWO", "b.h"), two_b)
        self.assertIs(table.lookup("TWO", "c.h"), two_a)
        self.assertIsNone(table.lookup("THREE", "a.h"))


class TestMacroFields(unittest.TestCase):
    def test_rare_fields_default_set_and_compare(self):
        plain = cexpr.Macro("A", None, "1", "a.h", 3)
        self.assertEqual((plain.variadic, plain.enum, plain.doc, plain.ctype,
                          plain.note), (False, False, (), "", ""))
        member = cexpr.Macro("B", None, "(A) + 1", "a.h", 4, enum=True)
        other = cexpr.Macro("C", None, "(B) + 1", "a.h", 5, enum=True)
        self.assertTrue(member.enum)
        self.assertEqual(member.note, "")
        other.note = "The text."
        self.assertEqual((other.enum, other.note), (True, "The text."))
        self.assertEqual(member.note, "")  # setting one leaves the other
        self.assertEqual(member, cexpr.Macro("B", None, "(A) + 1", "a.h", 4,
                                             enum=True))
        self.assertNotEqual(member, plain)
        self.assertIn("enum=True", repr(member))
        self.assertEqual(plain.origin, "a.h:3")
        fn = cexpr.Macro("F", ("x", "__VA_ARGS__"), "x", "a.h", 6,
                         variadic=True, ctype="", doc=("above",))
        self.assertEqual((fn.variadic, fn.doc), (True, ("above",)))


class TestEnums(unittest.TestCase):
    def test_members_and_implicit_increments(self):
        text = """
typedef enum tagX {
    A,
    B,
    C = 10,
    D,
#ifdef SOMETHING
    E = C + D,
#endif
    F = MAKE_HRESULT(1, 7, 5)
} X;
enum { G = 0x80000000, H };
"""
        table, res = table_of(text + HELPERS)
        got = {m.name: cexpr.evaluate_macro(m, table) for m in res.enums}
        self.assertEqual(got, {"A": 0, "B": 1, "C": 10, "D": 11, "E": 21,
                               "F": 0x80070005, "G": 0x80000000,
                               "H": 0x80000001})
        self.assertEqual(next(m.line for m in res.enums if m.name == "D"), 6)


class TestReading(unittest.TestCase):
    def test_defines_comments_continuations(self):
        text = ("/* #define COMMENTED 1 */\n"
                "// #define ALSO_COMMENTED 2\n"
                "#define A 1 /* trailing */\n"
                "  #  define B \\\n   (A + \\\n    1)\n"
                "#define F(x, y) ((x) + (y))\r\n"
                "#define S \"a /* not a comment */\"\n"
                "#define C 3\n")
        res = cexpr.scan(text, "h.h")
        names = [(m.name, m.line) for m in res.macros]
        self.assertEqual(names, [("A", 3), ("B", 4), ("F", 7), ("S", 8),
                                 ("C", 9)])
        table = cexpr.MacroTable()
        table.add_all(res.macros)
        self.assertEqual(cexpr.evaluate_macro(res.macros[1], table), 2)
        self.assertEqual(res.macros[2].params, ("x", "y"))
        self.assertEqual(res.diagnostics, [])

    def test_doc_comments(self):
        text = ("/* MessageId  : 0x000000c1 */\n"
                "/* Approximate msg: SPECIAL_POOL */\n"
                "#define SPECIAL_POOL ((ULONG)0x000000c1)\n")
        mac = cexpr.scan(text, "bugcodes.h").macros[0]
        self.assertEqual(mac.doc, ("MessageId  : 0x000000c1",
                                   "Approximate msg: SPECIAL_POOL"))

    def test_member_access_macros_dropped_bad_ones_still_reported(self):
        text = ("#define IFoo_Get(This,p) ( (This)->lpVtbl -> Get(This,p) )\n"
                "#define IFoo_Void() (g)->Run()\n"
                "#define IFoo_Va(This, ...) (This)->f(__VA_ARGS__)\n"
                "#define BAD(a,,b) (a)->b\n"
                "#define PTR(a) a\n"
                "#define ARROW ->\n")
        res = cexpr.scan(text, "m.h")
        self.assertEqual([m.name for m in res.macros], ["PTR", "ARROW"])
        self.assertEqual(res.diagnostics,
                         ["m.h:4: #define BAD: bad parameter ''"])

    def test_strings_and_char_constants_keep_comment_markers(self):
        text = ("#define S1 \"//x\" /* one */\n"
                "#define C1 '\"' // two\n"
                "#define S2 \"a\\\"/*b\" /* three */\n"
                "#define N 4\n")
        res = cexpr.scan(text, "s.h")
        self.assertEqual([(m.name, m.body, m.note) for m in res.macros],
                         [("S1", '"//x"', "one"), ("C1", "'\"'", "two"),
                          ("S2", '"a\\"/*b"', "three"), ("N", "4", "")])

    def test_enum_only_as_a_word(self):
        text = ("int myenum { X = 1 };\n"
                "typedef enum tagE { A = 5, B } E;\n"
                "enum{C};\n")
        res = cexpr.scan(text, "e.h")
        self.assertEqual([(m.name, m.body, m.line) for m in res.enums],
                         [("A", "5", 2), ("B", "(A) + 1", 2), ("C", "0", 3)])

    def test_typed_consts_at_a_line_start_only(self):
        text = ("const HRESULT E_FIRST = 0x80040001;\n"
                "void f(const int x = 2);\n"
                "static const DWORD SECOND = 2;\n"
                "  const LONG INDENTED = 3;\n")
        res = cexpr.scan(text, "c.h")
        self.assertEqual([(m.name, m.ctype) for m in res.macros],
                         [("E_FIRST", "HRESULT"), ("SECOND", "")])

    def test_decode_never_fails(self):
        self.assertEqual(cexpr.decode(b"caf\xc3\xa9"), "caf\u00e9")
        self.assertEqual(cexpr.decode(b"\xff\xfe#define"), "\xff\xfe#define")


class TestHostile(HangGuarded):
    """Each malformed input ends in a clear error, without hanging, and the
    rest of the file is still read."""

    def test_unterminated_comment(self):
        text = "#define A 1\n/* never closed\n#define B 2\n#define C 3\n"
        res = cexpr.scan(text, "u.h")
        self.assertIn("u.h:2: unterminated /* comment; ended at the end of "
                      "its line", res.diagnostics)
        self.assertEqual([m.name for m in res.macros], ["A", "B", "C"])

    def test_unbalanced_parentheses(self):
        text = "#define A ((1 + 2)\n#define B (1 + 2))\n#define C 3\n"
        table, res = table_of(text, "p.h")
        errors = {}
        for m in res.macros:
            try:
                cexpr.evaluate_macro(m, table)
            except cexpr.EvalError as e:
                errors[m.origin] = str(e)
        self.assertEqual(errors, {"p.h:1": "expected ')', found end of "
                                           "expression",
                                  "p.h:2": "unexpected ')'"})
        self.assertEqual(cexpr.evaluate_macro(res.macros[2], table), 3)

    def test_unbalanced_macro_arguments(self):
        table, _ = table_of("#define F(x) (x)\n")
        with self.assertRaisesRegex(cexpr.EvalError,
                                    "unterminated argument list of macro F"):
            cexpr.evaluate_text("F((1)", table)
        with self.assertRaisesRegex(cexpr.EvalError, "unexpected '\\)'"):
            cexpr.evaluate_text("F(1))", table)
        with self.assertRaisesRegex(cexpr.EvalError, "too long"):
            cexpr.evaluate_text("(" * 100000 + "1")

    def test_truncated_file(self):
        text = ("#define A 1\n#define F(x, y\nenum { X = 1, Y\n"
                "#define LAST (A + \\")
        res = cexpr.scan(text, "t.h")
        self.assertIn("t.h:2: #define F: unterminated parameter list",
                      res.diagnostics)
        self.assertIn("t.h:3: unterminated enum", res.diagnostics)
        self.assertEqual([m.name for m in res.macros], ["A", "LAST"])
        table = cexpr.MacroTable()
        table.add_all(res.macros)
        with self.assertRaisesRegex(cexpr.EvalError, "ends early"):
            cexpr.evaluate_macro(res.macros[1], table)

    def test_truncated_mid_token(self):
        res = cexpr.scan(cexpr.decode(b'#define S "abc\n#define C \'x\n'
                                      b'#define U 0x8000\xe2\x82'), "t.h")
        table = cexpr.MacroTable()
        table.add_all(res.macros)
        self.assertEqual([m.name for m in res.macros], ["S", "C", "U"])
        for mac, why in zip(res.macros, ("a string, not a number",
                                         "bad character constant",
                                         "not an integer literal")):
            with self.assertRaisesRegex(cexpr.EvalError, why):
                cexpr.evaluate_macro(mac, table)

    def test_many_unterminated_constructs(self):
        """A file of nothing but openings is read in one pass, not once per
        opening: 1 MB of each ends in its diagnostics within the limit."""
        for line, diag in (("/* c%d\n", "unterminated /* comment"),
                           ("enum { A%d = 1,\n", "unterminated enum"),
                           ("#define F%d(x, y\n", "unterminated parameter list")):
            text = "".join(line.replace("%d", str(i)) for i in range(100000))
            res = cexpr.scan(text, "m.h")
            self.assertIn(diag, res.diagnostics[0])
            self.assertTrue(res.diagnostics[0].startswith("m.h:1: "),
                            res.diagnostics[0])

    def test_continuation_chain(self):
        """Each line continuing into the next makes one directive (as C reads
        it), too long to keep; the #defines inside it are its text."""
        text = ("#define A 1\n" + "#define C 1 \\\n" * 50000 + "\n#define B 2\n")
        res = cexpr.scan(text, "c.h")
        self.assertEqual([m.name for m in res.macros], ["A", "B"])
        self.assertEqual(len(res.diagnostics), 1)
        self.assertRegex(res.diagnostics[0], r"^c\.h:2: #define of \d+ bytes is "
                         r"longer than the limit")
        res = cexpr.scan("#define A 1 \\\n#define B 2\n#define C 3\n", "c.h")
        self.assertEqual([(m.name, " ".join(m.body.split())) for m in res.macros],
                         [("A", "1 #define B 2"), ("C", "3")])

    def test_recursive_macros(self):
        table, res = table_of("#define A B + 1\n#define B A + 1\n"
                              "#define SELF SELF\n#define F(x) F(x)\n")
        for name, reason in (("A", "'A' is not defined"),
                             ("SELF", "'SELF' is not defined")):
            mac = next(m for m in res.macros if m.name == name)
            with self.assertRaisesRegex(cexpr.EvalError, reason):
                cexpr.evaluate_macro(mac, table)
        with self.assertRaisesRegex(cexpr.EvalError, "not defined"):
            cexpr.evaluate_text("F(1)", table)

    def test_exponential_object_macros(self):
        lines = ["#define M0 1"] + ["#define M%d (M%d + M%d)" % (i, i - 1, i - 1)
                                    for i in range(1, 60)]
        table, res = table_of("\n".join(lines))
        with self.assertRaisesRegex(cexpr.EvalError, "exceeds .* tokens"):
            cexpr.evaluate_macro(res.macros[-1], table)

    def test_exponential_function_macros(self):
        table, _ = table_of("#define D(x) x x x x x x x x\n")
        with self.assertRaisesRegex(cexpr.EvalError, "exceeds|nested"):
            cexpr.evaluate_text("D(D(D(D(D(D(D(D(D(D(1))))))))))", table)

    def test_deep_nesting(self):
        table, _ = table_of("#define F(x) (x)\n")
        with self.assertRaisesRegex(cexpr.EvalError, "nested"):
            cexpr.evaluate_text("F(" * 200 + "1" + ")" * 200, table)
        with self.assertRaisesRegex(cexpr.EvalError, "nested|too long"):
            cexpr.evaluate_text("(" * 5000 + "1" + ")" * 5000)

    def test_huge_expression(self):
        with self.assertRaisesRegex(cexpr.EvalError, "too long"):
            cexpr.evaluate_text("1" + " + 1" * 30000)

    def test_ten_megabyte_line(self):
        text = ("#define A 1\n#define HUGE " + "1 + " * (10 * 1024 * 1024 // 4)
                + "1\nint x" + "y" * (10 * 1024 * 1024) + ";\n#define B 2\n")
        res = cexpr.scan(text, "big.h")
        self.assertEqual([m.name for m in res.macros], ["A", "B"])
        self.assertEqual(len(res.diagnostics), 2)
        self.assertTrue(all("longer than the limit" in d
                            for d in res.diagnostics))
        self.assertTrue(res.diagnostics[0].startswith("big.h:2: "))

    def test_non_utf8_bytes(self):
        data = (b"#define A 1 /* \xff\xfe */\n#define B \x80\n#define C 3\n"
                b"#define D 0x8000\xff01\n#define \xff\xfe 5\n#define E\x00 6\n")
        res = cexpr.scan(cexpr.decode(data), "n.h")
        table = cexpr.MacroTable()
        table.add_all(res.macros)
        self.assertEqual([m.name for m in res.macros], ["A", "B", "C", "D", "E"])
        self.assertEqual(res.diagnostics, ["n.h:5: #define without a macro name"])
        with self.assertRaises(cexpr.EvalError):
            cexpr.evaluate_macro(res.macros[1], table)
        with self.assertRaisesRegex(cexpr.EvalError, "not an integer literal"):
            cexpr.evaluate_macro(res.macros[3], table)
        self.assertEqual(cexpr.evaluate_macro(res.macros[2], table), 3)

    def test_bad_defines_reported(self):
        res = cexpr.scan("#define\n#define 123 4\n#define F(1) x\n#define OK 1\n",
                         "b.h")
        self.assertEqual(res.diagnostics, [
            "b.h:1: #define without a macro name",
            "b.h:2: #define without a macro name",
            "b.h:3: #define F: bad parameter '1'"])
        self.assertEqual([m.name for m in res.macros], ["OK"])


if __name__ == "__main__":
    unittest.main()
