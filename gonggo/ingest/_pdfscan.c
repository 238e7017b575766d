/* The two loops of the PDF reader that call PDFium once per page object and once per
 * character (`gonggo.ingest.pdf_page`), in C: the calls there cost more in Python (cffi)
 * than PDFium's own work. PDFium is the library pypdfium2 loaded; its functions come in as
 * addresses (`pdf_scan`), so nothing here links against it. Each loop runs without the GIL
 * (the reader's watchdog thread must be able to end a process stuck inside PDFium) and
 * only fills C buffers; Python objects are made after it.
 *
 * Optional: without a compiler the package installs without this module and `pdf_page`
 * runs the same loops in Python (tests/test_pdf_scan.py checks that both read alike).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

typedef void *(*get_object_fn)(void *, int);
typedef int (*get_type_fn)(void *);
typedef int (*get_bounds_fn)(void *, float *, float *, float *, float *);
typedef int (*at_index_fn)(void *, int);
typedef int (*char_box_fn)(void *, int, float *);

/* A growable byte buffer. */
typedef struct {
    char *data;
    size_t len, cap;
} buf_t;

static int buf_put(buf_t *b, const void *src, size_t n) {
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->len + n) cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) return -1;
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, src, n);
    b->len += n;
    return 0;
}

/* One object that Python must look at: a path long enough to be a ruling or a glyph (its
 * PDFium bounds: left, bottom, right, top), or an object of another kind than path and
 * text (forms, images, shadings: no bounds). `specks` = specks kept before it, so that a
 * caller stopping at this object (its form budget spent) keeps only those. */
typedef struct {
    int32_t index;
    int32_t kind;
    float box[4];
    int32_t specks;
} record_t;

static void *as_pointer(PyObject *o) { return PyLong_AsVoidPtr(o); }

/* objects(page, get_object, get_type, get_bounds, n, path_kind, text_kind, thin_max,
 *         min_len, dot_max, dots) -> (records: bytes, specks: bytes)
 * The filter of `pdf_page._read_graphics`, compare by compare (NaN bounds included): a path
 * whose long side, less its short side when that is thin, is under `min_len` is dropped,
 * kept as a speck (its four floats) when `dots` and its long side is at most `dot_max`. records: struct "<2i4fi" each. */
static PyObject *objects(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *page_o, *get_object_o, *get_type_o, *get_bounds_o;
    int n, path_kind, text_kind;
    double thin_max, min_len, dot_max;
    int dots;
    if (!PyArg_ParseTuple(args, "OOOOiiidddp", &page_o, &get_object_o, &get_type_o,
                          &get_bounds_o, &n, &path_kind, &text_kind, &thin_max, &min_len,
                          &dot_max, &dots))
        return NULL;
    void *page = as_pointer(page_o);
    get_object_fn get_object = (get_object_fn)as_pointer(get_object_o);
    get_type_fn get_type = (get_type_fn)as_pointer(get_type_o);
    get_bounds_fn get_bounds = (get_bounds_fn)as_pointer(get_bounds_o);
    if (PyErr_Occurred()) return NULL;
    if (!page || !get_object || !get_type || !get_bounds) {
        PyErr_SetString(PyExc_ValueError, "null page or function");
        return NULL;
    }
    buf_t records = {0}, specks = {0};
    int failed = 0;
    int32_t kept_specks = 0;
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < n && !failed; i++) {
        void *obj = get_object(page, i);
        int kind = get_type(obj);
        if (kind == path_kind) {
            float q[4];
            if (!get_bounds(obj, &q[0], &q[1], &q[2], &q[3])) continue;
            double w = (double)q[2] - (double)q[0], h = (double)q[3] - (double)q[1];
            double shorter = h < w ? h : w;
            double longer = h > w ? h : w;
            if (longer - (shorter <= thin_max ? shorter : 0.0) < min_len) {
                if (dots && longer <= dot_max) {
                    failed = buf_put(&specks, q, sizeof q);
                    kept_specks++;
                }
                continue;
            }
            record_t r = {i, kind, {q[0], q[1], q[2], q[3]}, kept_specks};
            failed = buf_put(&records, &r, sizeof r);
        } else if (kind != text_kind) {
            record_t r = {i, kind, {0, 0, 0, 0}, kept_specks};
            failed = buf_put(&records, &r, sizeof r);
        }
    }
    Py_END_ALLOW_THREADS
    PyObject *result = NULL;
    if (failed) {
        PyErr_NoMemory();
    } else {
        result = Py_BuildValue("(y#y#)", records.data ? records.data : "",
                               (Py_ssize_t)records.len, specks.data ? specks.data : "",
                               (Py_ssize_t)specks.len);
    }
    free(records.data);
    free(specks.data);
    return result;
}

