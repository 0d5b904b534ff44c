/*
 * bytecode.c - opcode table, stack effects, the stack verifier, line tables.
 */
#include "vm/bytecode.h"

#include <stdlib.h>

const OpInfo bc_opinfo[OP__COUNT] = {
#define P4_OP_INFO(name, kind, pops, pushes, flow) {#name, kind, flow, pops, pushes},
    P4_OPCODES(P4_OP_INFO)
#undef P4_OP_INFO
};

int bc_stack_pops(uint32_t insn)
{
    unsigned op = BC_OP(insn);
    uint32_t arg = BC_ARG(insn);
    switch (op) {
    case OP_BUILD_SLICE:
    case OP_BUILD_TUPLE:
    case OP_BUILD_LIST:
    case OP_BUILD_STRING:
    case OP_ASSERT_FAIL:     return (int)arg;
    case OP_BUILD_SET:       return (int)BUILD_SET_COUNT(arg);
    case OP_FORMAT_VALUE:    return arg == 1 ? 2 : 1;
    case OP_BUILD_MAP:       return (int)(2 * arg);
    case OP_UNPACK_SEQUENCE: return 1;
    case OP_CALL:            return (int)arg + 1;
    case OP_CALL_KW:         return (int)arg + 2;
    case OP_CALL_METHOD:     return (int)arg + 2;
    case OP_MAKE_FUNCTION:   return (int)(arg & 0xff) + 1 + (arg & 0x100 ? 1 : 0);
    case OP_CALL_EX:         return (int)arg + 2;
    case OP_LIST_EXTEND:     return (arg & 0x10000) ? (int)(arg & 0xffff) + 2 : (arg & 0xffff) > 1 ? (int)(arg & 0xffff) + 1 : 2;
    case OP_DICT_UPDATE:     return arg > 1 ? (int)arg + 1 : 2;
    case OP_DICT_MERGE:      return (int)arg + 3; /* the function and the arguments below the dict */
    case OP_BUILD_CLASS:     return (int)(arg & 0xff) + 2 + (arg & 0x100 ? 1 : 0);
    case OP_LIST_APPEND:
    case OP_SET_ADD:         return arg > 1 ? (int)arg + 1 : 2; /* the list must exist below */
    case OP_MAP_ADD:         return (int)arg + 2;               /* and the dict below key and value */
    default:                 return bc_opinfo[op].pops;
    }
}

int bc_stack_effect(uint32_t insn, bool jump_edge)
{
    unsigned op = BC_OP(insn);
    uint32_t arg = BC_ARG(insn);
    if (jump_edge) {
        switch (op) {
        case OP_FOR_ITER:             return -1; /* the iterator is popped */
        case OP_SEND:                 return -1; /* it v -> r */
        case OP_JUMP_IF_FALSE_OR_POP:
        case OP_JUMP_IF_TRUE_OR_POP:  return 0;  /* TOS stays */
        default:                      break;
        }
    }
    switch (op) {
    case OP_UNPACK_SEQUENCE: return (int)arg - 1;
    case OP_LIST_APPEND:
    case OP_LIST_EXTEND:
    case OP_DICT_UPDATE:
    case OP_DICT_MERGE:      return -1;
    case OP_UNPACK_EX:       return (int)(arg & 0xff) + (int)(arg >> 8);
    case OP_SET_ADD:         return -1;
    case OP_MAP_ADD:         return -2;
    case OP_ASSERT_FAIL:     return -(int)arg;
    default:                 return bc_opinfo[op].pushes - bc_stack_pops(insn);
    }
}

