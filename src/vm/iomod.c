/*
 * iomod.c - the `io` module: StringIO (write, getvalue, read, readline,
 * readlines, seek, tell, close, iteration over lines, `with`); print(...,
 * file=) writes to it. Files opened in text mode for reading (open(path) or
 * mode 'r'/'rt') are read-only StringIOs of the file's decoded text.
 *
 * The text is kept as a list of written pieces (slot 0), joined only when
 * something reads it, so a loop of writes is linear; slot 1 is the position
 * in characters, slot 2 True once closed, slot 3 True for a read-only file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"
#include "vm/libobj.h"

enum { S_PIECES, S_POS, S_CLOSED, S_READONLY, S__COUNT };

/* The whole text as one str (the pieces list then holds just it). */
static bool joined(VM *vm, LibObj *o, Str **out)
{
    List *l = AS(List, o->slots[S_PIECES]);
    if (l->len == 1) {
        *out = AS(Str, l->items[0]);
        return true;
    }
    StrBuf sb;
    sb_init(&sb);
    for (uint32_t i = 0; i < l->len; i++)
        sb_add(&sb, AS(Str, l->items[i])->data, AS(Str, l->items[i])->len);
    Str *s = sb_to_str(vm, &sb);
    if (!s)
        return false;
    l->items[0] = v_obj(s);
    l->len = 1;
    *out = s;
    return true;
}

/* The length of the text in characters */
static uint32_t text_chars(LibObj *o)
{
    List *l = AS(List, o->slots[S_PIECES]);
    uint32_t total = 0;
    for (uint32_t i = 0; i < l->len; i++)
        total += str_charlen(AS(Str, l->items[i]));
    return total;
}

static uint32_t byte_at(const Str *s, uint32_t chars)
{
    uint32_t i = 0, n = 0;
    for (; i < s->len; i++) {
        if (((unsigned char)s->data[i] & 0xc0) != 0x80) {
            if (n == chars)
                return i;
            n++;
        }
    }
    return s->len;
}

static bool open_check(VM *vm, LibObj *o)
{
    if (vm_truthy(o->slots[S_CLOSED])) /* (CPython's text files end the message with a period) */
        return vm_raise(vm, EXC_ValueError, vm_truthy(o->slots[S_READONLY]) ? "I/O operation on closed file."
                                                                            : "I/O operation on closed file");
    return true;
}

#define SELF(args) AS(LibObj, (args)[0])

static bool m_write(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    LibObj *o = SELF(args);
    if (!open_check(vm, o))
        return false;
    if (vm_truthy(o->slots[S_READONLY])) /* (CPython: io.UnsupportedOperation, an OSError) */
        return vm_raise(vm, EXC_OSError, "not writable");
    if (args[1].type != T_STR)
        return vm_raise(vm, EXC_TypeError, "string argument expected, got '%s'", type_name(args[1]));
    Str *s = AS(Str, args[1]), *all;
    List *l = AS(List, o->slots[S_PIECES]);
    uint32_t n = str_charlen(s), pos = (uint32_t)o->slots[S_POS].u.i, total = text_chars(o);
    if (pos == total) { /* at the end: one more piece */
        if (!list_append(vm, l, args[1]))
            return false;
    } else { /* inside (or past) the text: overwrite, padding with NULs */
        if (!joined(vm, o, &all))
            return false;
        StrBuf sb;
        sb_init(&sb);
        uint32_t at = byte_at(all, pos);
        sb_add(&sb, all->data, at);
        for (uint32_t i = total; i < pos; i++)
            sb_addc(&sb, '\0');
        sb_add(&sb, s->data, s->len);
        uint32_t rest = byte_at(all, pos + n);
        sb_add(&sb, all->data + rest, all->len - rest);
        Str *r = sb_to_str(vm, &sb);
        if (!r)
            return false;
        l->items[0] = v_obj(r);
    }
    o->slots[S_POS] = v_int((int32_t)(pos + n));
    *out = v_int((int32_t)n);
    return true;
}