/* chars(textpage, is_generated, char_box, map_error, text, stride, char_type, left, top)
 *   -> (chars: list, suspect: bool, surrogates: bool, unmapped: int)
 * The loop of `pdf_page._read_chars` over the page's characters (`text`, one code per
 * PDFium index): generated spaces and PDFium's line breaks dropped, a surrogate pair made
 * one character, the Unicode-map sample (`stride`), then each kept character as a
 * `char_type` (`pdf_page.Char`: text, x0, top, x1, bottom from its loose box, page
 * coordinates from the crop box's `left` and `top`), and the number of U+FFFD among them.
 * `suspect`: the sample found a character without a Unicode map (the caller then checks
 * every character); `surrogates`: a half of a character beyond the BMP was seen. */
static PyObject *chars(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *page_o, *is_generated_o, *char_box_o, *map_error_o, *text;
    PyTypeObject *char_type;
    int stride;
    double left, top;
    if (!PyArg_ParseTuple(args, "OOOOUiO!dd", &page_o, &is_generated_o, &char_box_o,
                          &map_error_o, &text, &stride, &PyType_Type, &char_type, &left, &top))
        return NULL;
    if (!PyType_IsSubtype(char_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "char_type must be a tuple type");
        return NULL;
    }
    void *page = as_pointer(page_o);
    at_index_fn is_generated = (at_index_fn)as_pointer(is_generated_o);
    char_box_fn char_box = (char_box_fn)as_pointer(char_box_o);
    at_index_fn map_error = (at_index_fn)as_pointer(map_error_o);
    if (PyErr_Occurred()) return NULL;
    if (!page || !is_generated || !char_box || !map_error || stride <= 0) {
        PyErr_SetString(PyExc_ValueError, "null page or function, or stride <= 0");
        return NULL;
    }
    Py_ssize_t count = PyUnicode_GET_LENGTH(text);
    int ukind = PyUnicode_KIND(text);
    const void *udata = PyUnicode_DATA(text);
    size_t room = count ? (size_t)count : 1;
    Py_UCS4 *kept = malloc(sizeof(Py_UCS4) * room);
    int32_t *indices = malloc(sizeof(int32_t) * room);
    float *boxes = malloc(sizeof(float) * 4 * room);
    if (!kept || !indices || !boxes) {
        free(kept);
        free(indices);
        free(boxes);
        return PyErr_NoMemory();
    }
    Py_ssize_t k = 0;
    int suspect = 0, surrogates = 0;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_UCS4 code = PyUnicode_READ(ukind, udata, i);
        if (code <= 32) {
            if (code == 32) {
                if (is_generated(page, (int)i) == 1) continue;
            } else if (code == 0x0D || code == 0x0A) {
                continue;
            }
        } else if (code >= 0xD800 && code < 0xE000) {
            surrogates = 1;
            if (code >= 0xDC00 && k > 0 && indices[k - 1] == i - 1 && kept[k - 1] >= 0xD800
                && kept[k - 1] < 0xDC00) {
                kept[k - 1] = 0x10000 + ((kept[k - 1] - 0xD800) << 10) + code - 0xDC00;
                continue;
            }
        }
        if (!suspect && (code < 0x100 || i % stride == 0) && map_error(page, (int)i) == 1)
            suspect = 1;
        if (!char_box(page, (int)i, boxes + 4 * k)) continue;
        if (!(code >= 32 && code < 0xFFFD)) {
            /* a control character is a font's raw glyph code, passed on for want of a map */
            if (code == 0 || code == 0xFFFD || code == 0xFFFE || code == 0xFFFF
                || (code < 32 && code != 9) || code > 0x10FFFF)
                code = 0xFFFD;
        }
        kept[k] = code;
        indices[k] = (int32_t)i;
        k++;
    }
    Py_END_ALLOW_THREADS
    PyObject *list = PyList_New(k), *result = NULL;
    Py_ssize_t unmapped = 0;
    if (!list) goto done;
    for (Py_ssize_t j = 0; j < k; j++) {
        PyObject *ch = char_type->tp_alloc(char_type, 5);
        if (!ch) goto done;
        PyList_SET_ITEM(list, j, ch);
        const float *b = boxes + 4 * j; /* FS_RECTF: left, top, right, bottom */
        PyObject *items[5] = {PyUnicode_FromOrdinal((int)kept[j]),
                              PyFloat_FromDouble((double)b[0] - left),
                              PyFloat_FromDouble(top - (double)b[1]),
                              PyFloat_FromDouble((double)b[2] - left),
                              PyFloat_FromDouble(top - (double)b[3])};
        for (int f = 0; f < 5; f++) {
            if (!items[f]) {
                for (int g = 0; g < 5; g++) Py_XDECREF(items[g]);
                goto done;
            }
        }
        for (int f = 0; f < 5; f++) PyTuple_SET_ITEM(ch, f, items[f]);
        if (kept[j] == 0xFFFD) unmapped++;
    }
    result = Py_BuildValue("(OOOn)", list, suspect ? Py_True : Py_False,
                           surrogates ? Py_True : Py_False, unmapped);
