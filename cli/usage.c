/* usage.c - the --help text; err.1 says the same at length. */
#include "usage.h"

static const char text[] =
    "Usage: err [OPTION]... [/TABLE]... VALUE...\n"
    "Look up Windows error numbers and names: Win32 errors, HRESULTs,\n"
    "NTSTATUS values, bug check codes and more, as Microsoft's err.exe does.\n"
    "\n"
    "A VALUE is one of:\n"
    "  0x54f, 0x54fL   hex\n"
    "  54f             hex (it has a letter a-f)\n"
    "  1359            ambiguous: looked up as decimal and as hex\n"
    "  -2147024703     negative decimal, a 32-bit two's complement value\n"
    "  =NAME           exact name, e.g. =ERROR_INTERNAL_ERROR\n"
    "  :SUBSTRING      every name containing SUBSTRING\n"
    "  NAME            a word that cannot be hex, e.g. E_FAIL\n"
    "  'HRESULT: 0x80070005'  also hr=, NTSTATUS, status, error and\n"
    "                  '(Exception from HRESULT: 0x800700C1)'\n"
    "  '0000: c1 00 07 80'    Event Viewer data: each little-endian DWORD\n"
    "  -               values from standard input, one or more per line\n"
    "\n"
    "Options:\n"
    "  /TABLE          search only TABLE (repeatable); 'err' alone lists tables\n"
    "  --bytes HEX     wevtutil <Binary> data, e.g. --bytes C1000780\n"
    "  --strict        only exact matches and the follow-ups the number's\n"
    "                  layout explains (no low-word guesses)\n"
    "  --json          one JSON object per input\n"
    "  --csv, /:outputtoCSV  the whole database in err.exe's CSV format\n"
    "  -s, --search WORD...  every entry whose text holds all the WORDs\n"
    "  -l, --list      every entry, one line each: NAME 0xVALUE TABLE TEXT\n"
    "  --annotate [FILE]...  copy a log through, explaining the codes in it\n"
    "  -h, --help, /?  this help\n"
    "  --version       the version\n"
#ifdef _WIN32
    "  --lang LANG     the system's texts in LANG (de-DE, 0x0407) where it has\n"
    "                  them; the tables' texts otherwise\n"
#endif
    "\n"
    "Exit status: 0 when every input matched, 1 when one matched nothing,\n"
    "2 for a usage error or unreadable input.  See err(1).\n";

void err_usage(FILE *f)
{
    fputs(text, f);
}
