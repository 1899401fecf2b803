/*
 * _winerr.c - the CPython extension behind `import winerr`.
 *
 * Everything here is glue: the answers come from libwinerr (lib/) and from
 * err's own reading of its inputs, follow-up rules and log scanner (cli/),
 * compiled into this module unchanged, so that winerr.lookup('800700c1')
 * and `err 800700c1` cannot disagree.
 *
 * Entries are read-only rows compiled into the module; each gets one Python
 * object, made the first time it is returned and kept for the life of the
 * module, so a lookup only builds its list.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "annotate_out.h"
#include "args.h"
#include "chars.h"
#include "eventlog.h"
#include "answer.h"
#include "parse.h"
#include "quote.h"
#include "run.h"
#include "scan.h"
#include "winerr.h"

#define SHOWN 64 /* bytes of a bad argument quoted in a message, as err does */

/* ---- module state (single-phase init: the tables are global anyway) --- */

static PyObject *kind_members;     /* tuple: Kind member per winerr_kind   */
static PyObject *kind_factory;     /* makes winerr.Kind and kind_members   */
static struct EntryObject *entry_store;   /* one Entry per table row, in one array,
                                      each set up when first returned and
                                      never freed: the store keeps a
                                      reference to each                    */
static size_t entry_total;
static const char *entry_base;     /* winerr_entry_at(0)                   */
static size_t entry_stride;        /* bytes from one row to the next       */
static PyObject *relation_names[5];/* interned winerr_relation_name()      */
static PyObject *form_names[6];    /* interned err_scan_form_name()        */
static struct err_answer answer;   /* reused by every lookup (GIL held)    */

/* ---- Entry ------------------------------------------------------------ */

typedef struct EntryObject {
    PyObject_HEAD
    const winerr_entry *e;
} EntryObject;

static PyTypeObject EntryType;

static size_t entry_index(const winerr_entry *e)
{
    return (size_t)((const char *)e - entry_base) / entry_stride;
}

/* A new reference to e's Entry object. */
static PyObject *entry_object(const winerr_entry *e)
{
    EntryObject *o = &entry_store[entry_index(e)];
    if (Py_TYPE(o) == NULL) {
        PyObject_Init((PyObject *)o, &EntryType); /* the store's reference */
        o->e = e;
    }
    Py_INCREF(o);
    return (PyObject *)o;
}

static PyObject *entry_get_value(PyObject *self, void *closure)
{
    (void)closure;
    return PyLong_FromUnsignedLong(winerr_entry_value(((EntryObject *)self)->e));
}

static PyObject *entry_get_name(PyObject *self, void *closure)
{
    (void)closure;
    return PyUnicode_FromString(winerr_entry_name(((EntryObject *)self)->e));
}

static PyObject *entry_get_table(PyObject *self, void *closure)
{
    (void)closure;
    return PyUnicode_FromString(winerr_entry_table(((EntryObject *)self)->e));
}

static PyObject *kind_object(winerr_kind k)
{
    if (kind_members == NULL && kind_factory != NULL) {
        PyObject *r = PyObject_CallNoArgs(kind_factory);
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
    }
    if (kind_members == NULL || (Py_ssize_t)k >= PyTuple_GET_SIZE(kind_members))
        return PyLong_FromLong((long)k);
    PyObject *o = PyTuple_GET_ITEM(kind_members, (Py_ssize_t)k);
    Py_INCREF(o);
    return o;
}

static PyObject *entry_get_kind(PyObject *self, void *closure)
{
    (void)closure;
    return kind_object(winerr_entry_kind(((EntryObject *)self)->e));
}

static PyObject *entry_get_text(PyObject *self, void *closure)
{
    (void)closure;
    const char *t = winerr_entry_text(((EntryObject *)self)->e);
    if (t == NULL)
        Py_RETURN_NONE;
    /* Texts come from headers and exports as bytes; never fail on one. */
    return PyUnicode_DecodeUTF8(t, (Py_ssize_t)strlen(t), "replace");
}

