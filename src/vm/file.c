/*
 * file.c - open(path, 'rb') and the binary file object: read, readinto,
 * seek, tell, close. Enough to read model files and data sets.
 *
 * Files go through C stdio, which every port provides: the host's libc,
 * picolibc's semihosting in the firmware (open/read/seek/flen on the host's
 * file system, through p4sim or QEMU), ESP-IDF's VFS. A file object holds
 * the FILE *; the collector has no finalizers, so a program closes its
 * files (CPython would close them when collected; `with` is not in the
 * language yet).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"
#include "vm/libobj.h"

typedef struct File { /* T_FILE; FILE_* in hdr.flags */
    Obj hdr;
    FILE *fp; /* NULL once closed */
} File;

/* hdr.flags of a file: what its mode allows, and text (str) or binary */
#define FILE_READ 0x01
#define FILE_WRITE 0x02
#define FILE_TEXT 0x04
#define FILE_APPEND 0x08

static bool raise_os_error(VM *vm, int err, const char *path)
{
    if (err == 0 || err == ENOENT)
        return vm_raise(vm, EXC_FileNotFoundError, "[Errno 2] No such file or directory: '%s'", path);
    return vm_raise(vm, EXC_OSError, "[Errno %d] %s: '%s'", err, strerror(err), path);
}

/* CPython's rules for a mode string: one of r w x a, at most one +, b or t. */
static bool parse_mode(VM *vm, const char *mode, unsigned *flags, char cmode[4])
{
    unsigned seen = 0, kinds = 0;
    char kind = 0;
    for (const char *p = mode; *p; p++) {
        const char *at = strchr("rwxa+bt", *p);
        if (!at || (seen & (1u << (at - "rwxa+bt"))))
            return vm_raise(vm, EXC_ValueError, "invalid mode: '%s'", mode);
        seen |= 1u << (at - "rwxa+bt");
        if (at - "rwxa+bt" < 4)
            kinds++, kind = *p;
    }
    if (!*mode)
        return vm_raise(vm, EXC_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    if ((seen & 0x20) && (seen & 0x40))
        return vm_raise(vm, EXC_ValueError, "can't have text and binary mode at once");
    if (kinds != 1)
        return vm_raise(vm, EXC_ValueError, "must have exactly one of create/read/write/append mode");
    bool plus = (seen & 0x10) != 0;
    *flags = (kind == 'r' ? FILE_READ : FILE_WRITE) | (plus ? FILE_READ | FILE_WRITE : 0) |
             (seen & 0x20 ? 0 : FILE_TEXT) | (kind == 'a' ? FILE_APPEND : 0);
    cmode[0] = kind == 'x' ? 'w' : kind;
    cmode[1] = 'b';
    cmode[2] = plus ? '+' : 0;
    cmode[3] = 0;
    return true;
}

static bool open_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    static const char *const names[] = {"file", "mode", "encoding", NULL};
    Value *found[3];
    int npos;
    if (!lib_kwargs(vm, args, nargs, kw, "open", names, found, &npos))
        return false;
    Value file = npos > 0 ? args[0] : found[0] ? *found[0] : v_unbound();
    Value modev = npos > 1 ? args[1] : found[1] ? *found[1] : v_unbound();
    Value enc = npos > 2 ? args[2] : found[2] ? *found[2] : v_none();
    if (file.type == T_UNBOUND)
        return vm_raise(vm, EXC_TypeError, "open() missing required argument 'file' (pos 1)");
    if (file.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(file));
    const char *mode = "r";
    if (modev.type != T_UNBOUND) {
        if (modev.type != T_STR)
            return vm_raise(vm, EXC_TypeError, "open() argument 'mode' must be str, not %s", type_name(modev));
        mode = AS(Str, modev)->data;
    }
    unsigned flags = 0;
    char cmode[4];
    if (!parse_mode(vm, mode, &flags, cmode))
        return false;
    bool text = (flags & FILE_TEXT) != 0;
    if (enc.type != T_NONE && !text)
        return vm_raise(vm, EXC_ValueError, "binary mode doesn't take an encoding argument");
    if (enc.type != T_NONE && (enc.type != T_STR || (strcmp(AS(Str, enc)->data, "utf-8") != 0 &&
                                                      strcmp(AS(Str, enc)->data, "utf8") != 0)))
        return enc.type != T_STR
                   ? vm_raise(vm, EXC_TypeError, "open() argument 'encoding' must be str or None, not %s", type_name(enc))
                   : vm_raise(vm, EXC_LookupError, "P4JIT: open() reads UTF-8 text only, not '%s'", AS(Str, enc)->data);
    const Str *path = AS(Str, file);
    if (strlen(path->data) != path->len)
        return vm_raise(vm, EXC_ValueError, "embedded null byte");
    if (flags == (FILE_READ | FILE_TEXT)) /* a read-only StringIO of the decoded text (iomod.c) */
        return text_file_open(vm, path->data, out);
    File *f = gc_alloc(vm, T_FILE, sizeof(File));
    if (!f)
        return false;
    f->hdr.flags = (uint8_t)flags;
    /* 'x' needs the file absent, 'r+' present: checked here, as picolibc's
     * semihosting (the firmware) opens 'r+' as 'w+' */
    bool exclusive = mode[strcspn(mode, "x")] == 'x', update = cmode[0] == 'r' && cmode[2] == '+';
    if (exclusive || update) {
        errno = 0;
        FILE *old = fopen(path->data, "rb");
        if (old)
            fclose(old);
        if (old && exclusive)
            return vm_raise(vm, EXC_FileExistsError, "[Errno 17] File exists: '%s'", path->data);
        if (!old && update)
            return raise_os_error(vm, errno, path->data);
    }
    errno = 0;
    FILE *fp = fopen(path->data, cmode);
    if (!fp)
        return raise_os_error(vm, errno, path->data);
    if (!(flags & FILE_WRITE)) {
        /* A directory opens for reading on some C libraries; reading it
         * fails at once (opening one for writing fails) */
        if (fgetc(fp) == EOF && ferror(fp)) {
            fclose(fp);
            return vm_raise(vm, EXC_OSError, "[Errno 21] Is a directory: '%s'", path->data);
        }
        rewind(fp);
    }
    if (flags & FILE_APPEND)
        fseek(fp, 0, SEEK_END); /* tell() gives the end, as in CPython */
    f->fp = fp;
    *out = v_obj(f);
    return true;
}
NATIVE_WITH_KW(bi_open, "open", open_fn, 0, 3);