done:
    Py_XDECREF(list);
    free(kept);
    free(indices);
    free(boxes);
    return result;
}

/* -- lines ------------------------------------------------------------------------------ */

typedef struct {
    double key;
    Py_ssize_t index;
} keyed_t;

static int by_key(const void *a, const void *b) { /* a stable sort: ties keep their order */
    const keyed_t *p = a, *q = b;
    if (p->key < q->key) return -1;
    if (p->key > q->key) return 1;
    return (p->index > q->index) - (p->index < q->index);
}

static int by_double(const void *a, const void *b) {
    double p = *(const double *)a, q = *(const double *)b;
    return (p > q) - (p < q);
}

static int is_space(PyObject *text) {
    return PyUnicode_GET_LENGTH(text) == 1 && PyUnicode_READ_CHAR(text, 0) == ' ';
}

/* One line of the characters `idx[0..m)` (a group of `lines`), as `pdf_text.Line`'s fields,
 * or Py_None for a line without text; NULL on error. */
static PyObject *one_line(PyObject **item, PyObject **texts, const double *x0, const double *top,
                          const double *x1, const double *bottom, Py_ssize_t *idx,
                          Py_ssize_t m, double word_gap, double tol, keyed_t *order,
                          double *heights) {
    for (Py_ssize_t j = 0; j < m; j++) {
        order[j].key = x0[idx[j]];
        order[j].index = idx[j];
    }
    qsort(order, (size_t)m, sizeof *order, by_key);
    Py_ssize_t nh = 0;
    for (Py_ssize_t j = 0; j < m; j++) {
        Py_ssize_t i = order[j].index;
        if (!is_space(texts[i])) heights[nh++] = bottom[i] - top[i];
    }
    qsort(heights, (size_t)nh, sizeof *heights, by_double);
    double size = nh ? heights[nh / 2] : 0.0;
    double gap_min = word_gap * size;
    PyObject *parts = PyList_New(0), *kept = PyList_New(0), *space = NULL;
    PyObject *result = NULL;
    if (!parts || !kept) goto done;
    space = PyUnicode_FromOrdinal(' ');
    if (!space) goto done;
    Py_ssize_t prev = -1, first = -1, last = -1;
    int last_part_space = 0, drawn = 0, have_first_word = 0;
    double first_word_x1 = 0.0, right = 0.0, upper = 0.0, lower = 0.0;
    for (Py_ssize_t j = 0; j < m; j++) {
        Py_ssize_t i = order[j].index;
        PyObject *text = texts[i];
        int space_here;
        if (prev < 0) {
            space_here = is_space(text);
        } else {
            int same = PyUnicode_Compare(text, texts[prev]);
            if (same == -1 && PyErr_Occurred()) goto done;
            if (same == 0 && x0[i] - x0[prev] <= tol && fabs(top[i] - top[prev]) <= tol)
                continue; /* the same glyph over-printed (fake bold) */
            space_here = is_space(text) || x0[i] - x1[prev] > gap_min;
        }
        if (space_here && PyList_GET_SIZE(parts) && !last_part_space) {
            if (PyList_Append(parts, space) < 0) goto done;
            last_part_space = 1;
            if (!have_first_word && prev >= 0) {
                first_word_x1 = x1[prev];
                have_first_word = 1;
            }
        }
        if (is_space(text)) {
            drawn = 1;
        } else {
            if (PyList_Append(parts, text) < 0) goto done;
            last_part_space = 0;
        }
        if (PyList_Append(kept, item[i]) < 0) goto done;
        if (first < 0) {
            first = i;
            right = x1[i];
            upper = top[i];
            lower = bottom[i];
        } else {
            if (x1[i] > right) right = x1[i];
            if (top[i] < upper) upper = top[i];
            if (bottom[i] > lower) lower = bottom[i];
        }
        last = i;
        prev = i;
    }
    PyObject *empty = PyUnicode_FromStringAndSize("", 0);
    if (!empty) goto done;
    PyObject *joined = PyUnicode_Join(empty, parts);
    Py_DECREF(empty);
    if (!joined) goto done;
    PyObject *text = PyObject_CallMethod(joined, "strip", NULL);
    Py_DECREF(joined);
    if (!text) goto done;
    if (PyUnicode_GET_LENGTH(text) == 0) {
        Py_DECREF(text);
        result = Py_NewRef(Py_None);
        goto done;
    }
    result = Py_BuildValue("(ONdddddOOOd)", kept, text, x0[first], upper, right, lower, size,
                           drawn ? Py_True : Py_False, is_space(texts[last]) ? Py_True : Py_False,
                           is_space(texts[first]) ? Py_True : Py_False,
                           have_first_word ? first_word_x1 : right);
done:
    Py_XDECREF(parts);
    Py_XDECREF(kept);
    Py_XDECREF(space);
    return result;
}