static PyGetSetDef entry_getset[] = {
    {"value", entry_get_value, NULL, "The 32-bit value, 0 to 0xFFFFFFFF.", NULL},
    {"name", entry_get_name, NULL, "The symbolic name, e.g. 'ERROR_BAD_EXE_FORMAT'.", NULL},
    {"table", entry_get_table, NULL, "The source table, e.g. 'winerror.h'.", NULL},
    {"kind", entry_get_kind, NULL, "What kind of number it is: a winerr.Kind.", NULL},
    {"text", entry_get_text, NULL, "The message text, or None when no source has one.", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

static PyObject *entry_repr(PyObject *self)
{
    const winerr_entry *e = ((EntryObject *)self)->e;
    char kind[16];
    const char *k = winerr_kind_name(winerr_entry_kind(e));
    size_t i = 0;
    for (; i < sizeof kind - 1 && k[i] != '\0'; i++)
        kind[i] = (char)(k[i] >= 'a' && k[i] <= 'z' ? k[i] - 32 : k[i]);
    kind[i] = '\0';
    return PyUnicode_FromFormat("Entry(value=0x%08x, name='%s', table='%s', kind=Kind.%s)",
                                (unsigned)winerr_entry_value(e), winerr_entry_name(e),
                                winerr_entry_table(e), kind);
}

static Py_hash_t entry_hash(PyObject *self)
{
    Py_hash_t h = (Py_hash_t)entry_index(((EntryObject *)self)->e) * 1000003 + 0x5157;
    return h == -1 ? -2 : h;
}

static PyObject *entry_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyObject_TypeCheck(b, &EntryType) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    int same = ((EntryObject *)a)->e == ((EntryObject *)b)->e;
    return PyBool_FromLong(op == Py_EQ ? same : !same);
}

static PyObject *entry_at_index(PyObject *mod, PyObject *arg);

/* Pickled as its row number: a Spark or multiprocessing worker gets the
 * same row of the same tables back. */
static PyObject *entry_reduce(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *mod = PyImport_ImportModule("winerr._winerr");
    if (mod == NULL)
        return NULL;
    PyObject *fn = PyObject_GetAttrString(mod, "_entry");
    Py_DECREF(mod);
    if (fn == NULL)
        return NULL;
    return Py_BuildValue("N(n)", fn, (Py_ssize_t)entry_index(((EntryObject *)self)->e));
}

static PyMethodDef entry_methods[] = {
    {"__reduce__", entry_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}};

static PyTypeObject EntryType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "winerr.Entry",
    .tp_basicsize = sizeof(EntryObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One (name, value, table) row of the tables: immutable and hashable.\n"
              "Attributes: value, name, table, kind (a winerr.Kind), text (str or None).",
    .tp_repr = entry_repr,
    .tp_hash = entry_hash,
    .tp_richcompare = entry_richcompare,
    .tp_getset = entry_getset,
    .tp_methods = entry_methods,
};

static PyObject *entry_at_index(PyObject *mod, PyObject *arg)
{
    (void)mod;
    Py_ssize_t i = PyLong_AsSsize_t(arg);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    const winerr_entry *e = i >= 0 ? winerr_entry_at((size_t)i) : NULL;
    if (e == NULL) {
        PyErr_Format(PyExc_ValueError, "winerr: no entry number %zd", i);
        return NULL;
    }
    return entry_object(e);
}

/* ---- struct sequences: Decoded, its parts, Hit, Table ------------------ */

static PyTypeObject DecodedType, HResultBitsType, NTStatusBitsType, FollowUpType, HitType,
    TableType;

static PyStructSequence_Field decoded_fields[] = {
    {"value", "the 32-bit value"},
    {"hresult", "the value read as an HRESULT (HResultBits)"},
    {"ntstatus", "the value read as an NTSTATUS (NTStatusBits)"},
    {"follow", "tuple of FollowUp: the values worth looking up after it, best first"},
    {NULL, NULL}};
static PyStructSequence_Desc decoded_desc = {
    "winerr.Decoded", "What the bits of a 32-bit code say, from winerr.decode().",
    decoded_fields, 4};

static PyStructSequence_Field hresult_fields[] = {
    {"severity", "S: 1 is failure"},
    {"reserved", "R"},
    {"customer", "C"},
    {"nt", "N: HRESULT_FROM_NT"},
    {"reserved_x", "X"},
    {"facility", "the facility number"},
    {"facility_name", "e.g. 'FACILITY_WIN32', or None"},
    {"code", "the low 16 bits"},
    {NULL, NULL}};
static PyStructSequence_Desc hresult_desc = {"winerr.HResultBits", "A value's HRESULT fields.",
                                             hresult_fields, 8};

static PyStructSequence_Field ntstatus_fields[] = {
    {"severity", "0 success, 1 informational, 2 warning, 3 error"},
    {"severity_name", "e.g. 'STATUS_SEVERITY_ERROR'"},
    {"customer", "C"},
    {"nt", "N: 0 in a real NTSTATUS"},
    {"facility", "the facility number"},
    {"facility_name", "e.g. 'FACILITY_NTWIN32', or None"},
    {"code", "the low 16 bits"},
    {NULL, NULL}};
static PyStructSequence_Desc ntstatus_desc = {"winerr.NTStatusBits",
                                              "A value's NTSTATUS fields.", ntstatus_fields, 7};

static PyStructSequence_Field follow_fields[] = {
    {"value", "the value to look up"},
    {"relation", "how it relates: 'win32-from-hresult', 'win32-from-ntstatus', "
                 "'ntstatus-from-hresult' or 'low-word'"},
    {NULL, NULL}};
static PyStructSequence_Desc follow_desc = {"winerr.FollowUp",
                                            "A value the decoded one leads to.", follow_fields, 2};

static PyStructSequence_Field hit_fields[] = {
    {"line", "line number, from 1"},
    {"column", "where the code starts in the line, from 1 (characters for str lines, "
               "bytes for bytes lines)"},
    {"value", "the 32-bit code"},
    {"entries", "list of Entry that explain it, best first"},
    {"match", "the text matched (str or bytes, as the line)"},
    {"form", "how it was written: 'hex', 'bare-hex', 'decimal', 'keyword', "
             "'event-data' or 'binary'"},
    {"relations", "tuple of str, one per entry: 'exact' or the follow-up rule that led "
                  "to it"},
    {"main", "how many of the first entries are the ones err --annotate shows"},
    {"total", "entries found; more than len(entries) when some were cut"},
    {NULL, NULL}};
static PyStructSequence_Desc hit_desc = {
    "winerr.Hit", "A code found by winerr.annotate(): (line, column, value, entries), with "
                  "match, form, relations, main and total as attributes.",
    hit_fields, 4};

static PyStructSequence_Field table_fields[] = {
    {"name", "the table's name, e.g. 'winerror.h'"},
    {"entries", "how many entries it has"},
    {NULL, NULL}};
static PyStructSequence_Desc table_desc = {"winerr.Table", "A source table.", table_fields, 2};

static PyObject *str_or_none(const char *s)
{
    if (s == NULL)
        Py_RETURN_NONE;
    return PyUnicode_FromString(s);
}

/* Fills structseq o's fields from the values in v (stolen); NULL on error. */
static PyObject *fill(PyObject *o, PyObject **v, Py_ssize_t n)
{
    int bad = o == NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        bad |= v[i] == NULL;
    if (bad) {
        for (Py_ssize_t i = 0; i < n; i++)
            Py_XDECREF(v[i]);
        Py_XDECREF(o);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        PyStructSequence_SET_ITEM(o, i, v[i]);
    return o;
}

static PyObject *relation_object(winerr_relation r)
{
    if ((unsigned)r < sizeof relation_names / sizeof relation_names[0]) {
        Py_INCREF(relation_names[r]);
        return relation_names[r];
    }
    return PyUnicode_FromString(winerr_relation_name(r));
}

static PyObject *decoded_object(const winerr_decoded *d)
{
    const winerr_hresult_bits *h = &d->hresult;
    const winerr_ntstatus_bits *s = &d->ntstatus;
    PyObject *hv[8] = {PyLong_FromUnsignedLong(h->severity), PyLong_FromUnsignedLong(h->reserved),
                       PyLong_FromUnsignedLong(h->customer), PyLong_FromUnsignedLong(h->nt),
                       PyLong_FromUnsignedLong(h->reserved_x), PyLong_FromUnsignedLong(h->facility),
                       str_or_none(h->facility_name), PyLong_FromUnsignedLong(h->code)};
    PyObject *hr = fill(PyStructSequence_New(&HResultBitsType), hv, 8);
    PyObject *sv[7] = {PyLong_FromUnsignedLong(s->severity), str_or_none(s->severity_name),
                       PyLong_FromUnsignedLong(s->customer), PyLong_FromUnsignedLong(s->nt),
                       PyLong_FromUnsignedLong(s->facility), str_or_none(s->facility_name),
                       PyLong_FromUnsignedLong(s->code)};
    PyObject *nt = fill(PyStructSequence_New(&NTStatusBitsType), sv, 7);
    PyObject *follow = PyTuple_New((Py_ssize_t)d->follow_count);
    for (size_t i = 0; follow != NULL && i < d->follow_count; i++) {
        PyObject *fv[2] = {PyLong_FromUnsignedLong(d->follow[i].value),
                           relation_object(d->follow[i].relation)};
        PyObject *f = fill(PyStructSequence_New(&FollowUpType), fv, 2);
        if (f == NULL)
            Py_CLEAR(follow);
        else
            PyTuple_SET_ITEM(follow, (Py_ssize_t)i, f);
    }
    PyObject *dv[4] = {PyLong_FromUnsignedLong(d->value), hr, nt, follow};
    return fill(PyStructSequence_New(&DecodedType), dv, 4);
}

/* ---- reading arguments -------------------------------------------------- */

/* err's one-line message for a bad input, as ValueError. */
static PyObject *bad_input(const char *arg, size_t len, const char *why)
{
    char q[ERR_QUOTE_SIZE(SHOWN)];
    PyErr_Format(PyExc_ValueError, "err: '%s' %s", err_quote(arg, len, SHOWN, q, sizeof q), why);
    return NULL;
}

/* An int, negative 32-bit values allowed, to *v; -1 with ValueError (err's
 * message for the number written in decimal) when it does not fit. */
static int int_value(PyObject *x, uint32_t *v)
{
    int overflow;
    long long n = PyLong_AsLongLongAndOverflow(x, &overflow);
    if (n == -1 && PyErr_Occurred())
        return -1;
    if (overflow != 0 || n < -2147483648LL || n > 4294967295LL) {
        PyObject *s = PyObject_Str(x);
        if (s == NULL)
            return -1;
        Py_ssize_t len;
        const char *p = PyUnicode_AsUTF8AndSize(s, &len);
        if (p != NULL)
            bad_input(p, (size_t)len, "does not fit in 32 bits");
        Py_DECREF(s);
        return -1;
    }
    *v = (uint32_t)n;
    return 0;
}

/* The bytes of a str or bytes argument; `keep` holds what owns them. */
static const char *arg_bytes(PyObject *x, const char *func, Py_ssize_t *len, PyObject **keep)
{
    *keep = NULL;
    if (PyBytes_Check(x)) {
        *len = PyBytes_GET_SIZE(x);
        return PyBytes_AS_STRING(x);
    }
    if (PyUnicode_Check(x)) {
        const char *p = PyUnicode_AsUTF8AndSize(x, len);
        if (p != NULL)
            return p;
        /* Lone surrogates (say, from errors='surrogateescape'): their bytes. */
        PyErr_Clear();
        *keep = PyUnicode_AsEncodedString(x, "utf-8", "surrogateescape");
        if (*keep == NULL) {
            PyErr_Clear();
            *keep = PyUnicode_AsEncodedString(x, "utf-8", "surrogatepass");
        }
        if (*keep == NULL)
            return NULL;
        *len = PyBytes_GET_SIZE(*keep);
        return PyBytes_AS_STRING(*keep);
    }
    PyErr_Format(PyExc_TypeError, "%s() argument must be int, str or bytes, not %.100s", func,
                 Py_TYPE(x)->tp_name);
    return NULL;
}

/* ---- lookup ------------------------------------------------------------- */

/*
 * The answers of earlier lookups, by value: a log asks about the same codes
 * again and again, and a known answer is only a list to fill.  Laid out as
 * CPython's own dicts are: an open-addressed index of CACHE_SLOTS small
 * numbers (a value is looked for in the CACHE_PROBE slots from its hash on)
 * naming records kept in the order they were made.  A new answer takes the
 * first free slot and the next record; when there is none, it replaces one
 * of the answers its slots name.  At most CACHE_MAX entries an answer, the
 * first CACHE_INLINE of them in the record, at most CACHE_BUDGET entry
 * pointers outside the records: the memory is bounded whatever is asked
 * (256 KB of index, 1 MB of records, 4 MB of pointers at most).
 */
#define CACHE_BITS 16u
#define CACHE_SLOTS (1u << CACHE_BITS)
#define CACHE_RECORDS (CACHE_SLOTS / 2u) /* the index at most half full */
#define CACHE_PROBE 8u
#define CACHE_INLINE 3u /* answers this short live in their record */
#define CACHE_MAX 48u
#define CACHE_BUDGET (512u * 1024u)
struct cached {
    uint32_t value;
    uint16_t n;         /* entries in the answer                     */
    uint8_t strict;
    uint8_t used;
    union {             /* borrowed: entry_store keeps every Entry    */
        PyObject *in[CACHE_INLINE]; /* n <= CACHE_INLINE          */
        PyObject **out;             /* n > CACHE_INLINE           */
    } u;
};
static uint32_t *cache_index;     /* 0: free; else a record's number + 1  */
static struct cached *cache;      /* the records                         */
static uint32_t cache_records;    /* records made                        */
static size_t cache_held;         /* entry pointers held outside records */

static void cache_forget(struct cached *c)
{
    if (c->used && c->n > CACHE_INLINE) {
        PyMem_Free(c->u.out);
        cache_held -= c->n;
    }
    memset(c, 0, sizeof *c);
}

static void cache_clear(void)
{
    for (uint32_t i = 0; i < cache_records; i++)
        cache_forget(&cache[i]);
    memset(cache_index, 0, CACHE_SLOTS * sizeof *cache_index);
    cache_records = 0;
}

/* The entries for value v (err_answer_value's, in its order) as borrowed
 * Entry objects in *objs; n is their count.  Returns 0, or -1 on error. */
static int answer_objs(uint32_t v, int strict, PyObject *const **objs, size_t *n)
{
    uint32_t h = ((v ^ (strict ? 0x9e3779b9u : 0u)) * 2654435761u) >> (32u - CACHE_BITS);
    uint32_t *slot = NULL;
    for (uint32_t i = 0; i < CACHE_PROBE; i++) {
        slot = &cache_index[(h + i) & (CACHE_SLOTS - 1)];
        if (*slot == 0)
            break;
        const struct cached *c = &cache[*slot - 1];
        if (c->value == v && c->strict == (uint8_t)strict) {
            *objs = c->n <= CACHE_INLINE ? c->u.in : c->u.out;
            *n = c->n;
            return 0;
        }
    }
    struct err_opts o = {NULL, strict};
    if (err_answer_value(&answer, v, &o) < 0) {
        PyErr_NoMemory();
        return -1;
    }
    /* The Entry objects, made where missing, kept in answer.m's place. */
    PyObject **tmp = (PyObject **)answer.m;
    for (size_t i = 0; i < answer.total; i++) {
        PyObject *e = entry_object(answer.m[i]);
        Py_DECREF(e); /* entry_store holds it */
        tmp[i] = e;
    }
    *objs = tmp;
    *n = answer.total;
    size_t total = answer.total;
    if (total > CACHE_MAX || (total > CACHE_INLINE && cache_held + total > CACHE_BUDGET))
        return 0;
    /* Where it goes: a free slot and a new record; else the record of a
     * probed slot, chosen by the value (one before the free slot, if any). */
    int fresh = *slot == 0 && cache_records < CACHE_RECORDS;
    if (!fresh) {
        uint32_t probed = *slot == 0 ? (uint32_t)(slot - cache_index - h) & (CACHE_SLOTS - 1)
                                     : CACHE_PROBE;
        if (probed == 0)
            return 0; /* h's own slot is free but no record is: not kept */
        slot = &cache_index[(h + (v >> 7) % probed) & (CACHE_SLOTS - 1)];
    }
    PyObject **out = NULL;
    if (total > CACHE_INLINE && (out = PyMem_Malloc(total * sizeof *out)) == NULL)
        return 0; /* not cached: the answer itself is fine */
    struct cached *c;
    if (fresh) {
        c = &cache[cache_records++];
        *slot = cache_records;
    } else {
        c = &cache[*slot - 1];
        cache_forget(c);
    }
    c->value = v;
    c->n = (uint16_t)total;
    c->strict = (uint8_t)strict;
    c->used = 1;
    if (out != NULL) {
        memcpy(out, tmp, total * sizeof *out);
        c->u.out = out;
        cache_held += total;
        *objs = out;
    } else {
        memcpy(c->u.in, tmp, total * sizeof *tmp);
        *objs = c->u.in;
    }
    return 0;
}

/* For the benchmark's first-lookup figure: forget every cached answer. */
static PyObject *py_clear_cache(PyObject *mod, PyObject *unused)
{
    (void)mod;
    (void)unused;
    cache_clear();
    Py_RETURN_NONE;
}

static PyObject *py_cache_info(PyObject *mod, PyObject *unused)
{
    (void)mod;
    (void)unused;
    return Py_BuildValue("(nn)", (Py_ssize_t)cache_records, (Py_ssize_t)cache_held);
}

static int answer_into(PyObject *list, uint32_t v, const struct err_opts *o)
{
    PyObject *const *objs;
    size_t n;
    if (answer_objs(v, o->strict, &objs, &n) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (PyList_Append(list, objs[i]) < 0)
            return -1;
    return 0;
}

static int iter_into(PyObject *list, winerr_iter *it)
{
    for (const winerr_entry *e; (e = winerr_next(it)) != NULL;) {
        PyObject *o = entry_object(e);
        if (o == NULL)
            return -1;
        int rc = PyList_Append(list, o);
        Py_DECREF(o);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int dwords_into(PyObject *list, const struct err_query *q, const struct err_opts *o)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < q->dwords; i++)
        rc = answer_into(list, q->dword[i].value, o);
    return rc;
}

/* The list of value v's entries, sized once: the int fast path.  The empty
 * list is made first: making it may run the garbage collector, and so any
 * Python code, a lookup included, which would move the answer under us. */
static PyObject *value_list(uint32_t v, int strict)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    PyObject *const *objs;
    size_t n;
    if (answer_objs(v, strict, &objs, &n) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    if (n == 0)
        return list;
    /* PyList_New(n) would zero the items only for them to be overwritten:
     * the list gets its items array filled here instead (PyMem_Malloc runs
     * no Python code). */
    PyObject **items = PyMem_Malloc(n * sizeof *items);
    if (items == NULL) {
        Py_DECREF(list);
        return PyErr_NoMemory();
    }
    for (size_t i = 0; i < n; i++) {
        Py_INCREF(objs[i]);
        items[i] = objs[i];
    }
    PyListObject *l = (PyListObject *)list;
    l->ob_item = items;
    l->allocated = (Py_ssize_t)n;
    Py_SET_SIZE(l, (Py_ssize_t)n);
    return list;
}

/* lookup(x, /, *, strict=False), parsed by hand: a call costs little more
 * than the lookup itself. */
static PyObject *py_lookup(PyObject *mod, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames)
{
    (void)mod;
    int strict = 0;
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "lookup() takes exactly one positional argument (%zd given)",
                     nargs);
        return NULL;
    }
    PyObject *x = args[0];
    Py_ssize_t nkw = kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *k = PyTuple_GET_ITEM(kwnames, i);
        if (!PyUnicode_Check(k) || PyUnicode_CompareWithASCIIString(k, "strict") != 0) {
            PyErr_Format(PyExc_TypeError, "lookup() got an unexpected keyword argument '%S'", k);
            return NULL;
        }
        if ((strict = PyObject_IsTrue(args[nargs + i])) < 0)
            return NULL;
    }
    if (PyLong_CheckExact(x)) {
        uint32_t v;
        if (int_value(x, &v) < 0)
            return NULL;
        return value_list(v, strict);
    }
    struct err_opts o = {NULL, strict};
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    int rc;
    if (PyLong_Check(x) && !PyBool_Check(x)) {
        uint32_t v;
        rc = int_value(x, &v) < 0 ? -1 : answer_into(list, v, &o);
    } else if (PyBool_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "lookup() argument must be int, str or bytes, not bool");
        rc = -1;
    } else {
        Py_ssize_t len;
        PyObject *keep;
        const char *s = arg_bytes(x, "lookup", &len, &keep);
        struct err_query q;
        char why[200];
        int parsed = 0;
        if (s == NULL) {
            rc = -1;
        } else if (!(parsed = err_parse_arg(s, (size_t)len, &q, why, sizeof why) == 0)) {
            bad_input(s, (size_t)len, why);
            rc = -1;
        } else if (q.form == ERR_FORM_TABLE || q.form == ERR_FORM_CSV || q.form == ERR_FORM_HELP) {
            bad_input(s, (size_t)len, "is a command-line switch, not a value");
            rc = -1;
        } else if (q.form == ERR_FORM_NAME || q.form == ERR_FORM_SUBSTRING) {
            winerr_iter it;
            if (q.form == ERR_FORM_NAME)
                winerr_by_name(&it, q.name, NULL);
            else
                winerr_by_substring(&it, q.name, NULL);
            rc = iter_into(list, &it);
        } else if (q.form == ERR_FORM_EVENTLOG || q.form == ERR_FORM_HEXSTRING) {
            rc = dwords_into(list, &q, &o);
        } else {
            rc = 0;
            for (size_t i = 0; rc == 0 && i < q.nreadings; i++)
                rc = answer_into(list, q.readings[i].value, &o);
        }
        if (s != NULL && parsed)
            err_query_free(&q);
        Py_XDECREF(keep);
    }
    if (rc < 0)
        Py_CLEAR(list);
    return list;
}