/* The classes of open files, as type() gives them (no constructor: open()
 * makes files); they print with CPython's module, `<class '_io.TextIOWrapper'>`. */
const TypeObj type_TextIOWrapper = {{0, T_TYPE, 0, 0}, "TextIOWrapper", T_FILE, -1, NULL, NULL};
const TypeObj type_BufferedRandom = {{0, T_TYPE, 0, 0}, "BufferedRandom", T_FILE, -1, NULL, NULL};
const TypeObj type_BufferedWriter = {{0, T_TYPE, 0, 0}, "BufferedWriter", T_FILE, -1, NULL, NULL};
const TypeObj type_BufferedReader = {{0, T_TYPE, 0, 0}, "BufferedReader", T_FILE, -1, NULL, NULL};

const TypeObj *file_type(Value v)
{
    unsigned flags = v.u.obj->flags;
    if (flags & FILE_TEXT)
        return &type_TextIOWrapper;
    if ((flags & FILE_READ) && (flags & FILE_WRITE))
        return &type_BufferedRandom;
    return flags & FILE_WRITE ? &type_BufferedWriter : &type_BufferedReader;
}

const char *file_type_name(Value v)
{
    unsigned flags = v.u.obj->flags;
    if (flags & FILE_TEXT)
        return "_io.TextIOWrapper";
    if ((flags & FILE_READ) && (flags & FILE_WRITE))
        return "_io.BufferedRandom";
    return flags & FILE_WRITE ? "_io.BufferedWriter" : "_io.BufferedReader";
}

/* The open FILE of self, which must allow need (FILE_READ/FILE_WRITE, or 0). */
static bool open_file(VM *vm, Value self, const char *what, unsigned need, FILE **fp)
{
    File *f = AS(File, self);
    *fp = f->fp;
    if (!*fp) /* CPython's wording: the buffered binary classes name the operation */
        return f->hdr.flags & FILE_TEXT ? vm_raise(vm, EXC_ValueError, "I/O operation on closed file.")
               : need == FILE_WRITE     ? vm_raise(vm, EXC_ValueError, "write to closed file")
                                        : vm_raise(vm, EXC_ValueError, "%s of closed file", what);
    if ((f->hdr.flags & need) != need) /* CPython: io.UnsupportedOperation, an OSError */
        return vm_raise(vm, EXC_OSError, need == FILE_WRITE ? "not writable"
                                         : f->hdr.flags & FILE_TEXT ? "not readable" : "%s", what);
    return true;
}