static bool valid_count(uint32_t insn)
{
    uint32_t arg = BC_ARG(insn);
    switch (BC_OP(insn)) {
    case OP_IS_OP:
    case OP_CONTAINS_OP:
    case OP_ASSERT_FAIL:  return arg <= 1;
    case OP_FORMAT_VALUE: return arg <= 4;
    case OP_BUILD_SLICE:  return arg == 2 || arg == 3;
    case OP_LIST_APPEND:
    case OP_SET_ADD:
    case OP_MAP_ADD:
    case OP_DICT_UPDATE:  return arg >= 1;
    case OP_LIST_EXTEND:  return (arg & 0xffff) >= 1 && (arg & ~0x1ffffu) == 0;
    case OP_DICT_MERGE:   return arg == 1;
    case OP_CALL_EX:      return arg <= 1;
    case OP_MAKE_FUNCTION: return (arg & ~0x1ffu) == 0;
    case OP_UNPACK_EX:    return arg <= 0xffff;
    case OP_BUILD_SET:    return BUILD_SET_COUNT(arg) <= P4B_MAX_STACK && (arg & ~(BUILD_SET_FOLDED | 0xffffu)) == 0;
    default:              return arg <= P4B_MAX_STACK;
    }
}

long bc_verify_stack(const uint32_t *code, uint32_t n, const ExcEntry *exc, uint32_t nexc,
                     uint32_t *scratch, const char **err, uint32_t *err_pc)
{
    /* scratch[0..n): depth+1 at each pc (0 = not reached yet); scratch[n..2n): worklist */
    uint32_t *depth = scratch, *work = scratch + n;
    uint32_t nwork = 0;
    long max = 0;
    *err_pc = 0;
    if (n == 0) {
        *err = "empty code";
        return -1;
    }
    for (uint32_t i = 0; i < n; i++)
        depth[i] = 0;

#define FAIL(msg, pc) do { *err = (msg); *err_pc = (pc); return -1; } while (0)
#define REACH(pc, d)                                                        \
    do {                                                                    \
        uint32_t t_ = (pc);                                                 \
        long d_ = (d);                                                      \
        if (d_ > (long)P4B_MAX_STACK) FAIL("stack too deep", t_);           \
        if (depth[t_] == 0) {                                               \
            depth[t_] = (uint32_t)d_ + 1;                                   \
            work[nwork++] = t_;                                             \
            if (d_ > max) max = d_;                                         \
        } else if (depth[t_] != (uint32_t)d_ + 1) {                         \
            FAIL("inconsistent stack depth where paths meet", t_);          \
        }                                                                   \
    } while (0)

    for (uint32_t e = 0; e < nexc; e++) {
        const ExcEntry *x = &exc[e];
        if (x->start >= x->end || x->end > n || x->handler >= n)
            FAIL("exception table entry out of range", x->start < n ? x->start : 0);
        if (x->depth + 1 > P4B_MAX_STACK)
            FAIL("exception handler depth too large", x->handler);
    }

    REACH(0, 0);
    while (nwork > 0) {
        uint32_t pc = work[--nwork];
        uint32_t insn = code[pc];
        unsigned op = BC_OP(insn);
        long d = (long)depth[pc] - 1;
        if (op >= OP__COUNT)
            FAIL("unknown opcode", pc);
        const OpInfo *info = &bc_opinfo[op];
        if (info->argkind == ARG_NONE && BC_ARG(insn) != 0 &&
            !(bc_binary_takes_inplace(op) && BC_ARG(insn) == BINARY_ARG_INPLACE))
            FAIL("nonzero argument for an instruction that takes none", pc);
        if (info->argkind == ARG_COUNT && !valid_count(insn))
            FAIL("count argument out of range", pc);
        if (d < bc_stack_pops(insn))
            FAIL("stack underflow", pc);
        /* A handler entered from this pc restarts at its recorded depth. */
        for (uint32_t e = 0; e < nexc; e++) {
            if (pc >= exc[e].start && pc < exc[e].end) {
                if ((long)exc[e].depth > d)
                    FAIL("exception handler depth above the stack it covers", pc);
                REACH(exc[e].handler, (long)exc[e].depth + 1);
                break; /* only the innermost entry catches */
            }
        }
        if (info->flow == FLOW_JUMP || info->flow == FLOW_BRANCH) {
            uint32_t target = BC_ARG(insn);
            if (target >= n)
                FAIL("jump target out of range", pc);
            REACH(target, d + bc_stack_effect(insn, true));
        }
        if (info->flow == FLOW_NEXT || info->flow == FLOW_BRANCH) {
            if (pc + 1 >= n)
                FAIL("control falls off the end of the code", pc);
            REACH(pc + 1, d + bc_stack_effect(insn, false));
        }
    }
#undef REACH
#undef FAIL
    return max;
}

