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

typedef struct File { /* T_FILE */
    Obj hdr;
    FILE *fp; /* NULL once closed */
} File;

static bool raise_os_error(VM *vm, int err, const char *path)
{
    if (err == 0 || err == ENOENT)
        return vm_raise(vm, EXC_FileNotFoundError, "[Errno 2] No such file or directory: '%s'", path);
    return vm_raise(vm, EXC_OSError, "[Errno %d] %s: '%s'", err, strerror(err), path);
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
    bool text = strcmp(mode, "r") == 0 || strcmp(mode, "rt") == 0 || strcmp(mode, "tr") == 0;
    if (strcmp(mode, "rb") != 0 && strcmp(mode, "br") != 0 && !text)
        return vm_raise(vm, EXC_ValueError, "open(): P4JIT reads files only (modes 'r' and 'rb'), not '%s'", mode);
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
    if (text) /* a read-only StringIO of the decoded text (iomod.c) */
        return text_file_open(vm, path->data, out);
    File *f = gc_alloc(vm, T_FILE, sizeof(File));
    if (!f)
        return false;
    errno = 0;
    FILE *fp = fopen(path->data, "rb");
    if (!fp)
        return raise_os_error(vm, errno, path->data);
    /* A directory opens on some C libraries; reading it fails at once. */
    if (fgetc(fp) == EOF && ferror(fp)) {
        fclose(fp);
        return vm_raise(vm, EXC_OSError, "[Errno 21] Is a directory: '%s'", path->data);
    }
    rewind(fp);
    f->fp = fp;
    *out = v_obj(f);
    return true;
}
NATIVE_WITH_KW(bi_open, "open", open_fn, 0, 3);

static bool open_file(VM *vm, Value self, const char *what, FILE **fp)
{
    *fp = AS(File, self)->fp;
    if (!*fp)
        return vm_raise(vm, EXC_ValueError, "%s of closed file", what);
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

static bool file_read(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    FILE *fp;
    if (!open_file(vm, args[0], "read", &fp))
        return false;
    int32_t n = -1;
    if (nargs > 1 && args[1].type != T_NONE) {
        if (!v_is_intlike(args[1]))
            return vm_raise(vm, EXC_TypeError, "argument should be integer or None, not '%s'", type_name(args[1]));
        n = args[1].u.i;
    }
    long left = 0;
    if (!remaining(vm, fp, &left))
        return false;
    uint32_t want = n < 0 || (long)n > left ? (uint32_t)left : (uint32_t)n;
    uint8_t *buf = malloc(want ? want : 1);
    if (!buf)
        return vm_raise_oom(vm);
    size_t got = fread(buf, 1, want, fp);
    Str *b = bytes_new(vm, buf, (uint32_t)got);
    free(buf);
    if (!b)
        return false;
    *out = v_obj(b);
    return true;
}

static bool file_readinto(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    FILE *fp;
    if (!open_file(vm, args[0], "readinto", &fp))
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

static bool file_seek(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    FILE *fp;
    if (!open_file(vm, args[0], "seek", &fp))
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
        return vm_raise(vm, EXC_OSError, "[Errno 22] Invalid argument");
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
    if (!open_file(vm, args[0], "tell", &fp))
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

static NATIVE(file_read_m, "read", file_read, 1, 2);
static NATIVE(file_readinto_m, "readinto", file_readinto, 2, 2);
static NATIVE(file_seek_m, "seek", file_seek, 2, 3);
static NATIVE(file_tell_m, "tell", file_tell, 1, 1);
static NATIVE(file_close_m, "close", file_close, 1, 1);

const MethodEntry file_methods[] = {
    {Q_read, &file_read_m}, {Q_readinto, &file_readinto_m}, {Q_seek, &file_seek_m},
    {Q_tell, &file_tell_m}, {Q_close, &file_close_m},
};
const uint32_t n_file_methods = sizeof file_methods / sizeof file_methods[0];