/* Bytes from the position to the end of the file. */
static bool remaining(VM *vm, FILE *fp, long *out)
{
    long pos = ftell(fp);
    if (pos < 0 || fseek(fp, 0, SEEK_END) != 0)
        return vm_raise(vm, EXC_OSError, "[Errno 29] Illegal seek");
    long end = ftell(fp);
    if (end < 0 || fseek(fp, pos, SEEK_SET) != 0)
        return vm_raise(vm, EXC_OSError, "[Errno 29] Illegal seek");
    *out = end > pos ? end - pos : 0;
    return true;
}

/* A text file's bytes as str: UTF-8 (bytes.decode's errors), \r\n and \r read as \n. */
static bool decode_text(VM *vm, uint8_t *buf, size_t n, Value *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (buf[i] == '\r') {
            buf[k++] = '\n';
            if (i + 1 < n && buf[i + 1] == '\n')
                i++;
        } else {
            buf[k++] = buf[i];
        }
    }
    Str *raw = bytes_new(vm, buf, (uint32_t)k);
    if (!raw)
        return false;
    VM_ROOT(vm, v_obj(raw));
    const Native *decode = NULL;
    for (uint32_t i = 0; i < n_bytes_methods && !decode; i++)
        if (bytes_methods[i].qid == Q_decode)
            decode = bytes_methods[i].fn;
    bool ok = decode->fn(vm, &vm->roots[vm->nroots - 1], 1, NULL, out);
    VM_UNROOT(vm, 1);
    return ok;
}

/* Up to want bytes (all when want < 0) from fp; for a text file want counts
 * characters: the bytes past the want-th character go back to the file. */
static bool read_bytes(VM *vm, FILE *fp, bool text, int32_t want, Value *out)
{
    long left = 0;
    if (!remaining(vm, fp, &left))
        return false;
    size_t n = want < 0 || (long)want > left ? (size_t)left : (size_t)want;
    if (text && want >= 0) /* a character has at most 4 bytes */
        n = (long)want * 4 > left ? (size_t)left : (size_t)want * 4;
    uint8_t *buf = malloc(n ? n : 1);
    if (!buf)
        return vm_raise_oom(vm);
    size_t got = fread(buf, 1, n, fp);
    if (text && want >= 0) {
        size_t chars = 0, end = 0;
        while (end < got && chars < (size_t)want) {
            end++;
            while (end < got && (buf[end] & 0xc0) == 0x80)
                end++;
            chars++;
        }
        if (end < got)
            fseek(fp, -(long)(got - end), SEEK_CUR);
        got = end;
    }
    bool ok;
    if (text) {
        ok = decode_text(vm, buf, got, out);
    } else {
        Str *b = bytes_new(vm, buf, (uint32_t)got);
        ok = b != NULL;
        if (ok)
            *out = v_obj(b);
    }
    free(buf);
    return ok;
}

static bool file_read(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    FILE *fp;
    if (!open_file(vm, args[0], "read", FILE_READ, &fp))
        return false;
    int32_t n = -1;
    if (nargs > 1 && args[1].type != T_NONE) {
        if (!v_is_intlike(args[1]))
            return vm_raise(vm, EXC_TypeError, "argument should be integer or None, not '%s'", type_name(args[1]));
        n = args[1].u.i;
    }
    return read_bytes(vm, fp, (args[0].u.obj->flags & FILE_TEXT) != 0, n, out);
}