/* ---- decode, search, names, tables, entries ------------------------------ */

static PyObject *py_decode(PyObject *mod, PyObject *x)
{
    (void)mod;
    uint32_t v;
    if (PyLong_Check(x) && !PyBool_Check(x)) {
        if (int_value(x, &v) < 0)
            return NULL;
    } else if (PyUnicode_Check(x) || PyBytes_Check(x)) {
        Py_ssize_t len;
        PyObject *keep;
        const char *s = arg_bytes(x, "decode", &len, &keep);
        if (s == NULL)
            return NULL;
        struct err_query q;
        char why[200];
        int rc = err_parse_arg(s, (size_t)len, &q, why, sizeof why);
        const char *bad = rc < 0 ? why
                          : q.form != ERR_FORM_HEX && q.form != ERR_FORM_DECIMAL &&
                                  q.form != ERR_FORM_AMBIGUOUS
                              ? "is not one number"
                          : q.nreadings != 1 ? "reads as a decimal and a hex number; write 0x... "
                                               "or pass an int"
                                             : NULL;
        if (bad != NULL)
            bad_input(s, (size_t)len, bad);
        v = q.readings[0].value;
        if (rc == 0)
            err_query_free(&q);
        Py_XDECREF(keep);
        if (bad != NULL)
            return NULL;
    } else {
        PyErr_Format(PyExc_TypeError, "decode() argument must be int or str, not %.100s",
                     Py_TYPE(x)->tp_name);
        return NULL;
    }
    winerr_decoded d;
    winerr_decode(v, &d);
    return decoded_object(&d);
}

