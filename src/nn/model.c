/*
 * model.c - the .p4nn model file reader (docs/p4nn-model.md), module
 * p4nn_model: load(path) -> {name: array or str}.
 *
 * The header and tensor table are read and checked first (p4nn_parse); then
 * the file is read once, front to back: each numeric tensor's bytes go from
 * the file straight into the payload of its array, the bytes between blocks
 * through a small buffer, and all of them through the CRC. Only when the CRC
 * matches is the dict returned. Arrays hold native-endian elements; both
 * targets (x86-64, RV32) are little-endian like the file.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/p4nn.h"
#include "vm/vm.h"

/* The largest table entry: name length, 63 name bytes, type, ndims, 4 dims,
 * offset, length. */
#define ENTRY_MAX (2u + P4NN_MAX_NAME + 2u + 4u * P4NN_MAX_DIMS + 8u)

static uint32_t rd16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint32_t p4nn_crc32(uint32_t crc, const uint8_t *data, size_t len)
{
    static uint32_t table[256];
    if (!table[1]) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
    }
    crc = ~crc;
    for (size_t i = 0; i < len; i++)
        crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static int fail(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

/* Formats the message (which may name a tensor of f), then frees f. */
static int reject(P4nnFile *f, char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int reject(P4nnFile *f, char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    p4nn_free(f);
    return -1;
}

static uint32_t elem_size(char type) { return type == 'i' || type == 'f' ? 4u : 1u; }

static bool name_char(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

void p4nn_free(P4nnFile *f)
{
    free(f->tensors);
    f->tensors = NULL;
    f->count = 0;
}

int p4nn_parse(const uint8_t *head, size_t head_len, uint32_t real_size, P4nnFile *out, char *err,
               size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (head_len < P4NN_HEADER_SIZE || real_size < P4NN_HEADER_SIZE + 4)
        return fail(err, errlen, "file too short (%lu bytes) for a p4nn header", (unsigned long)real_size);
    if (memcmp(head, P4NN_MAGIC, 4) != 0)
        return fail(err, errlen, "not a p4nn model file (bad magic)");
    uint32_t major = rd16(head + 4), minor = rd16(head + 6);
    if (major != P4NN_VERSION_MAJOR)
        return fail(err, errlen, "p4nn version %lu.%lu is not supported (this reader: %d.%d)",
                    (unsigned long)major, (unsigned long)minor, P4NN_VERSION_MAJOR, P4NN_VERSION_MINOR);
    if (minor > P4NN_VERSION_MINOR)
        return fail(err, errlen, "p4nn version %lu.%lu is newer than this reader (%d.%d)",
                    (unsigned long)major, (unsigned long)minor, P4NN_VERSION_MAJOR, P4NN_VERSION_MINOR);
    uint32_t size = rd32(head + 8), count = rd32(head + 12), table = rd32(head + 16), flags = rd32(head + 20);
    if (size != real_size)
        return fail(err, errlen, "file size field says %lu bytes, the file has %lu (truncated?)",
                    (unsigned long)size, (unsigned long)real_size);
    if (count < 1 || count > P4NN_MAX_TENSORS)
        return fail(err, errlen, "tensor count %lu out of range (1..%u)", (unsigned long)count, P4NN_MAX_TENSORS);
    if (table != P4NN_HEADER_SIZE)
        return fail(err, errlen, "tensor table offset %lu (must be %u)", (unsigned long)table, P4NN_HEADER_SIZE);
    if (flags != 0)
        return fail(err, errlen, "unknown flags 0x%lx", (unsigned long)flags);
    P4nnTensor *t = calloc(count, sizeof *t);
    if (!t)
        return fail(err, errlen, "out of memory for %lu tensor entries", (unsigned long)count);
    out->tensors = t;
    out->count = count;
    out->size = size;
    size_t pos = P4NN_HEADER_SIZE;
    size_t limit = head_len < size - 4u ? head_len : size - 4u; /* the table ends before the CRC */
    for (uint32_t i = 0; i < count; i++) {
        P4nnTensor *e = &t[i];
        if (pos + 2 > limit)
            return reject(out, err, errlen, "tensor %lu: table runs past the end of the file", (unsigned long)i);
        uint32_t nlen = rd16(head + pos);
        pos += 2;
        if (nlen < 1 || nlen > P4NN_MAX_NAME)
            return reject(out, err, errlen, "tensor %lu: name length %lu out of range (1..%u)",
                                        (unsigned long)i, (unsigned long)nlen, P4NN_MAX_NAME);
        if (pos + nlen + 2 > limit)
            return reject(out, err, errlen, "tensor %lu: table runs past the end of the file", (unsigned long)i);
        for (uint32_t k = 0; k < nlen; k++)
            if (!name_char(head[pos + k]))
                return reject(out, err, errlen, "tensor %lu: name has a byte 0x%02x outside [A-Za-z0-9_.]",
                                            (unsigned long)i, head[pos + k]);
        memcpy(e->name, head + pos, nlen);
        e->name[nlen] = '\0';
        pos += nlen;
        for (uint32_t j = 0; j < i; j++)
            if (strcmp(t[j].name, e->name) == 0)
                return reject(out, err, errlen, "tensor name '%s' appears twice", e->name);
        e->type = (char)head[pos];
        e->ndims = head[pos + 1];
        pos += 2;
        if (e->type != 'b' && e->type != 'i' && e->type != 'f' && e->type != 'u')
            return reject(out, err, errlen, "tensor '%s': unknown type 0x%02x (b, i, f or u)", e->name,
                                        (uint8_t)e->type);
        if (e->ndims > P4NN_MAX_DIMS)
            return reject(out, err, errlen, "tensor '%s': %u dimensions (at most %u)", e->name, e->ndims,
                                        P4NN_MAX_DIMS);
        if (e->type == 'u' && e->ndims != 1)
            return reject(out, err, errlen, "tensor '%s': text must have one dimension (its length), not %u",
                          e->name, e->ndims);
        if (pos + 4u * e->ndims + 8 > limit)
            return reject(out, err, errlen, "tensor '%s': table runs past the end of the file", e->name);
        uint64_t bytes = elem_size(e->type);
        for (uint32_t d = 0; d < e->ndims; d++) {
            e->dims[d] = rd32(head + pos);
            pos += 4;
            bytes *= e->dims[d];
            if (bytes > UINT32_MAX)
                return reject(out, err, errlen, "tensor '%s': dimensions overflow 32 bits", e->name);
        }
        e->offset = rd32(head + pos);
        e->length = rd32(head + pos + 4);
        pos += 8;
        if (e->length != bytes)
            return reject(out, err, errlen, "tensor '%s': data length %lu, dimensions say %lu", e->name,
                                        (unsigned long)e->length, (unsigned long)bytes);
        if (e->offset % P4NN_ALIGN != 0)
            return reject(out, err, errlen, "tensor '%s': data offset %lu is not a multiple of %u", e->name,
                                        (unsigned long)e->offset, P4NN_ALIGN);
        if ((uint64_t)e->offset + e->length > size - 4u)
            return reject(out, err, errlen, "tensor '%s': data [%lu, %lu) lies outside the file", e->name,
                                        (unsigned long)e->offset, (unsigned long)((uint64_t)e->offset + e->length));
    }
    /* Blocks follow the table, in table order, without overlapping. */
    uint64_t end = pos;
    for (uint32_t i = 0; i < count; i++) {
        if (t[i].offset < end)
            return reject(out, err, errlen, "tensor '%s': data at %lu overlaps the %s (which ends at %lu)",
                                        t[i].name, (unsigned long)t[i].offset, i ? "previous block" : "table",
                                        (unsigned long)end);
        end = (uint64_t)t[i].offset + t[i].length;
    }
    return 0;
}

static bool utf8_valid(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint8_t c = s[i];
        size_t k = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : 9;
        if (k == 9 || (k == 1 && c < 0xc2) || i + k >= n + (k == 0))
            return false;
        for (size_t j = 1; j <= k; j++)
            if ((s[i + j] & 0xc0) != 0x80)
                return false;
        i += k + 1;
    }
    return true;
}

/* Bytes of the file to read for the header and the whole table. */
static size_t head_bytes(const uint8_t *header, uint32_t size)
{
    uint64_t want = P4NN_HEADER_SIZE + (uint64_t)rd32(header + 12) * ENTRY_MAX;
    if (want > P4NN_HEADER_SIZE + (uint64_t)P4NN_MAX_TENSORS * ENTRY_MAX)
        want = P4NN_HEADER_SIZE;
    return want < size ? (size_t)want : size;
}

int p4nn_check(const uint8_t *data, size_t len, P4nnFile *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (len > UINT32_MAX || len < P4NN_HEADER_SIZE)
        return fail(err, errlen, "file too short (%lu bytes) for a p4nn header", (unsigned long)len);
    if (p4nn_parse(data, head_bytes(data, (uint32_t)len), (uint32_t)len, out, err, errlen) != 0)
        return -1;
    uint32_t want = rd32(data + len - 4), got = p4nn_crc32(0, data, len - 4);
    if (want != got)
        return reject(out, err, errlen, "CRC mismatch (file says %08lx, contents give %08lx)",
                                    (unsigned long)want, (unsigned long)got);
    for (uint32_t i = 0; i < out->count; i++)
        if (out->tensors[i].type == 'u' && !utf8_valid(data + out->tensors[i].offset, out->tensors[i].length))
            return reject(out, err, errlen, "tensor '%s': text is not valid UTF-8", out->tensors[i].name);
    return 0;
}

/* ---- the module ------------------------------------------------------------------ */

typedef struct Reader {
    FILE *fp;
    uint32_t pos, crc;
    const char *path;
} Reader;

/* Reads n bytes at the reader's position into dst (NULL: through a buffer,
 * CRC only). */
static bool read_span(VM *vm, Reader *r, uint8_t *dst, uint32_t n)
{
    uint8_t buf[256];
    while (n > 0) {
        uint32_t k = dst ? n : n < sizeof buf ? n : (uint32_t)sizeof buf;
        uint8_t *to = dst ? dst : buf;
        if (fread(to, 1, k, r->fp) != k)
            return vm_raise(vm, EXC_OSError, "%s: read error at byte %lu", r->path, (unsigned long)r->pos);
        r->crc = p4nn_crc32(r->crc, to, k);
        r->pos += k;
        n -= k;
        if (dst)
            dst += k;
    }
    return true;
}

static bool model_error(VM *vm, const char *path, const char *err)
{
    return vm_raise(vm, EXC_ValueError, "%s: invalid p4nn model: %s", path, err);
}

/* Reads every tensor into d, in file order, checking the CRC. */
static bool read_tensors(VM *vm, Reader *r, const P4nnFile *f, Dict *d)
{
    for (uint32_t i = 0; i < f->count; i++) {
        const P4nnTensor *t = &f->tensors[i];
        if (!read_span(vm, r, NULL, t->offset - r->pos))
            return false;
        Str *name = str_from_cstr(vm, t->name);
        if (!name)
            return false;
        VM_ROOT(vm, v_obj(name));
        Value v;
        if (t->type == 'u') {
            char *text = malloc(t->length + 1u);
            if (!text) {
                VM_UNROOT(vm, 1);
                return vm_raise_oom(vm);
            }
            bool ok = read_span(vm, r, (uint8_t *)text, t->length);
            if (ok && !utf8_valid((const uint8_t *)text, t->length)) {
                char msg[120];
                snprintf(msg, sizeof msg, "tensor '%s': text is not valid UTF-8", t->name);
                ok = model_error(vm, r->path, msg);
            }
            Str *s = ok ? str_new(vm, text, t->length) : NULL;
            free(text);
            if (!s) {
                VM_UNROOT(vm, 1);
                return false;
            }
            v = v_obj(s);
        } else {
            Array *a = array_new(vm, t->type, t->length / elem_size(t->type));
            if (!a || !read_span(vm, r, a->data, t->length)) {
                VM_UNROOT(vm, 1);
                return false;
            }
            v = v_obj(a);
        }
        VM_ROOT(vm, v);
        bool ok = dict_set(vm, d, v_obj(name), v);
        VM_UNROOT(vm, 2);
        if (!ok)
            return false;
    }
    if (!read_span(vm, r, NULL, f->size - 4u - r->pos))
        return false;
    uint8_t tail[4];
    if (fread(tail, 1, 4, r->fp) != 4)
        return vm_raise(vm, EXC_OSError, "%s: read error at byte %lu", r->path, (unsigned long)r->pos);
    if (rd32(tail) != r->crc) {
        char msg[100];
        snprintf(msg, sizeof msg, "CRC mismatch (file says %08lx, contents give %08lx)", (unsigned long)rd32(tail),
                 (unsigned long)r->crc);
        return model_error(vm, r->path, msg);
    }
    return true;
}

static bool load_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    if (args[0].type != T_STR)
        return vm_raise(vm, EXC_TypeError, "load() argument must be str, not %s", type_name(args[0]));
    const char *path = AS(Str, args[0])->data;
    errno = 0;
    Reader r = {fopen(path, "rb"), 0, 0, path};
    if (!r.fp) {
        if (errno == 0 || errno == ENOENT)
            return vm_raise(vm, EXC_FileNotFoundError, "[Errno 2] No such file or directory: '%s'", path);
        return vm_raise(vm, EXC_OSError, "[Errno %d] %s: '%s'", errno, strerror(errno), path);
    }
    long size = -1;
    if (fseek(r.fp, 0, SEEK_END) == 0)
        size = ftell(r.fp);
    if (size < 0 || fseek(r.fp, 0, SEEK_SET) != 0) {
        fclose(r.fp);
        return vm_raise(vm, EXC_OSError, "%s: cannot find the file's size", path);
    }
    if ((unsigned long)size > UINT32_MAX) {
        fclose(r.fp);
        return model_error(vm, path, "file larger than 4 GB");
    }
    /* The header, then as much as the largest table of its count can need. */
    char err[200];
    uint8_t header[P4NN_HEADER_SIZE];
    size_t hn = fread(header, 1, sizeof header, r.fp);
    if (hn < sizeof header) {
        fclose(r.fp);
        snprintf(err, sizeof err, "file too short (%lu bytes) for a p4nn header", (unsigned long)size);
        return model_error(vm, path, err);
    }
    size_t want = head_bytes(header, (uint32_t)size);
    uint8_t *head = malloc(want);
    if (!head) {
        fclose(r.fp);
        return vm_raise_oom(vm);
    }
    memcpy(head, header, sizeof header);
    size_t got = sizeof header + fread(head + sizeof header, 1, want - sizeof header, r.fp);
    P4nnFile f;
    int rc = p4nn_parse(head, got, (uint32_t)size, &f, err, sizeof err);
    free(head);
    if (rc != 0 || fseek(r.fp, 0, SEEK_SET) != 0) {
        fclose(r.fp);
        if (rc == 0)
            p4nn_free(&f);
        return rc != 0 ? model_error(vm, path, err) : vm_raise(vm, EXC_OSError, "%s: cannot seek", path);
    }
    Dict *d = dict_new(vm);
    bool ok = d != NULL;
    if (ok) {
        VM_ROOT(vm, v_obj(d));
        ok = read_tensors(vm, &r, &f, d);
        VM_UNROOT(vm, 1);
    }
    p4nn_free(&f);
    fclose(r.fp);
    if (ok)
        *out = v_obj(d);
    return ok;
}
static NATIVE(load_native, "load", load_fn, 1, 1);

static Value get_load(void) { return v_obj((void *)&load_native); }

static const ModuleAttr model_attrs[] = {{"load", get_load}};

const Module module_p4nn_model = {{0, T_MODULE, 0, 0}, "p4nn_model", model_attrs, 1};