/* One line (with its \n), at most size bytes when size >= 0. */
static bool read_line(VM *vm, Value self, FILE *fp, int32_t size, Value *out)
{
    StrBuf sb;
    sb_init(&sb);
    bool text = (self.u.obj->flags & FILE_TEXT) != 0;
    int c;
    while ((size < 0 || (int32_t)sb.len < size) && (c = fgetc(fp)) != EOF) {
        if (text && c == '\r') { /* universal newlines */
            int d = fgetc(fp);
            if (d != '\n' && d != EOF)
                ungetc(d, fp);
            c = '\n';
        }
        sb_addc(&sb, (char)c);
        if (c == '\n')
            break;
    }
    if (sb.oom) {
        sb_free(&sb);
        return vm_raise_oom(vm);
    }
    bool ok;
    if (text) {
        ok = decode_text(vm, (uint8_t *)(sb.data ? sb.data : ""), sb.len, out);
    } else {
        Str *b = bytes_new(vm, (const uint8_t *)(sb.data ? sb.data : ""), (uint32_t)sb.len);
        ok = b != NULL;
        if (ok)
            *out = v_obj(b);
    }
    sb_free(&sb);
    return ok;
}

static bool file_readline(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    FILE *fp;
    if (!open_file(vm, args[0], "readline", FILE_READ, &fp))
        return false;
    int32_t size = -1;
    if (nargs > 1 && args[1].type != T_NONE) {
        if (!v_is_intlike(args[1]))
            return vm_raise(vm, EXC_TypeError, "argument should be integer or None, not '%s'", type_name(args[1]));
        size = args[1].u.i;
    }
    return read_line(vm, args[0], fp, size, out);
}

static bool file_readlines(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    FILE *fp;
    if (!open_file(vm, args[0], "readline", FILE_READ, &fp))
        return false;
    List *l = list_new(vm, 0);
    if (!l)
        return false;
    *out = v_obj(l);
    VM_ROOT(vm, *out);
    bool ok = true;
    for (;;) {
        Value line;
        if (!(ok = read_line(vm, args[0], fp, -1, &line)))
            break;
        if (AS(Str, line)->len == 0)
            break;
        VM_ROOT(vm, line);
        ok = list_append(vm, l, line);
        VM_UNROOT(vm, 1);
        if (!ok)
            break;
    }
    VM_UNROOT(vm, 1);
    return ok;
}

static bool file_readinto(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    FILE *fp;
    if (!open_file(vm, args[0], "readinto", FILE_READ, &fp))
        return false;
    Value buf = args[1];
    if (buf.type != T_BYTEARRAY && buf.type != T_ARRAY)
        return vm_raise(vm, EXC_TypeError, "readinto() argument must be read-write bytes-like object, not %s",
                        type_name(buf));
    Array *a = AS(Array, buf);
    size_t bytes = (size_t)a->len * array_itemsize(a);
    size_t got = bytes ? fread(a->data, 1, bytes, fp) : 0;
    *out = v_int((int32_t)got);
    return true;
}

/* Writes v (str to a text file, bytes-like to a binary one); *count is
 * what write() returns: characters or bytes. */
static bool write_value(VM *vm, Value self, FILE *fp, Value v, int32_t *count)
{
    const void *data;
    size_t n;
    if (self.u.obj->flags & FILE_TEXT) {
        if (v.type != T_STR)
            return vm_raise(vm, EXC_TypeError, "write() argument must be str, not %s", type_name(v));
        data = AS(Str, v)->data;
        n = AS(Str, v)->len;
        int32_t chars = 0;
        for (size_t i = 0; i < n; i++)
            chars += (((const uint8_t *)data)[i] & 0xc0) != 0x80;
        *count = chars;
    } else {
        if (v.type == T_BYTES) {
            data = AS(Str, v)->data;
            n = AS(Str, v)->len;
        } else if (v.type == T_BYTEARRAY || v.type == T_ARRAY) {
            data = AS(Array, v)->data;
            n = (size_t)AS(Array, v)->len * array_itemsize(AS(Array, v));
        } else {
            return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", type_name(v));
        }
        *count = (int32_t)n;
    }
    if (n && fwrite(data, 1, n, fp) != n)
        return vm_raise(vm, EXC_OSError, "[Errno 5] Input/output error");
    return true;
}

static bool file_write(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    FILE *fp;
    int32_t count;
    if (!open_file(vm, args[0], "write", FILE_WRITE, &fp) || !write_value(vm, args[0], fp, args[1], &count))
        return false;
    *out = v_int(count);
    return true;
}