static bool m_getvalue(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *s;
    if (!open_check(vm, SELF(args)) || !joined(vm, SELF(args), &s))
        return false;
    *out = v_obj(s);
    return true;
}

/* read(size=-1) and readline(size=-1): from the position on */
static bool read_text(VM *vm, Value *args, int nargs, bool line, Value *out)
{
    LibObj *o = SELF(args);
    Str *s;
    if (!open_check(vm, o) || !joined(vm, o, &s))
        return false;
    int32_t size = -1;
    if (nargs > 1 && args[1].type != T_NONE) {
        if (!v_is_intlike(args[1]))
            return vm_raise(vm, EXC_TypeError, "argument should be integer or None, not '%s'", type_name(args[1]));
        size = args[1].u.i;
    }
    uint32_t pos = (uint32_t)o->slots[S_POS].u.i, from = byte_at(s, pos), to = from, n = 0;
    while (to < s->len && (size < 0 || n < (uint32_t)size)) {
        char c = s->data[to++];
        while (to < s->len && ((unsigned char)s->data[to] & 0xc0) == 0x80)
            to++;
        n++;
        if (line && c == '\n')
            break;
    }
    Str *r = str_new(vm, s->data + from, to - from);
    if (!r)
        return false;
    o->slots[S_POS] = v_int((int32_t)(pos + n));
    *out = v_obj(r);
    return true;
}
static bool m_read(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return read_text(vm, args, nargs, false, out); }
static bool m_readline(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return read_text(vm, args, nargs, true, out); }

/* readlines(hint=-1): the lines from the position on; with a hint above 0,
 * up to the line that takes their length past it (CPython's IOBase) */
static bool m_readlines(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t hint = -1, total = 0;
    if (nargs > 1 && args[1].type != T_NONE) {
        if (!v_is_intlike(args[1]))
            return vm_raise(vm, EXC_TypeError, "argument should be integer or None, not '%s'", type_name(args[1]));
        hint = args[1].u.i;
    }
    List *l = list_new(vm, 0);
    if (!l)
        return false;
    VM_ROOT(vm, v_obj(l));
    Value line, one[1] = {args[0]};
    bool ok = true;
    while ((hint <= 0 || total <= hint) && (ok = read_text(vm, one, 1, true, &line)) && AS(Str, line)->len > 0 &&
           (ok = list_append(vm, l, line)))
        total += (int32_t)str_charlen(AS(Str, line));
    VM_UNROOT(vm, 1);
    *out = v_obj(l);
    return ok;
}

