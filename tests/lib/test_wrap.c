/* winerr_wrap: err.exe's 59-column "# " lines, and tiny buffers. */
#include <string.h>

#include "test_common.h"

static const char founding[] =
    "The object or column name starting with '%.*ls' is too long. "
    "The maximum length is %d characters.";

static void test_wrap_founding_example(void **state)
{
    (void)state;
    char buf[256];
    size_t n = winerr_wrap(founding, 59, "# ", buf, sizeof buf);
    assert_string_equal(buf,
                        "# The object or column name starting with '%.*ls' is too\n"
                        "# long. The maximum length is %d characters.\n");
    assert_int_equal(n, strlen(buf));
}

static void test_wrap_hard_newlines_and_blanks(void **state)
{
    (void)state;
    char buf[256];
    winerr_wrap("{Title}\r\nfirst  line\n\nlast\n", 59, "# ", buf, sizeof buf);
    assert_string_equal(buf, "# {Title}\n# first line\n# \n# last\n");
    assert_int_equal(winerr_wrap("", 59, "# ", buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    assert_int_equal(winerr_wrap(NULL, 59, NULL, buf, sizeof buf), 0);
}

static void test_wrap_long_word_is_split(void **state)
{
    (void)state;
    char buf[64];
    winerr_wrap("ab abcdefghij", 4, "", buf, sizeof buf);
    assert_string_equal(buf, "ab\nabcd\nefgh\nij\n");
    winerr_wrap("xyz", 0, "> ", buf, sizeof buf); /* width 0 acts as 1 */
    assert_string_equal(buf, "> x\n> y\n> z\n");
}

static void test_wrap_tiny_buffers(void **state)
{
    (void)state;
    char full[256], small[256];
    size_t need = winerr_wrap(founding, 59, "# ", full, sizeof full);
    assert_int_equal(winerr_wrap(founding, 59, "# ", NULL, 0), need);
    for (size_t size = 1; size <= need + 1; size++) {
        memset(small, 'Z', sizeof small);
        assert_int_equal(winerr_wrap(founding, 59, "# ", small, size), need);
        size_t got = size - 1 < need ? size - 1 : need;
        assert_int_equal(strlen(small), got);
        assert_memory_equal(small, full, got);
        assert_int_equal(small[size], 'Z'); /* nothing written past bufsize */
    }
}

static void test_wrap_lines_never_exceed_width(void **state)
{
    (void)state;
    char buf[4096];
    for (size_t i = 0; i < winerr_entry_count(); i += 7) {
        const char *t = winerr_entry_text(winerr_entry_at(i));
        if (!t || winerr_wrap(t, 59, "# ", buf, sizeof buf) >= sizeof buf)
            continue;
        for (char *line = buf, *nl; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
            assert_true(nl - line <= 2 + 59);
            assert_memory_equal(line, "# ", 2);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrap_founding_example),
        cmocka_unit_test(test_wrap_hard_newlines_and_blanks),
        cmocka_unit_test(test_wrap_long_word_is_split),
        cmocka_unit_test(test_wrap_tiny_buffers),
        cmocka_unit_test(test_wrap_lines_never_exceed_width),
    };
    return cmocka_run_group_tests_name("wrap", tests, NULL, NULL);
}