static bool file_writelines(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    FILE *fp;
    Value it, line;
    if (!open_file(vm, args[0], "writelines", FILE_WRITE, &fp) || !vm_getiter(vm, args[1], &it))
        return false;
    VM_ROOT(vm, it);
    int r;
    bool ok = true;
    while (ok && (r = vm_iternext(vm, it, &line)) > 0) {
        int32_t count;
        VM_ROOT(vm, line);
        ok = write_value(vm, args[0], fp, line, &count);
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    if (!ok || r < 0)
        return false;
    *out = v_none();
    return true;
}

static bool file_flush(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    FILE *fp;
    if (!open_file(vm, args[0], "flush", 0, &fp))
        return false;
    fflush(fp);
    *out = v_none();
    return true;
}

static bool file_seek(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    FILE *fp;
    if (!open_file(vm, args[0], "seek", 0, &fp))
        return false;
    if (!v_is_intlike(args[1]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
    int32_t whence = 0;
    if (nargs > 2) {
        if (!v_is_intlike(args[2]))
            return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[2]));
        whence = args[2].u.i;
    }
    if (whence < 0 || whence > 2)
        return vm_raise(vm, EXC_ValueError, "whence value %ld unsupported", (long)whence);
    static const int whences[] = {SEEK_SET, SEEK_CUR, SEEK_END};
    long target = args[1].u.i;
    if (whence == 0 && target < 0)
        return args[0].u.obj->flags & FILE_TEXT ? vm_raise(vm, EXC_ValueError, "negative seek position %ld", target)
                                                : vm_raise(vm, EXC_OSError, "[Errno 22] Invalid argument");
    if ((args[0].u.obj->flags & FILE_TEXT) && whence != 0 && target != 0)
        return vm_raise(vm, EXC_OSError, "can't do nonzero %s-relative seeks", whence == 1 ? "cur" : "end");
    if (fseek(fp, target, whences[whence]) != 0)
        return vm_raise(vm, EXC_OSError, "[Errno 22] Invalid argument");
    long pos = ftell(fp);
    if (pos < 0 || pos > INT32_MAX)
        return vm_raise(vm, EXC_OverflowError, "file position does not fit in 32 bits");
    *out = v_int((int32_t)pos);
    return true;
}

static bool file_tell(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    FILE *fp;
    if (!open_file(vm, args[0], "tell", 0, &fp))
        return false;
    long pos = ftell(fp);
    if (pos < 0 || pos > INT32_MAX)
        return vm_raise(vm, EXC_OverflowError, "file position does not fit in 32 bits");
    *out = v_int((int32_t)pos);
    return true;
}

static bool file_close(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)vm, (void)nargs, (void)kw;
    File *f = AS(File, args[0]);
    if (f->fp)
        fclose(f->fp);
    f->fp = NULL; /* closing twice is allowed, as in CPython */
    *out = v_none();
    return true;
}

/* f.closed, f.mode-less attributes of a file (attr.c): 1 found, -1 none */
int file_data_attr(Value f, const Str *name, Value *out)
{
    if (name->len == 6 && memcmp(name->data, "closed", 6) == 0) {
        *out = v_bool(AS(File, f)->fp == NULL);
        return 1;
    }
    return -1;
}

static NATIVE(file_read_m, "read", file_read, 1, 2);
static NATIVE(file_readinto_m, "readinto", file_readinto, 2, 2);
static NATIVE(file_readline_m, "readline", file_readline, 1, 2);
static NATIVE(file_readlines_m, "readlines", file_readlines, 1, 1);
static NATIVE(file_write_m, "write", file_write, 2, 2);
static NATIVE(file_writelines_m, "writelines", file_writelines, 2, 2);
static NATIVE(file_flush_m, "flush", file_flush, 1, 1);
static NATIVE(file_seek_m, "seek", file_seek, 2, 3);
static NATIVE(file_tell_m, "tell", file_tell, 1, 1);
static NATIVE(file_close_m, "close", file_close, 1, 1);

const MethodEntry file_methods[] = {
    {Q_read, &file_read_m}, {Q_readinto, &file_readinto_m}, {Q_seek, &file_seek_m},
    {Q_tell, &file_tell_m}, {Q_close, &file_close_m}, {Q_readline, &file_readline_m},
    {Q_readlines, &file_readlines_m}, {Q_write, &file_write_m}, {Q_writelines, &file_writelines_m},
    {Q_flush, &file_flush_m},
};
const uint32_t n_file_methods = sizeof file_methods / sizeof file_methods[0];