static bool m_seek(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    LibObj *o = SELF(args);
    if (!open_check(vm, o))
        return false;
    if (!v_is_intlike(args[1]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
    int32_t whence = nargs > 2 && v_is_intlike(args[2]) ? args[2].u.i : 0;
    if (whence < 0 || whence > 2)
        return vm_raise(vm, EXC_ValueError, "Invalid whence (%ld, should be 0, 1 or 2)", (long)whence);
    if (whence != 0 && args[1].u.i != 0) /* only seek(0, 1), the position, and seek(0, 2), the end; CPython's message for both */
        return vm_raise(vm, EXC_OSError, "Can't do nonzero cur-relative seeks");
    if (args[1].u.i < 0)
        return vm_raise(vm, EXC_ValueError, "Negative seek position %ld", (long)args[1].u.i);
    if (whence == 2)
        o->slots[S_POS] = v_int((int32_t)text_chars(o));
    else if (whence == 0)
        o->slots[S_POS] = v_int(args[1].u.i);
    *out = o->slots[S_POS];
    return true;
}

static bool m_tell(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!open_check(vm, SELF(args)))
        return false;
    *out = SELF(args)->slots[S_POS];
    return true;
}

static bool m_close(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    SELF(args)->slots[S_CLOSED] = v_bool(true);
    *out = v_none();
    return true;
}

static NATIVE(sio_write, "write", m_write, 2, 2);
static NATIVE(sio_getvalue, "getvalue", m_getvalue, 1, 1);
static NATIVE(sio_read, "read", m_read, 1, 2);
static NATIVE(sio_readline, "readline", m_readline, 1, 2);
static NATIVE(sio_readlines, "readlines", m_readlines, 1, 2);
static NATIVE(sio_seek, "seek", m_seek, 2, 3);
static NATIVE(sio_tell, "tell", m_tell, 1, 1);
static NATIVE(sio_close, "close", m_close, 1, 1);

static const Native *const sio_list[] = {&sio_write, &sio_getvalue, &sio_read, &sio_readline, &sio_readlines,
                                         &sio_seek,  &sio_tell,     &sio_close};

static int sio_data(VM *vm, LibObj *o, const Str *name, Value *out)
{
    if (name->len == 6 && memcmp(name->data, "closed", 6) == 0) {
        *out = v_bool(vm_truthy(o->slots[S_CLOSED]));
        return 1;
    }
    return -1;
}
const LibMethods stringio_methods = {sio_list, sizeof sio_list / sizeof sio_list[0], sio_data};

/* StringIO(initial_value='') */
static bool stringio_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    static const char *const names[] = {"initial_value", NULL};
    Value *found[1];
    int npos;
    if (!lib_kwargs(vm, args, nargs, kw, "StringIO", names, found, &npos))
        return false;
    Value init = npos > 0 ? args[0] : found[0] ? *found[0] : v_none();
    if (init.type != T_NONE && init.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "initial_value must be str or None, not %s", type_name(init));
    LibObj *o = libobj_new(vm, LIB_STRINGIO, S__COUNT);
    if (!o)
        return false;
    VM_ROOT(vm, v_obj(o));
    List *l = list_new(vm, 1);
    bool ok = l != NULL;
    if (ok) {
        o->slots[S_PIECES] = v_obj(l);
        o->slots[S_POS] = v_int(0);
        o->slots[S_CLOSED] = v_bool(false);
        o->slots[S_READONLY] = v_bool(false);
        if (init.type == T_STR)
            ok = list_append(vm, l, init);
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(o);
    return ok;
}
NATIVE_WITH_KW(bi_stringio, "StringIO", stringio_fn, 0, 1);

/* for line in f: the lines from the position on (read at once) */
bool stringio_iter(VM *vm, Value f, Value *out)
{
    Value lines;
    if (vm_truthy(AS(LibObj, f)->slots[S_CLOSED])) /* (IOBase.__iter__'s check: its message ends with a period) */
        return vm_raise(vm, EXC_ValueError, "I/O operation on closed file.");
    if (!m_readlines(vm, &f, 1, NULL, &lines))
        return false;
    VM_ROOT(vm, lines);
    bool ok = vm_getiter(vm, lines, out);
    VM_UNROOT(vm, 1);
    return ok;
}

/* with f: __exit__ closes it */
static bool sio_exit_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    AS(LibObj, args[0])->slots[S_CLOSED] = v_bool(true);
    *out = v_bool(false);
    return true;
}
const Native stringio_exit = {{0, T_NATIVE, 0, 0}, "__exit__", sio_exit_fn, 4, 4};

/* open(path, 'r'): the file's text, UTF-8 with universal newlines (\r\n and
 * \r read as \n), as a read-only StringIO (vm/file.c calls this). */