/* A str argument as a NUL-terminated C string; ValueError for a NUL. */
static const char *c_string(PyObject *x, const char *func, PyObject **keep)
{
    Py_ssize_t len;
    const char *s = arg_bytes(x, func, &len, keep);
    if (s == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "%s() argument must be str or bytes, not %.100s",
                         func, Py_TYPE(x)->tp_name);
        }
        return NULL;
    }
    if (memchr(s, '\0', (size_t)len) != NULL) {
        Py_CLEAR(*keep);
        PyErr_Format(PyExc_ValueError, "%s() argument has a NUL character", func);
        return NULL;
    }
    return s;
}

static PyObject *iter_list(winerr_iter *it)
{
    PyObject *list = PyList_New(0);
    if (list != NULL && iter_into(list, it) < 0)
        Py_CLEAR(list);
    return list;
}

/* search() and names(): one string, one of the library's string queries. */
static PyObject *string_query(PyObject *x, const char *func,
                              void (*query)(winerr_iter *, const char *, const winerr_filter *))
{
    PyObject *keep;
    const char *s = c_string(x, func, &keep);
    if (s == NULL)
        return NULL;
    winerr_iter it;
    query(&it, s, NULL);
    PyObject *r = iter_list(&it);
    Py_XDECREF(keep);
    return r;
}