/* ---- LOAD_METHOD pairs ---------------------------------------------------- */

/* The pairs live on the stack at a pc, innermost first: a list of nodes in
 * an arena, shared between the pcs that have the same pairs. */
typedef struct MethodPair {
    uint32_t depth; /* stack slot of the method; its self is the next one */
    int32_t outer;  /* the pair below, -1 for none */
} MethodPair;

static bool same_pairs(const MethodPair *pairs, int32_t a, int32_t b)
{
    while (a != b) {
        if (a < 0 || b < 0 || pairs[a].depth != pairs[b].depth)
            return false;
        a = pairs[a].outer;
        b = pairs[b].outer;
    }
    return true;
}

int bc_verify_methods(const uint32_t *code, uint32_t n, const ExcEntry *exc, uint32_t nexc, const char **err,
                      uint32_t *err_pc)
{
    bool any = false;
    for (uint32_t pc = 0; pc < n && !any; pc++)
        any = BC_OP(code[pc]) == OP_LOAD_METHOD || BC_OP(code[pc]) == OP_CALL_METHOD;
    if (!any)
        return 0; /* most code objects: nothing to track */
    /* depth[pc]: depth + 1 (0: not reached); top[pc]: innermost pair there */
    uint32_t *depth = calloc(n, sizeof *depth), *work = malloc(n * sizeof *work);
    int32_t *top = calloc(n, sizeof *top);
    MethodPair *pairs = malloc(n * sizeof *pairs); /* one per LOAD_METHOD visit at most */
    uint32_t nwork = 0, npairs = 0;
    int rc = 0;
    if (!depth || !work || !top || !pairs) {
        *err = "out of memory";
        *err_pc = 0;
        rc = -1;
        goto done;
    }

#define FAIL(msg, pc) do { *err = (msg); *err_pc = (pc); rc = -1; goto done; } while (0)
#define REACH(to, d, p)                                                            \
    do {                                                                           \
        uint32_t t_ = (to);                                                        \
        if (depth[t_] == 0) {                                                      \
            depth[t_] = (uint32_t)(d) + 1;                                         \
            top[t_] = (p);                                                         \
            work[nwork++] = t_;                                                    \
        } else if (!same_pairs(pairs, top[t_], (p))) {                             \
            FAIL("paths meet with different LOAD_METHOD results on the stack", t_); \
        }                                                                          \
    } while (0)

    REACH(0, 0, -1);
    while (nwork > 0) {
        uint32_t pc = work[--nwork];
        uint32_t insn = code[pc];
        unsigned op = BC_OP(insn);
        long d = (long)depth[pc] - 1;
        int32_t p = top[pc];
        long low = d - bc_stack_pops(insn); /* the lowest slot the instruction touches */
        /* an exception truncates the stack: the pairs above the handler's depth go */
        for (uint32_t e = 0; e < nexc; e++) {
            if (pc >= exc[e].start && pc < exc[e].end) {
                int32_t h = p;
                while (h >= 0 && pairs[h].depth + 2 > exc[e].depth)
                    h = pairs[h].outer;
                REACH(exc[e].handler, (long)exc[e].depth + 1, h);
                break;
            }
        }
        int32_t after = p;
        if (op == OP_CALL_METHOD) {
            if (p < 0 || (long)pairs[p].depth != d - (long)BC_ARG(insn) - 2)
                FAIL("CALL_METHOD without a LOAD_METHOD result below its arguments", pc);
            after = pairs[p].outer;
        } else if (p >= 0 && (long)pairs[p].depth + 2 > low) {
            FAIL("a LOAD_METHOD result is used by an instruction other than CALL_METHOD", pc);
        }
        if (op == OP_LOAD_METHOD) {
            pairs[npairs].depth = (uint32_t)(d - 1);
            pairs[npairs].outer = p;
            after = (int32_t)npairs++;
        }
        const OpInfo *info = &bc_opinfo[op];
        if (info->flow == FLOW_JUMP || info->flow == FLOW_BRANCH)
            REACH(BC_ARG(insn), d + bc_stack_effect(insn, true), after);
        if (info->flow == FLOW_NEXT || info->flow == FLOW_BRANCH)
            REACH(pc + 1, d + bc_stack_effect(insn, false), after);
    }
#undef REACH
#undef FAIL
done:
    free(depth);
    free(work);
    free(top);
    free(pairs);
    return rc;
}