bool text_file_open(VM *vm, const char *path, Value *out)
{
    errno = 0;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        if (errno == 0 || errno == ENOENT)
            return vm_raise(vm, EXC_FileNotFoundError, "[Errno 2] No such file or directory: '%s'", path);
        return vm_raise(vm, EXC_OSError, "[Errno %d] %s: '%s'", errno, strerror(errno), path);
    }
    StrBuf sb;
    sb_init(&sb);
    char buf[512];
    size_t n;
    bool cr = false, failed = false;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        for (size_t i = 0; i < n; i++) {
            char c = buf[i];
            if (cr && c == '\n') {
                cr = false;
                continue;
            }
            cr = c == '\r';
            sb_addc(&sb, cr ? '\n' : c);
        }
    }
    failed = ferror(fp) != 0;
    fclose(fp);
    if (failed) {
        sb_free(&sb);
        return vm_raise(vm, EXC_OSError, "[Errno 21] Is a directory: '%s'", path);
    }
    if (sb.oom) {
        sb_free(&sb);
        return vm_raise_oom(vm);
    }
    /* decode through bytes.decode, for its UnicodeDecodeError */
    Str *raw = bytes_new(vm, (const uint8_t *)(sb.data ? sb.data : ""), sb.len);
    sb_free(&sb);
    if (!raw)
        return false;
    Value text, rawv = v_obj(raw);
    VM_ROOT(vm, rawv);
    const Native *decode = NULL;
    for (uint32_t i = 0; i < n_bytes_methods && !decode; i++)
        if (bytes_methods[i].qid == Q_decode)
            decode = bytes_methods[i].fn;
    bool ok = decode->fn(vm, &vm->roots[vm->nroots - 1], 1, NULL, &text);
    if (ok) {
        VM_ROOT(vm, text);
        ok = stringio_fn(vm, &vm->roots[vm->nroots - 1], 1, NULL, out);
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    if (ok)
        AS(LibObj, *out)->slots[S_READONLY] = v_bool(true);
    return ok;
}

/* print(..., file=f): text goes to f.write (vm/str.c calls this) */
bool lib_print_to(VM *vm, Value file, const char *data, uint32_t len)
{
    if (file.type == T_LIBOBJ && file.u.obj->aux == LIB_STDIO) {
        if (AS(LibObj, file)->slots[0].u.i == 0)
            return vm_raise(vm, EXC_OSError, "not writable"); /* sys.stdin */
        vm_write(vm, AS(LibObj, file)->slots[0].u.i, data, len);
        return true;
    }
    Str *s = str_new(vm, data, len);
    if (!s)
        return false;
    VM_ROOT(vm, v_obj(s));
    Str *name = str_from_cstr(vm, "write");
    bool ok = name != NULL;
    Value m[2], ignored;
    if (ok) {
        name->hdr.aux = qid_lookup(name->data, name->len); /* built-in methods are found by qid (files) */
        VM_ROOT(vm, v_obj(name));
        ok = vm_load_attr(vm, file, name, &m[0]);
        VM_UNROOT(vm, 1);
    }
    if (ok) {
        VM_ROOT(vm, m[0]);
        ok = vm_call(vm, m[0], &vm->roots[vm->nroots - 2], 1, NULL, &ignored);
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    return ok;
}

/* io.StringIO is a class (type(), isinstance, subclasses); a text file
 * opened 'r', a read-only StringIO underneath, has none (docs/language.md). */
const TypeObj type_StringIO = {{0, T_TYPE, 0, 0}, "StringIO", T_LIBOBJ, -1, NULL, &bi_stringio};

const TypeObj *stringio_type(Value v)
{
    return vm_truthy(AS(LibObj, v)->slots[S_READONLY]) ? NULL : &type_StringIO;
}

static Value get_stringio(void) { return v_obj((void *)&type_StringIO); }

/* io.BytesIO is a class in Python (lib/std/_bytesio.py, frozen): an
 * attribute computed at run time from that module. */
static bool bytesio_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return lib_py_attr(vm, "_bytesio", "BytesIO", out);
}
static const Native bytesio_getter = {{0, T_NATIVE, NATIVE_GETTER, 0}, "BytesIO", bytesio_fn, 0, 0};
static Value get_bytesio(void) { return v_obj((void *)&bytesio_getter); }

/* io.IOBase likewise (lib/std/_iobase.py) */
static bool iobase_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return lib_py_attr(vm, "_iobase", "IOBase", out);
}
static const Native iobase_getter = {{0, T_NATIVE, NATIVE_GETTER, 0}, "IOBase", iobase_fn, 0, 0};
static Value get_iobase(void) { return v_obj((void *)&iobase_getter); }

static const ModuleAttr io_attrs[] = {
    {"StringIO", get_stringio},
    {"BytesIO", get_bytesio},
    {"IOBase", get_iobase},
};

const Module module_io = {{0, T_MODULE, 0, 0}, "io", io_attrs, sizeof io_attrs / sizeof io_attrs[0]};