static PyObject *py_search(PyObject *mod, PyObject *x)
{
    (void)mod;
    return string_query(x, "search", winerr_by_text);
}

static PyObject *py_names(PyObject *mod, PyObject *x)
{
    (void)mod;
    return string_query(x, "names", winerr_by_substring);
}

static PyObject *py_entries(PyObject *mod, PyObject *unused)
{
    (void)mod;
    (void)unused;
    winerr_iter it;
    winerr_all(&it, NULL);
    return iter_list(&it);
}

static PyObject *py_tables(PyObject *mod, PyObject *unused)
{
    (void)mod;
    (void)unused;
    size_t n = winerr_table_count();
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list != NULL && i < n; i++) {
        PyObject *tv[2] = {PyUnicode_FromString(winerr_table_name(i)),
                           PyLong_FromSize_t(winerr_table_entry_count(i))};
        PyObject *t = fill(PyStructSequence_New(&TableType), tv, 2);
        if (t == NULL)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, t);
    }
    return list;
}

/* ---- annotate ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *lines;   /* iterator over the lines                       */
    unsigned flags;    /* ERR_SCAN_* flags                              */
    Py_ssize_t line_no;
    PyObject *line;    /* the current line (str or bytes)               */
    PyObject *keep;    /* its encoded bytes, when it is a str           */
    const char *p;     /* its bytes, without the line ending            */
    Py_ssize_t len;
    int is_str, ascii;
    const char *errors;/* how a non-UTF-8 str line was encoded          */
    size_t nhits, next;
    err_scan_state scan; /* what one line tells the next (scan.h)        */
    err_scan_hit hits[ERR_SCAN_MAX_HITS];
} AnnotatorObject;