/* ---- line tables --------------------------------------------------------- */

static void put_byte(LineTabWriter *w, uint8_t b)
{
    if (w->oom)
        return;
    if (w->len == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 64;
        uint8_t *nb = realloc(w->buf, cap);
        if (!nb) {
            w->oom = true;
            return;
        }
        w->buf = nb;
        w->cap = cap;
    }
    w->buf[w->len++] = b;
}

static void put_uvarint(LineTabWriter *w, uint32_t v)
{
    while (v >= 0x80) {
        put_byte(w, (uint8_t)(v | 0x80));
        v >>= 7;
    }
    put_byte(w, (uint8_t)v);
}

void bc_linetab_add(LineTabWriter *w, uint32_t pc, int32_t line)
{
    if (line == w->last_line)
        return;
    int32_t delta = line - w->last_line;
    put_uvarint(w, pc - w->last_pc);
    put_uvarint(w, ((uint32_t)delta << 1) ^ (uint32_t)(delta >> 31)); /* zig-zag */
    w->last_pc = pc;
    w->last_line = line;
}

/* Reads one varint; returns false at a truncated or over-long encoding. */
static bool get_uvarint(const uint8_t *tab, size_t len, size_t *pos, uint32_t *out)
{
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        if (*pos >= len)
            return false;
        uint8_t b = tab[(*pos)++];
        if (shift == 28 && (b & 0x70))
            return false;
        v |= (uint32_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *out = v;
            return true;
        }
    }
    return false;
}

static int32_t unzigzag(uint32_t z)
{
    return (int32_t)(z >> 1) ^ -(int32_t)(z & 1);
}

int32_t bc_line_for_pc(const uint8_t *tab, size_t len, int32_t firstline, uint32_t pc)
{
    size_t pos = 0;
    uint32_t at = 0, dpc, zl;
    int32_t line = firstline;
    while (pos < len) {
        if (!get_uvarint(tab, len, &pos, &dpc) || !get_uvarint(tab, len, &pos, &zl))
            break;
        if (at + dpc > pc)
            break;
        at += dpc;
        line = (int32_t)((uint32_t)line + (uint32_t)unzigzag(zl)); /* wraps, never UB */
    }
    return line;
}

const char *bc_linetab_check(const uint8_t *tab, size_t len, uint32_t ninsns)
{
    size_t pos = 0;
    uint32_t at = 0, dpc, zl;
    while (pos < len) {
        if (!get_uvarint(tab, len, &pos, &dpc) || !get_uvarint(tab, len, &pos, &zl))
            return "truncated line table";
        if (dpc > ninsns - at)
            return "line table pc beyond the code";
        at += dpc;
    }
    return NULL;
}

/* ---- CRC-32 (IEEE 802.3 polynomial, reflected) ------------------------------ */

/* The CRC of each 4-bit value (the bitwise step done four times): two
 * lookups a byte instead of eight shifts. Bitwise, the check was 37% of
 * `import asyncio` from a frozen image (3.5 M of 9.5 M instructions). */
static const uint32_t crc32_nibble[16] = {
    0x00000000u, 0x1db71064u, 0x3b6e20c8u, 0x26d930acu, 0x76dc4190u, 0x6b6b51f4u, 0x4db26158u, 0x5005713cu,
    0xedb88320u, 0xf00f9344u, 0xd6d6a3e8u, 0xcb61b38cu, 0x9b64c2b0u, 0x86d3d2d4u, 0xa00ae278u, 0xbdbdf21cu,
};

uint32_t bc_crc32(const uint8_t *data, size_t len)
{
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < len; i++) {
        crc ^= data[i];
        crc = (crc >> 4) ^ crc32_nibble[crc & 15];
        crc = (crc >> 4) ^ crc32_nibble[crc & 15];
    }
    return ~crc;
}