/* lines(chars, band, word_gap, tol) -> list of `pdf_text.Line` field tuples, or None
 * `pdf_text.build_lines` and `_make_line_by_char` (the reference) over `chars`: grouped by
 * centre (top + bottom, stable order) within `band` × the taller glyph, each group sorted
 * by x0 (stable), over-printed glyphs dropped, word spaces at space glyphs and at gaps over
 * `word_gap` × the median glyph height. None: a character that is not a tuple of a str and
 * four finite floats (the caller then runs the Python rules, whose order NaN would decide). */
static PyObject *lines(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *chars_o;
    double band, word_gap, tol;
    if (!PyArg_ParseTuple(args, "Oddd", &chars_o, &band, &word_gap, &tol)) return NULL;
    PyObject *seq = PySequence_Fast(chars_o, "chars must be a sequence");
    if (!seq) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **item = PySequence_Fast_ITEMS(seq);
    PyObject *out = NULL;
    size_t room = n ? (size_t)n : 1;
    PyObject **texts = malloc(sizeof *texts * room);
    double *coords = malloc(sizeof *coords * 4 * room);
    double *heights = malloc(sizeof *heights * room);
    keyed_t *order = malloc(sizeof *order * room), *scratch = malloc(sizeof *scratch * room);
    Py_ssize_t *idx = malloc(sizeof *idx * room);
    if (!texts || !coords || !heights || !order || !scratch || !idx) {
        PyErr_NoMemory();
        goto done;
    }
    double *x0 = coords, *top = coords + room, *x1 = coords + 2 * room,
           *bottom = coords + 3 * room;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *c = item[i];
        if (!PyTuple_Check(c) || PyTuple_GET_SIZE(c) != 5 ||
            !PyUnicode_Check(PyTuple_GET_ITEM(c, 0))) {
            out = Py_NewRef(Py_None);
            goto done;
        }
        texts[i] = PyTuple_GET_ITEM(c, 0);
        double *dst[4] = {&x0[i], &top[i], &x1[i], &bottom[i]};
        for (int f = 0; f < 4; f++) {
            PyObject *v = PyTuple_GET_ITEM(c, f + 1);
            if (!PyFloat_CheckExact(v) || !isfinite(PyFloat_AS_DOUBLE(v))) {
                out = Py_NewRef(Py_None);
                goto done;
            }
            *dst[f] = PyFloat_AS_DOUBLE(v);
        }
        order[i].key = top[i] + bottom[i];
        order[i].index = i;
        if (!isfinite(order[i].key) || !isfinite(bottom[i] - top[i])) {
            out = Py_NewRef(Py_None);
            goto done;
        }
    }
    out = PyList_New(0);
    if (!out || n == 0) goto done;
    qsort(order, (size_t)n, sizeof *order, by_key);
    /* the groups, as `build_lines` makes them; `idx` holds each group's members in turn */
    Py_ssize_t start = 0, m = 0;
    double first_mid = 0.0, height = 0.0;
    for (Py_ssize_t j = 0; j <= n; j++) {
        Py_ssize_t i = j < n ? order[j].index : -1;
        if (j < n && m > 0) {
            double h = bottom[i] - top[i];
            if ((top[i] + bottom[i]) - first_mid <= band * (height > h ? height : h)) {
                idx[start + m++] = i;
                if (h > height && !is_space(texts[i])) height = h;
                continue;
            }
        }
        if (m > 0) { /* the group ends: its line */
            PyObject *line = one_line(item, texts, x0, top, x1, bottom, idx + start, m,
                                      word_gap, tol, scratch, heights);
            if (!line) {
                Py_CLEAR(out);
                goto done;
            }
            int failed = line != Py_None && PyList_Append(out, line) < 0;
            Py_DECREF(line);
            if (failed) {
                Py_CLEAR(out);
                goto done;
            }
            start += m;
        }
        if (j < n) {
            idx[start] = i;
            m = 1;
            first_mid = top[i] + bottom[i];
            height = bottom[i] - top[i];
        }
    }
done:
    free(texts);
    free(coords);
    free(heights);
    free(order);
    free(scratch);
    free(idx);
    Py_DECREF(seq);
    return out;
}

static PyMethodDef methods[] = {
    {"objects", objects, METH_VARARGS, "The page objects Python must look at, and specks."},
    {"chars", chars, METH_VARARGS, "The page's drawn characters with their boxes."},
    {"lines", lines, METH_VARARGS, "Characters grouped into lines (pdf_text.build_lines)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_pdfscan", NULL, -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__pdfscan(void) { return PyModule_Create(&module); }