static PyTypeObject AnnotatorType;

static void annotator_dealloc(PyObject *self)
{
    AnnotatorObject *a = (AnnotatorObject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(a->lines);
    Py_XDECREF(a->line);
    Py_XDECREF(a->keep);
    PyObject_GC_Del(self);
}

static int annotator_traverse(PyObject *self, visitproc visit, void *arg)
{
    AnnotatorObject *a = (AnnotatorObject *)self;
    Py_VISIT(a->lines);
    Py_VISIT(a->line);
    return 0;
}

static int annotator_clear(PyObject *self)
{
    AnnotatorObject *a = (AnnotatorObject *)self;
    Py_CLEAR(a->lines);
    Py_CLEAR(a->line);
    Py_CLEAR(a->keep);
    a->nhits = a->next = 0;
    return 0;
}

/* Takes the next line and scans it; 0 at the end, -1 on error. */
static int next_line(AnnotatorObject *a)
{
    Py_CLEAR(a->line);
    Py_CLEAR(a->keep);
    a->nhits = a->next = 0;
    if (a->lines == NULL)
        return 0;
    PyObject *line = PyIter_Next(a->lines);
    if (line == NULL)
        return PyErr_Occurred() ? -1 : 0;
    a->line = line;
    a->line_no++;
    a->is_str = PyUnicode_Check(line);
    a->errors = NULL;
    if (a->is_str) {
        a->ascii = PyUnicode_IS_ASCII(line);
        a->p = PyUnicode_AsUTF8AndSize(line, &a->len);
        if (a->p == NULL) {
            PyErr_Clear();
            a->errors = "surrogateescape";
            a->keep = PyUnicode_AsEncodedString(line, "utf-8", a->errors);
            if (a->keep == NULL) {
                PyErr_Clear();
                a->errors = "surrogatepass";
                a->keep = PyUnicode_AsEncodedString(line, "utf-8", a->errors);
                if (a->keep == NULL)
                    return -1;
            }
            a->p = PyBytes_AS_STRING(a->keep);
            a->len = PyBytes_GET_SIZE(a->keep);
        }
    } else if (PyBytes_Check(line)) {
        a->p = PyBytes_AS_STRING(line);
        a->len = PyBytes_GET_SIZE(line);
    } else {
        PyErr_Format(PyExc_TypeError, "annotate() lines must be str or bytes, not %.100s",
                     Py_TYPE(line)->tp_name);
        return -1;
    }
    /* The line ending, as err --annotate takes it off: "\n" or "\r\n". */
    if (a->len > 0 && a->p[a->len - 1] == '\n') {
        a->len--;
        if (a->len > 0 && a->p[a->len - 1] == '\r')
            a->len--;
    }
    if (a->line_no == 1) { /* a UTF-8 byte-order mark, as err --annotate skips it */
        size_t bom = winerr__bom_len(a->p, (size_t)a->len);
        a->p += bom;
        a->len -= (Py_ssize_t)bom;
    }
    if ((size_t)a->len <= ERR_ANNOTATE_MAX_LINE)
        a->nhits = err_scan_next(&a->scan, a->p, (size_t)a->len, a->flags, a->hits,
                                 ERR_SCAN_MAX_HITS);
    return 1;
}

/* Bytes p[0..n) of the current line as the line's type. */
static PyObject *piece(AnnotatorObject *a, size_t at, size_t n)
{
    if (!a->is_str)
        return PyBytes_FromStringAndSize(a->p + at, (Py_ssize_t)n);
    return PyUnicode_DecodeUTF8(a->p + at, (Py_ssize_t)n,
                                a->errors != NULL ? a->errors : "strict");
}

static PyObject *column_object(AnnotatorObject *a, size_t at)
{
    if (!a->is_str || a->ascii)
        return PyLong_FromSize_t(at + 1);
    PyObject *before = piece(a, 0, at);
    if (before == NULL)
        return NULL;
    PyObject *r = PyLong_FromSsize_t(PyUnicode_GET_LENGTH(before) + 1);
    Py_DECREF(before);
    return r;
}

/* The explanations annotate() made last, by what err_annotate_explain()
 * reads of a hit (its value, prefer and, for the table, context): a log
 * repeats its codes.  A hit gets a copy of the entries list and the
 * relations tuple itself. */
#define EXPLAINED_BITS 8
static struct explained {
    uint32_t value;
    winerr_kind prefer;
    err_scan_context context;
    PyObject *entries;   /* list, NULL for a free slot */
    PyObject *relations; /* tuple */
    size_t main, total;
} explained[1u << EXPLAINED_BITS];

static struct explained *explanation(const err_scan_hit *h)
{
    uint32_t k = h->value ^ (uint32_t)h->prefer << 24 ^ (uint32_t)h->context << 28;
    struct explained *c = &explained[(k * 2654435761u) >> (32 - EXPLAINED_BITS)];
    if (c->entries != NULL && c->value == h->value && c->prefer == h->prefer &&
        c->context == h->context)
        return c;
    err_explanation x;
    err_annotate_explain(h, &x);
    PyObject *entries = PyList_New((Py_ssize_t)x.count);
    PyObject *relations = PyTuple_New((Py_ssize_t)x.count);
    for (size_t i = 0; entries != NULL && relations != NULL && i < x.count; i++) {
        PyObject *e = entry_object(x.item[i].entry);
        PyObject *r = relation_object(x.item[i].relation);
        if (e == NULL || r == NULL) {
            Py_XDECREF(e);
            Py_XDECREF(r);
            Py_CLEAR(entries);
            break;
        }
        PyList_SET_ITEM(entries, (Py_ssize_t)i, e);
        PyTuple_SET_ITEM(relations, (Py_ssize_t)i, r);
    }
    if (entries == NULL || relations == NULL) {
        Py_XDECREF(entries);
        Py_XDECREF(relations);
        return NULL;
    }
    Py_XDECREF(c->entries);
    Py_XDECREF(c->relations);
    c->value = h->value;
    c->prefer = h->prefer;
    c->context = h->context;
    c->entries = entries;
    c->relations = relations;
    c->main = x.main;
    c->total = x.total;
    return c;
}

static PyObject *hit_object(AnnotatorObject *a, const err_scan_hit *h)
{
    const struct explained *c = explanation(h);
    if (c == NULL)
        return NULL;
    PyObject *entries = PyList_GetSlice(c->entries, 0, PY_SSIZE_T_MAX);
    PyObject *relations = c->relations;
    Py_INCREF(relations);
    PyObject *form;
    if ((unsigned)h->form < sizeof form_names / sizeof form_names[0]) {
        form = form_names[h->form];
        Py_INCREF(form);
    } else {
        form = PyUnicode_FromString(err_scan_form_name(h->form));
    }
    PyObject *v[9] = {PyLong_FromSsize_t(a->line_no),
                      column_object(a, h->column),
                      PyLong_FromUnsignedLong(h->value),
                      entries,
                      piece(a, h->column, h->length),
                      form,
                      relations,
                      PyLong_FromSize_t(c->main),
                      PyLong_FromSize_t(c->total)};
    return fill(PyStructSequence_New(&HitType), v, 9);
}

static PyObject *annotator_next(PyObject *self)
{
    AnnotatorObject *a = (AnnotatorObject *)self;
    while (a->next >= a->nhits) {
        int rc = next_line(a);
        if (rc <= 0) {
            annotator_clear(self);
            return NULL;
        }
    }
    return hit_object(a, &a->hits[a->next++]);
}

static PyTypeObject AnnotatorType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "winerr._Annotator",
    .tp_basicsize = sizeof(AnnotatorObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "The iterator winerr.annotate() returns.",
    .tp_dealloc = annotator_dealloc,
    .tp_traverse = annotator_traverse,
    .tp_clear = annotator_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = annotator_next,
};

static PyObject *py_annotate(PyObject *mod, PyObject *args, PyObject *kw)
{
    (void)mod;
    static char *kwlist[] = {"lines", "strict", NULL};
    PyObject *lines;
    int strict = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|$p:annotate", kwlist, &lines, &strict))
        return NULL;
    if (PyUnicode_Check(lines) || PyBytes_Check(lines)) {
        PyErr_SetString(PyExc_TypeError,
                        "annotate() takes an iterable of lines, not one str or bytes "
                        "(use text.splitlines(True))");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(lines);
    if (it == NULL)
        return NULL;
    AnnotatorObject *a = PyObject_GC_New(AnnotatorObject, &AnnotatorType);
    if (a == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    a->lines = it;
    a->flags = strict ? ERR_SCAN_STRICT : 0;
    a->line_no = 0;
    memset(&a->scan, 0, sizeof a->scan);
    a->line = a->keep = NULL;
    a->p = NULL;
    a->len = 0;
    a->is_str = a->ascii = 0;
    a->errors = NULL;
    a->nhits = a->next = 0;
    PyObject_GC_Track((PyObject *)a);
    return (PyObject *)a;
}

/* ---- python -m winerr: err itself --------------------------------------- */

static PyObject *py_err_main(PyObject *mod, PyObject *argl)
{
    (void)mod;
    if (!PyList_Check(argl)) {
        PyErr_SetString(PyExc_TypeError, "_err_main() takes a list of bytes");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(argl);
    char **argv = PyMem_Calloc((size_t)n + 1, sizeof *argv);
    if (argv == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *b = PyList_GET_ITEM(argl, i);
        if (!PyBytes_Check(b) || memchr(PyBytes_AS_STRING(b), '\0', (size_t)PyBytes_GET_SIZE(b))) {
            PyMem_Free(argv);
            PyErr_SetString(PyExc_ValueError, "_err_main() arguments must be bytes without NUL");
            return NULL;
        }
        argv[i] = PyBytes_AS_STRING(b);
    }
    int status;
    Py_BEGIN_ALLOW_THREADS
    status = err_cli_wants_annotate((int)n, argv) ? err_annotate_main((int)n, argv)
                                                  : err_cli_main((int)n, argv);
    fflush(stdout);
    Py_END_ALLOW_THREADS
    PyMem_Free(argv);
    return PyLong_FromLong(status);
}

static PyObject *py_set_kinds(PyObject *mod, PyObject *members)
{
    (void)mod;
    if (!PyTuple_Check(members)) {
        PyErr_SetString(PyExc_TypeError, "_set_kinds() takes a tuple");
        return NULL;
    }
    Py_INCREF(members);
    Py_XSETREF(kind_members, members);
    Py_RETURN_NONE;
}

static PyObject *py_set_kind_factory(PyObject *mod, PyObject *fn)
{
    (void)mod;
    Py_INCREF(fn);
    Py_XSETREF(kind_factory, fn);
    Py_RETURN_NONE;
}

/* ---- the module ---------------------------------------------------------- */

static PyMethodDef methods[] = {
    {"lookup", (PyCFunction)(void (*)(void))py_lookup, METH_FASTCALL | METH_KEYWORDS,
     "lookup(x, /, *, strict=False) -> list[Entry]\n\n"
     "The entries err prints for x, in err's order: the value's own entries, then\n"
     "those of its follow-ups (the Win32 code in an HRESULT, ...).  x is an int\n"
     "(negative 32-bit values allowed) or a str in any form err takes: hex with\n"
     "or without 0x, decimal (digits only: read as decimal and as hex, as err\n"
     "does), =NAME or a bare name, :SUBSTRING, event-log data or <Binary>.\n"
     "strict drops err.exe's low-word guesses, as err --strict.\n"
     "Raises ValueError with err's one-line message for bad input."},
    {"decode", py_decode, METH_O,
     "decode(v) -> Decoded\n\n"
     "What the bits of a 32-bit value say, read as an HRESULT and as an NTSTATUS,\n"
     "and the values worth looking up after it.  v is an int or a str naming one\n"
     "number."},
    {"search", py_search, METH_O,
     "search(words) -> list[Entry]\n\n"
     "Entries whose message text holds every blank-separated word (case-insensitive)."},
    {"names", py_names, METH_O,
     "names(substring) -> list[Entry]\n\nEntries whose name contains substring "
     "(case-insensitive)."},
    {"tables", py_tables, METH_NOARGS, "tables() -> list[Table]\n\nThe source tables."},
    {"entries", py_entries, METH_NOARGS,
     "entries() -> list[Entry]\n\nEvery entry, ordered by table, then name."},
    {"annotate", (PyCFunction)(void (*)(void))py_annotate, METH_VARARGS | METH_KEYWORDS,
     "annotate(lines, *, strict=False) -> Iterator[Hit]\n\n"
     "The codes in an iterable of str or bytes lines, by err --annotate's rule:\n"
     "one Hit (line, column, value, entries) per code found, in order; line and\n"
     "column count from 1.  strict keeps only forms that say they are codes."},
    {"_entry", entry_at_index, METH_O, NULL},
    {"_err_main", py_err_main, METH_O, NULL},
    {"_set_kinds", py_set_kinds, METH_O, NULL},
    {"_set_kind_factory", py_set_kind_factory, METH_O, NULL},
    {"_clear_cache", py_clear_cache, METH_NOARGS, NULL},
    {"_cache_info", py_cache_info, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "winerr._winerr",
    "What a Windows error number or name means: libwinerr compiled in.", -1, methods,
    NULL, NULL, NULL, NULL};

static int add_type(PyObject *m, const char *name, PyTypeObject *t)
{
    Py_INCREF(t);
    if (PyModule_AddObject(m, name, (PyObject *)t) < 0) {
        Py_DECREF(t);
        return -1;
    }
    return 0;
}

static int init_seq(PyTypeObject *t, PyStructSequence_Desc *d)
{
    return t->tp_name != NULL ? 0 : PyStructSequence_InitType2(t, d);
}

PyMODINIT_FUNC PyInit__winerr(void)
{
    if (PyType_Ready(&EntryType) < 0 || PyType_Ready(&AnnotatorType) < 0 ||
        init_seq(&DecodedType, &decoded_desc) < 0 || init_seq(&HResultBitsType, &hresult_desc) < 0 ||
        init_seq(&NTStatusBitsType, &ntstatus_desc) < 0 ||
        init_seq(&FollowUpType, &follow_desc) < 0 || init_seq(&HitType, &hit_desc) < 0 ||
        init_seq(&TableType, &table_desc) < 0)
        return NULL;
    if (entry_store == NULL) {
        entry_total = winerr_entry_count();
        entry_base = (const char *)winerr_entry_at(0);
        entry_stride = entry_total > 1
                           ? (size_t)((const char *)winerr_entry_at(1) - entry_base)
                           : 1;
        /* The entry objects are indexed by row: the rows must be one array. */
        if (entry_total == 0 || entry_stride == 0 ||
            (const char *)winerr_entry_at(entry_total - 1) !=
                entry_base + (entry_total - 1) * entry_stride) {
            PyErr_SetString(PyExc_ImportError, "winerr: the tables are not one array");
            return NULL;
        }
        entry_store = PyMem_Calloc(entry_total, sizeof *entry_store);
        if (entry_store == NULL)
            return PyErr_NoMemory();
        for (size_t i = 0; i < sizeof relation_names / sizeof relation_names[0]; i++)
            if ((relation_names[i] = PyUnicode_InternFromString(
                     winerr_relation_name((winerr_relation)i))) == NULL)
                return NULL;
        for (size_t i = 0; i < sizeof form_names / sizeof form_names[0]; i++)
            if ((form_names[i] = PyUnicode_InternFromString(
                     err_scan_form_name((err_scan_form)i))) == NULL)
                return NULL;
        err_answer_init(&answer);
        cache_index = PyMem_Calloc(CACHE_SLOTS, sizeof *cache_index);
        cache = PyMem_Calloc(CACHE_RECORDS, sizeof *cache);
        if (cache_index == NULL || cache == NULL)
            return PyErr_NoMemory();
    }
    PyObject *m = PyModule_Create(&moduledef);
    if (m == NULL)
        return NULL;
    /* The kinds, (name, value) from the library, for the Kind enum. */
    PyObject *kinds = PyList_New(0);
    for (int k = 0; kinds != NULL && k < 64; k++) {
        const char *name = winerr_kind_name((winerr_kind)k);
        if (k > 0 && strcmp(name, winerr_kind_name(WINERR_KIND_OTHER)) == 0)
            break;
        PyObject *pair = Py_BuildValue("(si)", name, k);
        if (pair == NULL || PyList_Append(kinds, pair) < 0)
            Py_CLEAR(kinds);
        Py_XDECREF(pair);
    }
    if (kinds == NULL || PyModule_AddObject(m, "_KINDS", kinds) < 0) {
        Py_XDECREF(kinds);
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddStringConstant(m, "__version__", WINERR_VERSION_STRING) < 0 ||
        PyModule_AddStringConstant(m, "library_version", winerr_version()) < 0 ||
        add_type(m, "Entry", &EntryType) < 0 || add_type(m, "Decoded", &DecodedType) < 0 ||
        add_type(m, "HResultBits", &HResultBitsType) < 0 ||
        add_type(m, "NTStatusBits", &NTStatusBitsType) < 0 ||
        add_type(m, "FollowUp", &FollowUpType) < 0 || add_type(m, "Hit", &HitType) < 0 ||
        add_type(m, "Table", &TableType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
