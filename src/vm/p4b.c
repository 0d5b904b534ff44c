/*
 * p4b.c - reading, validating and writing .p4b images (layout in
 * docs/bytecode.md).
 *
 * The reader trusts nothing: every count is checked against its limit and
 * against the bytes left before anything is allocated, every index against
 * what it indexes, and the code against the stack verifier. All memory of a
 * module read from a file comes from one arena, freed by p4b_free.
 */
#include "vm/p4b.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena ------------------------------------------------------------------ */

typedef struct Chunk {
    struct Chunk *next;
    size_t used, cap;
    _Alignas(8) uint8_t data[];
} Chunk;

/* chunk: the size of a new chunk (a larger request gets a chunk its size) */
static void *arena_alloc(void **owned, size_t size, size_t chunk)
{
    size = (size + 7) & ~(size_t)7;
    Chunk *c = *owned;
    if (!c || c->cap - c->used < size) {
        size_t cap = size > chunk ? size : chunk;
        Chunk *n = malloc(sizeof(Chunk) + cap);
        if (!n)
            return NULL;
        n->next = c;
        n->used = 0;
        n->cap = cap;
        *owned = c = n;
    }
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

void p4b_free(P4bModule *m)
{
    for (Chunk *c = m->owned; c;) {
        Chunk *next = c->next;
        free(c);
        c = next;
    }
    memset(m, 0, sizeof *m);
}

/* ---- reading ------------------------------------------------------------------ */

typedef struct Reader {
    const uint8_t *data;
    size_t len, pos;
    char *err;
    size_t errlen;
    bool failed;
    void **owned;
    unsigned minor; /* the file's minor version: what its records hold */
} Reader;

static void fail(Reader *r, const char *fmt, ...)
{
    if (r->failed)
        return;
    r->failed = true;
    int n = snprintf(r->err, r->errlen, "offset %lu: ", (unsigned long)r->pos);
    if (n < 0 || (size_t)n >= r->errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err + n, r->errlen - (size_t)n, fmt, ap);
    va_end(ap);
}

static size_t left(const Reader *r) { return r->len - r->pos; }

static uint32_t u32(Reader *r, const char *what)
{
    if (r->failed)
        return 0;
    if (left(r) < 4) {
        fail(r, "truncated: %s needs 4 bytes, %lu left", what, (unsigned long)left(r));
        return 0;
    }
    const uint8_t *p = r->data + r->pos;
    r->pos += 4;
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t u16(Reader *r, const char *what)
{
    if (r->failed)
        return 0;
    if (left(r) < 2) {
        fail(r, "truncated: %s needs 2 bytes, %lu left", what, (unsigned long)left(r));
        return 0;
    }
    const uint8_t *p = r->data + r->pos;
    r->pos += 2;
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint8_t u8(Reader *r, const char *what)
{
    if (r->failed)
        return 0;
    if (left(r) < 1) {
        fail(r, "truncated: %s needs 1 byte", what);
        return 0;
    }
    return r->data[r->pos++];
}

/* A count of items at least `unit` bytes each: within its limit and the file. */
static uint32_t count(Reader *r, const char *what, uint32_t max, size_t unit)
{
    uint32_t n = u32(r, what);
    if (r->failed)
        return 0;
    if (n > max) {
        fail(r, "%s %lu exceeds the limit %lu", what, (unsigned long)n, (unsigned long)max);
        return 0;
    }
    if ((uint64_t)n * unit > left(r)) {
        fail(r, "truncated: %lu %s need at least %lu bytes, %lu left", (unsigned long)n, what,
             (unsigned long)((uint64_t)n * unit), (unsigned long)left(r));
        return 0;
    }
    return n;
}

static void *alloc(Reader *r, size_t size)
{
    if (r->failed)
        return NULL;
    /* Chunks as large as the file, from 4 KB to 64 KB: a small module (most
     * of lib/std's frozen images are 2-15 KB) does not hold a 64 KB chunk
     * for as long as it is imported. */
    size_t chunk = r->len < 4096 ? 4096 : r->len > 65536 ? 65536 : r->len;
    void *p = arena_alloc(r->owned, size ? size : 1, chunk);
    if (!p)
        fail(r, "out of memory");
    return p;
}

static void read_const(Reader *r, P4bConst *k, uint32_t index)
{
    k->kind = u8(r, "constant kind");
    switch (k->kind) {
    case K_NONE:
    case K_FALSE:
    case K_TRUE:
        break;
    case K_INT:
        k->u.i = (int32_t)u32(r, "int constant");
        break;
    case K_FLOAT:
    case K_IMAG: {
        uint32_t bits = u32(r, "float constant");
        memcpy(&k->u.f, &bits, sizeof bits);
        break;
    }
    case K_STR:
    case K_BYTES:
    case K_CODE:
    case K_LONG:
        k->u.index = u32(r, "constant index");
        break;
    case K_TUPLE:
        k->u.tuple.count = count(r, "tuple items", P4B_MAX_TUPLE, 4);
        k->u.tuple.items = alloc(r, k->u.tuple.count * sizeof(uint32_t));
        for (uint32_t i = 0; i < k->u.tuple.count && !r->failed; i++)
            k->u.tuple.items[i] = u32(r, "tuple item");
        break;
    default:
        fail(r, "constant %lu: unknown kind %u", (unsigned long)index, k->kind);
    }
}

static void read_code(Reader *r, P4bCode *c)
{
    c->name = u32(r, "code name");
    c->qualname = r->minor >= 5 ? u32(r, "code qualname") : c->name;
    c->doc = r->minor >= 8 ? u32(r, "code docstring") : 0;
    c->firstline = u32(r, "first line");
    c->nparams = u16(r, "nparams");
    c->nlocals = u16(r, "nlocals");
    c->maxstack = u16(r, "maxstack");
    c->flags = u16(r, "code flags");
    if (r->failed)
        return;
    if (c->nlocals > P4B_MAX_LOCALS) {
        fail(r, "%u locals exceed the limit %u", c->nlocals, P4B_MAX_LOCALS);
        return;
    }
    c->localnames = alloc(r, c->nlocals * sizeof(uint32_t));
    for (uint32_t i = 0; i < c->nlocals && !r->failed; i++)
        c->localnames[i] = u32(r, "local name");
    c->ninsns = count(r, "instructions", P4B_MAX_INSNS, 4);
    c->insns = alloc(r, c->ninsns * sizeof(uint32_t));
    for (uint32_t i = 0; i < c->ninsns && !r->failed; i++)
        c->insns[i] = u32(r, "instruction");
    c->nconsts = count(r, "constants", P4B_MAX_CONSTS, 1);
    c->consts = alloc(r, c->nconsts * sizeof(P4bConst));
    for (uint32_t i = 0; i < c->nconsts && !r->failed; i++)
        read_const(r, &c->consts[i], i);
    c->nexc = count(r, "exception entries", P4B_MAX_INSNS, 16);
    c->exc = alloc(r, c->nexc * sizeof(ExcEntry));
    for (uint32_t i = 0; i < c->nexc && !r->failed; i++) {
        c->exc[i].start = u32(r, "exception start");
        c->exc[i].end = u32(r, "exception end");
        c->exc[i].handler = u32(r, "exception handler");
        c->exc[i].depth = u32(r, "exception depth");
    }
    c->linetab_len = count(r, "line table bytes", P4B_MAX_INSNS * 10u, 1);
    c->linetab = alloc(r, c->linetab_len);
    if (!r->failed) {
        memcpy(c->linetab, r->data + r->pos, c->linetab_len);
        r->pos += c->linetab_len;
    }
}

static int read_image(const uint8_t *data, size_t len, P4bModule *m, char *err, size_t errlen, bool validate);

int p4b_read(const uint8_t *data, size_t len, P4bModule *m, char *err, size_t errlen)
{
    return read_image(data, len, m, err, errlen, true);
}

int p4b_read_frozen(const uint8_t *data, size_t len, P4bModule *m, char *err, size_t errlen)
{
    return read_image(data, len, m, err, errlen, false);
}

static int read_image(const uint8_t *data, size_t len, P4bModule *m, char *err, size_t errlen, bool validate)
{
    memset(m, 0, sizeof *m);
    Reader r = {data, len, 0, err, errlen, false, &m->owned, 0};
    if (len < 20 || memcmp(data, P4B_MAGIC, 4) != 0) {
        snprintf(err, errlen, len >= 4 && memcmp(data, P4B_MAGIC, 4) == 0
                                  ? "truncated file: %lu bytes is too short for a header"
                                  : "bad magic (not a .p4b file)",
                 (unsigned long)len);
        return -1;
    }
    r.pos = 4;
    unsigned major = u16(&r, "version"), minor = u16(&r, "version");
    r.minor = minor;
    if (major != P4B_VERSION_MAJOR || minor > P4B_VERSION_MINOR) {
        snprintf(err, errlen, "unsupported version %u.%u (this runtime reads %u.%u)", major, minor,
                 P4B_VERSION_MAJOR, P4B_VERSION_MINOR);
        return -1;
    }
    uint32_t flags = u32(&r, "flags");
    uint32_t size = u32(&r, "file size");
    if (size != len) {
        snprintf(err, errlen, "%s file: expected %lu bytes, got %lu", size > len ? "truncated" : "oversized",
                 (unsigned long)size, (unsigned long)len);
        return -1;
    }
    uint32_t crc = (uint32_t)data[len - 4] | (uint32_t)data[len - 3] << 8 | (uint32_t)data[len - 2] << 16 |
                   (uint32_t)data[len - 1] << 24;
    if (bc_crc32(data, len - 4) != crc) {
        snprintf(err, errlen, "checksum mismatch (file corrupt)");
        return -1;
    }
    if (flags != 0) {
        snprintf(err, errlen, "offset 8: unknown flags 0x%lx", (unsigned long)flags);
        return -1;
    }
    r.len = len - 4; /* the CRC is not part of the body */

    m->nstrings = count(&r, "strings", P4B_MAX_STRINGS, 4);
    m->strings = alloc(&r, m->nstrings * sizeof(P4bString));
    for (uint32_t i = 0; i < m->nstrings && !r.failed; i++) {
        uint32_t n = count(&r, "string bytes", P4B_MAX_STRLEN, 1);
        uint8_t *s = alloc(&r, (size_t)n + 1);
        if (r.failed)
            break;
        memcpy(s, data + r.pos, n);
        s[n] = '\0';
        r.pos += n;
        m->strings[i].len = n;
        m->strings[i].bytes = s;
    }
    m->filename = u32(&r, "filename");
    m->nglobals = count(&r, "globals", P4B_MAX_STRINGS, 4);
    m->globals = alloc(&r, m->nglobals * sizeof(uint32_t));
    for (uint32_t i = 0; i < m->nglobals && !r.failed; i++)
        m->globals[i] = u32(&r, "global name");
    m->ncodes = count(&r, "code objects", P4B_MAX_CODES, 16);
    m->codes = alloc(&r, m->ncodes * sizeof(P4bCode));
    for (uint32_t i = 0; i < m->ncodes && !r.failed; i++)
        read_code(&r, &m->codes[i]);
    if (!r.failed && r.pos != r.len)
        fail(&r, "%lu unexpected bytes after the last code object", (unsigned long)(r.len - r.pos));
    if (!r.failed && validate && p4b_validate(m, err, errlen) != 0)
        r.failed = true;
    if (r.failed) {
        p4b_free(m);
        return -1;
    }
    return 0;
}

/* ---- validation ----------------------------------------------------------------- */

static bool valid_utf8(const uint8_t *s, uint32_t n)
{
    for (uint32_t i = 0; i < n;) {
        uint8_t c = s[i];
        uint32_t k, cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            k = 1, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            k = 2, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            k = 3, cp = c & 0x07;
        } else {
            return false;
        }
        if (n - i <= k)
            return false;
        for (uint32_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xc0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + j] & 0x3f);
        }
        static const uint32_t min[] = {0, 0x80, 0x800, 0x10000};
        if (cp < min[k] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += k + 1;
    }
    return true;
}

typedef struct Checker {
    const P4bModule *m;
    char *err;
    size_t errlen;
    uint8_t *text; /* per string: must be valid UTF-8 */
} Checker;

static int bad(Checker *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, c->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

/* A K_LONG's text: an optional '-', then decimal digits without a leading
 * zero, for a value outside int32 (inside, the constant must be K_INT: one
 * representation per value). */
static bool long_text_ok(const P4bString *s)
{
    uint32_t i = s->len && s->bytes[0] == '-' ? 1 : 0, n = s->len - i;
    if (n == 0 || s->bytes[i] == '0')
        return false;
    for (uint32_t k = i; k < s->len; k++)
        if (s->bytes[k] < '0' || s->bytes[k] > '9')
            return false;
    if (n != 10)
        return n > 10;
    /* ten digits: beyond 2147483647 (2147483648 for a negative)? */
    return memcmp(s->bytes + i, i ? "2147483648" : "2147483647", 10) > 0;
}

static int check_string(Checker *c, uint32_t idx, const char *what, uint32_t code)
{
    if (idx >= c->m->nstrings)
        return bad(c, "code %lu: %s: string index %lu out of range (%lu strings)", (unsigned long)code,
                   what, (unsigned long)idx, (unsigned long)c->m->nstrings);
    c->text[idx] = 1;
    return 0;
}

static const char *code_name(const P4bModule *m, const P4bCode *code)
{
    return code->name < m->nstrings ? (const char *)m->strings[code->name].bytes : "?";
}

/* CALL_KW takes its keyword names from the stack, and the interpreter
 * trusts them to be strings of a constant that needs no rooting: so the
 * instruction before it must be a LOAD_CONST of a tuple of str constants,
 * and nothing may jump to the CALL_KW past that load (a jump, or an
 * exception handler, would bring some other value). */
static int check_call_kw(Checker *c, uint32_t ci, const P4bCode *code)
{
    uint8_t *target = NULL;
    int rc = 0;
    for (uint32_t pc = 0; pc < code->ninsns && rc == 0; pc++) {
        if (BC_OP(code->insns[pc]) != OP_CALL_KW)
            continue;
        const char *problem = NULL;
        uint32_t prev = pc ? code->insns[pc - 1] : 0;
        if (pc == 0 || BC_OP(prev) != OP_LOAD_CONST || BC_ARG(prev) >= code->nconsts ||
            code->consts[BC_ARG(prev)].kind != K_TUPLE) {
            problem = "must follow a LOAD_CONST of its keyword names (a tuple)";
        } else {
            const P4bConst *names = &code->consts[BC_ARG(prev)];
            for (uint32_t i = 0; i < names->u.tuple.count && !problem; i++) {
                uint32_t item = names->u.tuple.items[i];
                if (item >= code->nconsts || code->consts[item].kind != K_STR)
                    problem = "keyword names must be str constants";
            }
        }
        if (!problem) {
            if (!target) { /* built at the first CALL_KW: most code has none */
                target = calloc(code->ninsns, 1);
                if (!target)
                    return bad(c, "out of memory");
                for (uint32_t j = 0; j < code->ninsns; j++)
                    if (bc_opinfo[BC_OP(code->insns[j])].argkind == ARG_JUMP && BC_ARG(code->insns[j]) < code->ninsns)
                        target[BC_ARG(code->insns[j])] = 1;
                for (uint32_t e = 0; e < code->nexc; e++)
                    if (code->exc[e].handler < code->ninsns)
                        target[code->exc[e].handler] = 1;
            }
            if (target[pc])
                problem = "is a jump target, so its names may not be on the stack";
        }
        if (problem)
            rc = bad(c, "code %lu ('%s'): instruction %lu (CALL_KW): %s", (unsigned long)ci, code_name(c->m, code),
                     (unsigned long)pc, problem);
    }
    free(target);
    return rc;
}

static int check_code(Checker *c, uint32_t ci, uint32_t *scratch)
{
    const P4bModule *m = c->m;
    const P4bCode *code = &m->codes[ci];
    if (check_string(c, code->name, "name", ci) || check_string(c, code->qualname, "qualname", ci))
        return -1;
    if (code->doc && check_string(c, code->doc - 1, "docstring", ci))
        return -1;
    const char *name = code_name(m, code);
    /* flags: *args, **kwargs and the keyword-only count (CODE_* in vm/obj.h) */
    if (code->flags & ~CODE_FLAGS_KNOWN)
        return bad(c, "code %lu ('%s'): unknown flags 0x%x", (unsigned long)ci, name, code->flags);
    unsigned named = code->nparams + (code->flags >> 8) + (code->flags & 1) + ((code->flags >> 1) & 1);
    if (code->nlocals > P4B_MAX_LOCALS || code->nparams > code->nlocals || named > code->nlocals)
        return bad(c, "code %lu ('%s'): %u params and %u locals are inconsistent", (unsigned long)ci, name,
                   code->nparams, code->nlocals);
    for (uint32_t i = 0; i < code->nlocals; i++)
        if (check_string(c, code->localnames[i], "local name", ci))
            return -1;
    if (code->ninsns == 0 || code->ninsns > P4B_MAX_INSNS)
        return bad(c, "code %lu ('%s'): %lu instructions", (unsigned long)ci, name, (unsigned long)code->ninsns);
    for (uint32_t k = 0; k < code->nconsts; k++) {
        const P4bConst *kc = &code->consts[k];
        switch (kc->kind) {
        case K_NONE: case K_FALSE: case K_TRUE: case K_INT: case K_FLOAT: case K_IMAG:
            break;
        case K_STR:
            if (check_string(c, kc->u.index, "str constant", ci))
                return -1;
            break;
        case K_BYTES:
            if (kc->u.index >= m->nstrings)
                return bad(c, "code %lu ('%s'): constant %lu: bytes index out of range", (unsigned long)ci,
                           name, (unsigned long)k);
            break;
        case K_LONG:
            if (kc->u.index >= m->nstrings || !long_text_ok(&m->strings[kc->u.index]))
                return bad(c, "code %lu ('%s'): constant %lu: an int constant must be the decimal text of a "
                           "value outside int32", (unsigned long)ci, name, (unsigned long)k);
            break;
        case K_CODE:
            if (kc->u.index <= ci || kc->u.index >= m->ncodes)
                return bad(c, "code %lu ('%s'): constant %lu: code index %lu must be after %lu and below %lu",
                           (unsigned long)ci, name, (unsigned long)k, (unsigned long)kc->u.index,
                           (unsigned long)ci, (unsigned long)m->ncodes);
            break;
        case K_TUPLE:
            if (kc->u.tuple.count > P4B_MAX_TUPLE)
                return bad(c, "code %lu ('%s'): constant %lu: tuple too long", (unsigned long)ci, name,
                           (unsigned long)k);
            for (uint32_t i = 0; i < kc->u.tuple.count; i++)
                if (kc->u.tuple.items[i] >= k)
                    return bad(c, "code %lu ('%s'): constant %lu: tuple item %lu must refer to an earlier constant",
                               (unsigned long)ci, name, (unsigned long)k, (unsigned long)i);
            break;
        default:
            return bad(c, "code %lu ('%s'): constant %lu: unknown kind %u", (unsigned long)ci, name,
                       (unsigned long)k, kc->kind);
        }
    }
    for (uint32_t pc = 0; pc < code->ninsns; pc++) {
        uint32_t w = code->insns[pc], op = BC_OP(w), arg = BC_ARG(w), limit = 0;
        if (op >= OP__COUNT)
            return bad(c, "code %lu ('%s'): instruction %lu: unknown opcode %lu", (unsigned long)ci, name,
                       (unsigned long)pc, (unsigned long)op);
        const char *what = NULL;
        switch (bc_opinfo[op].argkind) {
        case ARG_CONST:  limit = code->nconsts; what = "constant"; break;
        case ARG_LOCAL:  limit = code->nlocals; what = "local"; break;
        case ARG_GLOBAL: limit = m->nglobals; what = "global"; break;
        case ARG_NAME:   limit = m->nstrings; what = "name"; break;
        case ARG_JUMP:   limit = code->ninsns; what = "jump target"; break;
        default:         break;
        }
        if (what && arg >= limit)
            return bad(c, "code %lu ('%s'): instruction %lu (%s): %s %lu out of range (%lu)", (unsigned long)ci,
                       name, (unsigned long)pc, bc_opinfo[op].name, what, (unsigned long)arg,
                       (unsigned long)limit);
        if (bc_opinfo[op].argkind == ARG_NAME)
            c->text[arg] = 1;
        if (op == OP_MAKE_CLOSURE) { /* a tuple of int sources: local slots, or -1-k for cell k */
            const P4bConst *spec = &code->consts[arg];
            bool ok = spec->kind == K_TUPLE;
            for (uint32_t i = 0; ok && i < spec->u.tuple.count; i++) {
                const P4bConst *item = &code->consts[spec->u.tuple.items[i]];
                ok = item->kind == K_INT && item->u.i < (int32_t)code->nlocals;
            }
            if (!ok)
                return bad(c, "code %lu ('%s'): instruction %lu (MAKE_CLOSURE): constant %lu is not a tuple of "
                           "closure sources", (unsigned long)ci, name, (unsigned long)pc, (unsigned long)arg);
        }
    }
    if (check_call_kw(c, ci, code))
        return -1;
    const char *lerr = bc_linetab_check(code->linetab, code->linetab_len, code->ninsns);
    if (lerr)
        return bad(c, "code %lu ('%s'): %s", (unsigned long)ci, name, lerr);
    const char *serr;
    uint32_t spc;
    long depth = bc_verify_stack(code->insns, code->ninsns, code->exc, code->nexc, scratch, &serr, &spc);
    if (depth < 0)
        return bad(c, "code %lu ('%s'): instruction %lu: %s", (unsigned long)ci, name, (unsigned long)spc, serr);
    if (depth > code->maxstack)
        return bad(c, "code %lu ('%s'): declared stack size %u is below the needed %ld", (unsigned long)ci, name,
                   code->maxstack, depth);
    if (bc_verify_methods(code->insns, code->ninsns, code->exc, code->nexc, &serr, &spc) != 0)
        return bad(c, "code %lu ('%s'): instruction %lu: %s", (unsigned long)ci, name, (unsigned long)spc, serr);
    return 0;
}

int p4b_validate(const P4bModule *m, char *err, size_t errlen)
{
    Checker c = {m, err, errlen, NULL};
    if (m->ncodes == 0) {
        snprintf(err, errlen, "no code objects");
        return -1;
    }
    c.text = calloc((size_t)m->nstrings + 1, 1);
    uint32_t maxn = 1;
    for (uint32_t i = 0; i < m->ncodes; i++)
        if (m->codes[i].ninsns > maxn)
            maxn = m->codes[i].ninsns;
    uint32_t *scratch = malloc(2 * (size_t)maxn * sizeof(uint32_t));
    uint8_t *seen = calloc((size_t)m->nstrings + 1, 1);
    int rc = 0;
    if (!c.text || !scratch || !seen) {
        snprintf(err, errlen, "out of memory");
        rc = -1;
        goto done;
    }
    if (m->filename >= m->nstrings) {
        rc = bad(&c, "filename index out of range");
        goto done;
    }
    c.text[m->filename] = 1;
    for (uint32_t g = 0; g < m->nglobals; g++) {
        if (m->globals[g] >= m->nstrings || seen[m->globals[g]]) {
            rc = bad(&c, "global %lu: %s", (unsigned long)g,
                     m->globals[g] >= m->nstrings ? "string index out of range" : "duplicate name");
            goto done;
        }
        seen[m->globals[g]] = 1;
        c.text[m->globals[g]] = 1;
    }
    for (uint32_t i = 0; i < m->ncodes && rc == 0; i++)
        rc = check_code(&c, i, scratch);
    for (uint32_t s = 0; s < m->nstrings && rc == 0; s++)
        if (c.text[s] && !valid_utf8(m->strings[s].bytes, m->strings[s].len))
            rc = bad(&c, "string %lu is not valid UTF-8", (unsigned long)s);
done:
    free(c.text);
    free(scratch);
    free(seen);
    return rc;
}

/* ---- writing ------------------------------------------------------------------- */

typedef struct Writer {
    uint8_t *buf;
    size_t len, cap;
    bool oom;
} Writer;

static void put(Writer *w, const void *p, size_t n)
{
    if (w->oom || n == 0)
        return;
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 1024;
        while (cap < w->len + n)
            cap *= 2;
        uint8_t *nb = realloc(w->buf, cap);
        if (!nb) {
            w->oom = true;
            return;
        }
        w->buf = nb;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

static void put32(Writer *w, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    put(w, b, 4);
}

static void put16(Writer *w, uint16_t v)
{
    uint8_t b[2] = {(uint8_t)v, (uint8_t)(v >> 8)};
    put(w, b, 2);
}

int p4b_write(const P4bModule *m, uint8_t **out, size_t *outlen)
{
    Writer w = {0};
    put(&w, P4B_MAGIC, 4);
    put16(&w, P4B_VERSION_MAJOR);
    put16(&w, P4B_VERSION_MINOR);
    put32(&w, 0);
    put32(&w, 0); /* size, patched below */
    put32(&w, m->nstrings);
    for (uint32_t i = 0; i < m->nstrings; i++) {
        put32(&w, m->strings[i].len);
        put(&w, m->strings[i].bytes, m->strings[i].len);
    }
    put32(&w, m->filename);
    put32(&w, m->nglobals);
    for (uint32_t i = 0; i < m->nglobals; i++)
        put32(&w, m->globals[i]);
    put32(&w, m->ncodes);
    for (uint32_t i = 0; i < m->ncodes; i++) {
        const P4bCode *c = &m->codes[i];
        put32(&w, c->name);
        put32(&w, c->qualname);
        put32(&w, c->doc);
        put32(&w, c->firstline);
        put16(&w, c->nparams);
        put16(&w, c->nlocals);
        put16(&w, c->maxstack);
        put16(&w, c->flags);
        for (uint32_t k = 0; k < c->nlocals; k++)
            put32(&w, c->localnames[k]);
        put32(&w, c->ninsns);
        for (uint32_t k = 0; k < c->ninsns; k++)
            put32(&w, c->insns[k]);
        put32(&w, c->nconsts);
        for (uint32_t k = 0; k < c->nconsts; k++) {
            const P4bConst *kc = &c->consts[k];
            put(&w, &kc->kind, 1);
            switch (kc->kind) {
            case K_INT:
                put32(&w, (uint32_t)kc->u.i);
                break;
            case K_FLOAT:
            case K_IMAG: {
                uint32_t bits;
                memcpy(&bits, &kc->u.f, 4);
                put32(&w, bits);
                break;
            }
            case K_STR:
            case K_BYTES:
            case K_CODE:
            case K_LONG:
                put32(&w, kc->u.index);
                break;
            case K_TUPLE:
                put32(&w, kc->u.tuple.count);
                for (uint32_t t = 0; t < kc->u.tuple.count; t++)
                    put32(&w, kc->u.tuple.items[t]);
                break;
            default:
                break;
            }
        }
        put32(&w, c->nexc);
        for (uint32_t k = 0; k < c->nexc; k++) {
            put32(&w, c->exc[k].start);
            put32(&w, c->exc[k].end);
            put32(&w, c->exc[k].handler);
            put32(&w, c->exc[k].depth);
        }
        put32(&w, c->linetab_len);
        put(&w, c->linetab, c->linetab_len);
    }
    put32(&w, 0); /* CRC placeholder */
    if (w.oom || w.len > UINT32_MAX) {
        free(w.buf);
        return -1;
    }
    uint32_t size = (uint32_t)w.len;
    for (int i = 0; i < 4; i++)
        w.buf[12 + i] = (uint8_t)(size >> (8 * i));
    uint32_t crc = bc_crc32(w.buf, w.len - 4);
    for (int i = 0; i < 4; i++)
        w.buf[w.len - 4 + i] = (uint8_t)(crc >> (8 * i));
    *out = w.buf;
    *outlen = w.len;
    return 0;
}
