/*
 * asm.c - the JIT's assembler on top of rv_encode (asm.h explains the use).
 */
#include "rv32/asm.h"

#include <stdlib.h>
#include <string.h>

#define UNBOUND 0xffffffffu

void rv_asm_init(RvAsm *a, uint8_t *buf, size_t cap, uint32_t base, bool rvc)
{
    memset(a, 0, sizeof *a);
    a->code = buf;
    a->cap = buf ? cap : 0;
    a->owned = buf == NULL;
    a->base = base;
    a->rvc = rvc;
}

void rv_asm_free(RvAsm *a)
{
    if (a->owned)
        free(a->code);
    free(a->labels);
    free(a->chains);
    free(a->fixups);
    memset(a, 0, sizeof *a);
}

static void fail(RvAsm *a, int status)
{
    if (a->status == RV_ASM_OK)
        a->status = status;
    if (status != RV_ASM_RETRY_FAR && a->log) /* (its code is not whole: no replay) */
        a->log->lost = true;
}

/* An entry for a call about to be made, or NULL (no log, or no memory for
 * it: then the log is lost); `done` records where the call's bytes end. */
static RvAsmOp *record(RvAsm *a, unsigned kind, uint32_t arg)
{
    RvAsmLog *l = a->log;
    if (!l || l->lost)
        return NULL;
    if (l->n == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 64;
        RvAsmOp *ops = l->owned ? realloc(l->ops, cap * sizeof *ops) : malloc(cap * sizeof *ops);
        if (!ops) {
            l->lost = true;
            return NULL;
        }
        if (!l->owned && l->n)
            memcpy(ops, l->ops, l->n * sizeof *ops);
        l->ops = ops, l->cap = cap, l->owned = true;
    }
    RvAsmOp *op = &l->ops[l->n++];
    op->at = op->end = (uint32_t)a->len;
    op->arg = arg, op->op = 0, op->kind = (uint8_t)kind, op->r1 = op->r2 = 0, op->rvc = a->rvc;
    return op;
}

static void done(const RvAsm *a, RvAsmOp *op)
{
    if (op)
        op->end = (uint32_t)a->len;
}

static bool reserve(RvAsm *a, size_t n)
{
    if (a->len + n <= a->cap)
        return true;
    if (!a->owned) {
        fail(a, RV_ASM_FULL);
        return false;
    }
    size_t cap = a->cap ? a->cap * 2 : 256;
    while (cap < a->len + n)
        cap *= 2;
    uint8_t *nc = realloc(a->code, cap);
    if (!nc) {
        fail(a, RV_ASM_NO_MEMORY);
        return false;
    }
    a->code = nc;
    a->cap = cap;
    return true;
}

/* Little-endian whatever the host. Stores through a local pointer: a loop
 * over a->code[a->len++] reloaded both fields for every byte. */
static void put(RvAsm *a, uint32_t w, int len)
{
    if (!reserve(a, (size_t)len))
        return;
    uint8_t *p = a->code + a->len;
    p[0] = (uint8_t)w;
    p[1] = (uint8_t)(w >> 8);
    if (len == 4) {
        p[2] = (uint8_t)(w >> 16);
        p[3] = (uint8_t)(w >> 24);
    }
    a->len += (size_t)len;
}

static bool prime(unsigned r) { return r >= 8 && r <= 15; }
static bool fits(int32_t v, int bits) { return v >= -(1 << (bits - 1)) && v < (1 << (bits - 1)); }

/* The compressed instruction equivalent to `in`, if the operands allow one. */
static bool compress(const RvInsn *in, RvInsn *c)
{
    memset(c, 0, sizeof *c);
    c->len = 2;
    unsigned rd = in->rd, rs1 = in->rs1, rs2 = in->rs2;
    int32_t imm = in->imm;
    switch (in->op) {
    case RV_ADDI:
        if (rd != 0 && rs1 == 0 && fits(imm, 6))
            c->op = RV_C_LI, c->rd = (uint8_t)rd;
        else if (rd == 2 && rs1 == 2 && imm != 0 && imm % 16 == 0 && fits(imm, 10))
            c->op = RV_C_ADDI16SP, c->rd = c->rs1 = 2;
        else if (rd != 0 && rd == rs1 && imm != 0 && fits(imm, 6))
            c->op = RV_C_ADDI, c->rd = c->rs1 = (uint8_t)rd;
        else if (prime(rd) && rs1 == 2 && imm > 0 && imm < 1024 && imm % 4 == 0)
            c->op = RV_C_ADDI4SPN, c->rd = (uint8_t)rd, c->rs1 = 2;
        else if (rd != 0 && rs1 != 0 && imm == 0)
            c->op = RV_C_MV, c->rd = (uint8_t)rd, c->rs2 = (uint8_t)rs1;
        else
            return false;
        c->imm = c->op == RV_C_MV ? 0 : imm;
        return true;
    case RV_LUI: {
        int32_t v = (int32_t)((uint32_t)imm << 12) >> 12; /* the 20-bit field, signed */
        if (rd == 0 || rd == 2 || v == 0 || !fits(v, 6))
            return false;
        c->op = RV_C_LUI, c->rd = (uint8_t)rd, c->imm = v * 4096;
        return true;
    }
    case RV_LW:
    case RV_FLW:
        if (rs1 == 2 && imm >= 0 && imm < 256 && imm % 4 == 0 && (rd != 0 || in->op == RV_FLW))
            c->op = in->op == RV_LW ? RV_C_LWSP : RV_C_FLWSP;
        else if (prime(rd) && prime(rs1) && imm >= 0 && imm < 128 && imm % 4 == 0)
            c->op = in->op == RV_LW ? RV_C_LW : RV_C_FLW;
        else
            return false;
        c->rd = (uint8_t)rd, c->rs1 = (uint8_t)rs1, c->imm = imm;
        return true;
    case RV_SW:
    case RV_FSW:
        if (rs1 == 2 && imm >= 0 && imm < 256 && imm % 4 == 0)
            c->op = in->op == RV_SW ? RV_C_SWSP : RV_C_FSWSP;
        else if (prime(rs2) && prime(rs1) && imm >= 0 && imm < 128 && imm % 4 == 0)
            c->op = in->op == RV_SW ? RV_C_SW : RV_C_FSW;
        else
            return false;
        c->rs2 = (uint8_t)rs2, c->rs1 = (uint8_t)rs1, c->imm = imm;
        return true;
    case RV_ADD:
        if (rd != 0 && rs1 == 0 && rs2 != 0)
            c->op = RV_C_MV, c->rd = (uint8_t)rd, c->rs2 = (uint8_t)rs2;
        else if (rd != 0 && rd == rs1 && rs2 != 0)
            c->op = RV_C_ADD, c->rd = c->rs1 = (uint8_t)rd, c->rs2 = (uint8_t)rs2;
        else if (rd != 0 && rd == rs2 && rs1 != 0)
            c->op = RV_C_ADD, c->rd = c->rs1 = (uint8_t)rd, c->rs2 = (uint8_t)rs1; /* add commutes */
        else
            return false;
        return true;
    case RV_SUB:
    case RV_XOR:
    case RV_OR:
    case RV_AND:
        if (!prime(rd) || rd != rs1 || !prime(rs2))
            return false;
        c->op = in->op == RV_SUB ? RV_C_SUB : in->op == RV_XOR ? RV_C_XOR : in->op == RV_OR ? RV_C_OR : RV_C_AND;
        c->rd = c->rs1 = (uint8_t)rd, c->rs2 = (uint8_t)rs2;
        return true;
    case RV_ANDI:
        if (!prime(rd) || rd != rs1 || !fits(imm, 6))
            return false;
        c->op = RV_C_ANDI, c->rd = c->rs1 = (uint8_t)rd, c->imm = imm;
        return true;
    case RV_SRLI:
    case RV_SRAI:
        if (!prime(rd) || rd != rs1 || imm == 0)
            return false;
        c->op = in->op == RV_SRLI ? RV_C_SRLI : RV_C_SRAI, c->rd = c->rs1 = (uint8_t)rd, c->imm = imm;
        return true;
    case RV_SLLI:
        if (rd == 0 || rd != rs1 || imm == 0)
            return false;
        c->op = RV_C_SLLI, c->rd = c->rs1 = (uint8_t)rd, c->imm = imm;
        return true;
    case RV_JAL:
        if ((rd != 0 && rd != 1) || !fits(imm, 12))
            return false;
        c->op = rd ? RV_C_JAL : RV_C_J, c->rd = (uint8_t)rd, c->imm = imm;
        return true;
    case RV_JALR:
        if ((rd != 0 && rd != 1) || rs1 == 0 || imm != 0)
            return false;
        c->op = rd ? RV_C_JALR : RV_C_JR, c->rd = (uint8_t)rd, c->rs1 = (uint8_t)rs1;
        return true;
    case RV_BEQ:
    case RV_BNE:
        if (rs2 != 0 || !prime(rs1) || !fits(imm, 9))
            return false;
        c->op = in->op == RV_BEQ ? RV_C_BEQZ : RV_C_BNEZ, c->rs1 = (uint8_t)rs1, c->imm = imm;
        return true;
    case RV_EBREAK:
        c->op = RV_C_EBREAK;
        return true;
    default:
        return false;
    }
}

void rv_asm_emit(RvAsm *a, const RvInsn *in)
{
    RvInsn c;
    uint32_t w;
    if (a->rvc && in->op < RV_FIRST_C && compress(in, &c) && rv_encode(&c, &w)) {
        put(a, w, 2);
        return;
    }
    if (!rv_encode_rev(in, a->rev, &w)) {
        fail(a, RV_ASM_BAD_OPERAND);
        return;
    }
    /* PIE ops are numbered after the compressed ones, but are 32-bit */
    put(a, w, in->op >= RV_FIRST_C && in->op < RV__COUNT ? 2 : 4);
}

static RvInsn insn(RvOp op, unsigned rd, unsigned rs1, unsigned rs2, int32_t imm)
{
    RvInsn in;
    memset(&in, 0, sizeof in);
    in.op = (uint16_t)op;
    in.len = 4;
    in.rd = (uint8_t)rd;
    in.rs1 = (uint8_t)rs1;
    in.rs2 = (uint8_t)rs2;
    in.imm = imm;
    return in;
}

void rv_asm_li(RvAsm *a, unsigned rd, int32_t value)
{
    RvInsn in;
    if (fits(value, 12)) {
        in = insn(RV_ADDI, rd, 0, 0, value);
        rv_asm_emit(a, &in);
        return;
    }
    /* lui loads the upper 20 bits; addi's sign-extended low 12 bits need
     * the upper part rounded up when bit 11 is set */
    uint32_t v = (uint32_t)value;
    uint32_t hi = (v + 0x800) >> 12 & 0xfffff;
    int32_t lo = (int32_t)(v << 20) >> 20;
    in = insn(RV_LUI, rd, 0, 0, (int32_t)hi);
    rv_asm_emit(a, &in);
    if (lo != 0) {
        in = insn(RV_ADDI, rd, rd, 0, lo);
        rv_asm_emit(a, &in);
    }
}

void rv_asm_mv(RvAsm *a, unsigned rd, unsigned rs)
{
    RvInsn in = insn(RV_ADDI, rd, rs, 0, 0);
    rv_asm_emit(a, &in);
}

uint32_t rv_asm_new_label(RvAsm *a)
{
    if (a->nlabels == a->caplabels) {
        uint32_t cap = a->caplabels ? a->caplabels * 2 : 16;
        uint32_t *nl = realloc(a->labels, cap * sizeof *nl);
        if (nl)
            a->labels = nl;
        RvChain *nc = nl ? realloc(a->chains, cap * sizeof *nc) : NULL;
        if (!nc) {
            fail(a, RV_ASM_NO_MEMORY);
            return 0;
        }
        a->chains = nc;
        a->caplabels = cap;
    }
    a->labels[a->nlabels] = UNBOUND;
    a->chains[a->nlabels] = (RvChain){UNBOUND, UNBOUND};
    return a->nlabels++;
}

static void add_fixup(RvAsm *a, uint32_t label, const RvInsn *in)
{
    if (a->nfixups == a->capfixups) {
        uint32_t cap = a->capfixups ? a->capfixups * 2 : 16;
        RvFixup *nf = realloc(a->fixups, cap * sizeof *nf);
        if (!nf) {
            fail(a, RV_ASM_NO_MEMORY);
            return;
        }
        a->fixups = nf;
        a->capfixups = cap;
    }
    uint32_t i = a->nfixups++;
    RvFixup *f = &a->fixups[i];
    f->at = (uint32_t)a->len;
    f->label = label;
    f->branch = UINT32_MAX;
    f->next = UNBOUND;
    f->insn = *in;
    RvChain *c = &a->chains[label];
    if (c->first == UNBOUND)
        c->first = i;
    else
        a->fixups[c->last].next = i;
    c->last = i;
}

/* Branch number n is to take the long form next time (false: no memory). */
static bool mark_far(RvFarMarks *m, uint32_t n)
{
    if (n >= m->cap) {
        uint32_t cap = m->cap ? m->cap : 64;
        while (cap <= n)
            cap *= 2;
        uint8_t *nf = realloc(m->far, cap);
        if (!nf)
            return false;
        memset(nf + m->cap, 0, cap - m->cap);
        m->far = nf, m->cap = cap;
    }
    m->set += !m->far[n];
    m->far[n] = 1;
    return true;
}

/* Fills in a 32-bit branch or jump at f->at now that its label is known. */
static void resolve(RvAsm *a, const RvFixup *f)
{
    RvInsn in = f->insn;
    in.imm = (int32_t)(a->labels[f->label] - f->at);
    if (in.op == RV_ESP_LP_SETUP) /* the label follows the body's last (4-byte) instruction */
        in.imm -= 4;
    uint32_t w;
    if (!rv_encode_rev(&in, in.op == RV_ESP_LP_SETUP ? RV_REV_3 : RV_REV_NONE, &w)) {
        if (in.op == RV_ESP_LP_SETUP) { /* a body longer than the offset field reaches */
            fail(a, RV_ASM_BAD_OPERAND);
            return;
        }
        /* a short forward branch that does not reach */
        if (in.op != RV_JAL && a->marks && f->branch != UINT32_MAX)
            mark_far(a->marks, f->branch); /* (no memory: nothing marked, the caller's retry sees it) */
        fail(a, in.op == RV_JAL ? RV_ASM_BAD_OPERAND : RV_ASM_RETRY_FAR);
        return;
    }
    if (f->at + 4 <= a->len)
        for (int i = 0; i < 4; i++)
            a->code[f->at + (uint32_t)i] = (uint8_t)(w >> (8 * i));
}

void rv_asm_bind(RvAsm *a, uint32_t label)
{
    record(a, RV_OP_BIND, label);
    if (label >= a->nlabels)
        return;
    a->labels[label] = (uint32_t)a->len;
    for (uint32_t i = a->chains[label].first; i != UNBOUND; i = a->fixups[i].next)
        resolve(a, &a->fixups[i]);
}

static RvOp inverse(RvOp op)
{
    switch (op) {
    case RV_BEQ:  return RV_BNE;
    case RV_BNE:  return RV_BEQ;
    case RV_BLT:  return RV_BGE;
    case RV_BGE:  return RV_BLT;
    case RV_BLTU: return RV_BGEU;
    default:      return RV_BLTU;
    }
}

/* Emits a 32-bit instruction as is (never compressed: fixed-size sequences). */
static void put_full(RvAsm *a, const RvInsn *in)
{
    uint32_t w;
    if (!rv_encode(in, &w)) {
        fail(a, RV_ASM_BAD_OPERAND);
        return;
    }
    put(a, w, 4);
}

static void branch(RvAsm *a, RvOp op, unsigned rs1, unsigned rs2, uint32_t label);

void rv_asm_branch(RvAsm *a, RvOp op, unsigned rs1, unsigned rs2, uint32_t label)
{
    RvAsmOp *r = record(a, RV_OP_BRANCH, label);
    if (r)
        r->op = (uint16_t)op, r->r1 = (uint8_t)rs1, r->r2 = (uint8_t)rs2;
    branch(a, op, rs1, rs2, label);
    done(a, r);
}

static void branch(RvAsm *a, RvOp op, unsigned rs1, unsigned rs2, uint32_t label)
{
    if (label >= a->nlabels) {
        fail(a, RV_ASM_UNBOUND);
        return;
    }
    uint32_t target = a->labels[label];
    if (target != UNBOUND) { /* backward: the distance is known */
        int32_t dist = (int32_t)(target - (uint32_t)a->len);
        RvInsn in = insn(op, 0, rs1, rs2, dist);
        if (fits(dist, 13)) {
            rv_asm_emit(a, &in);
            return;
        }
        RvInsn skip = insn(inverse(op), 0, rs1, rs2, 8), jump = insn(RV_JAL, 0, 0, 0, dist - 4);
        put_full(a, &skip);
        put_full(a, &jump);
        return;
    }
    uint32_t n = a->nbranch++;
    if (a->far_branches || (a->marks && n < a->marks->cap && a->marks->far[n])) {
        /* forward, long form: inverted branch over a jal */
        RvInsn skip = insn(inverse(op), 0, rs1, rs2, 8);
        put_full(a, &skip);
        RvInsn jump = insn(RV_JAL, 0, 0, 0, 0);
        add_fixup(a, label, &jump);
        put(a, rv_info[RV_JAL].match, 4);
        return;
    }
    RvInsn in = insn(op, 0, rs1, rs2, 0);
    uint32_t nf = a->nfixups;
    add_fixup(a, label, &in);
    if (a->nfixups > nf)
        a->fixups[nf].branch = n;
    put(a, rv_info[op].match, 4);
}

static void jump_to(RvAsm *a, unsigned rd, uint32_t label, bool wide);

static void jump(RvAsm *a, unsigned rd, uint32_t label, bool wide)
{
    RvAsmOp *r = record(a, wide ? RV_OP_JUMP_WIDE : RV_OP_JUMP, label);
    if (r)
        r->r1 = (uint8_t)rd;
    jump_to(a, rd, label, wide);
    done(a, r);
}

static void jump_to(RvAsm *a, unsigned rd, uint32_t label, bool wide)
{
    if (label >= a->nlabels) {
        fail(a, RV_ASM_UNBOUND);
        return;
    }
    uint32_t target = a->labels[label];
    RvInsn in = insn(RV_JAL, rd, 0, 0, 0);
    if (target != UNBOUND) {
        in.imm = (int32_t)(target - (uint32_t)a->len);
        if (wide)
            put_full(a, &in);
        else
            rv_asm_emit(a, &in);
        return;
    }
    add_fixup(a, label, &in);
    put(a, rv_info[RV_JAL].match | (uint32_t)rd << 7, 4);
}

void rv_asm_jump(RvAsm *a, unsigned rd, uint32_t label) { jump(a, rd, label, false); }

void rv_asm_lp_setup(RvAsm *a, unsigned id, unsigned rs1, uint32_t end)
{
    if (end >= a->nlabels || a->labels[end] != UNBOUND) {
        fail(a, RV_ASM_UNBOUND);
        return;
    }
    RvAsmOp *r = record(a, RV_OP_LP_SETUP, end);
    if (r)
        r->r1 = (uint8_t)id, r->r2 = (uint8_t)rs1;
    RvInsn in = insn(RV_ESP_LP_SETUP, 0, rs1, 0, 0);
    in.sel = (uint8_t)id;
    add_fixup(a, end, &in);
    put(a, 0x0000402bu | (id & 1) << 7 | (rs1 & 31) << 15, 4); /* (the offset when bound) */
    done(a, r);
}

void rv_asm_jump_wide(RvAsm *a, unsigned rd, uint32_t label) { jump(a, rd, label, true); }

static void call(RvAsm *a, uint32_t target);

void rv_asm_call(RvAsm *a, uint32_t target)
{
    RvAsmOp *r = record(a, RV_OP_CALL, target);
    call(a, target);
    done(a, r);
}

static void call(RvAsm *a, uint32_t target)
{
    uint32_t pc = a->base + (uint32_t)a->len;
    int32_t dist = (int32_t)(target - pc);
    if (fits(dist, 21)) {
        RvInsn in = insn(RV_JAL, 1, 0, 0, dist);
        rv_asm_emit(a, &in);
        return;
    }
    /* auipc ra, hi; jalr ra, lo(ra): hi rounded so that lo's sign extension adds up */
    uint32_t hi = ((uint32_t)dist + 0x800) >> 12 & 0xfffff;
    int32_t lo = (int32_t)((uint32_t)dist << 20) >> 20;
    RvInsn auipc = insn(RV_AUIPC, 1, 0, 0, (int32_t)hi), jalr = insn(RV_JALR, 1, 1, 0, lo);
    put_full(a, &auipc);
    put_full(a, &jalr);
}

int rv_asm_finish(RvAsm *a)
{
    for (uint32_t i = 0; i < a->nfixups && a->status == RV_ASM_OK; i++)
        if (a->labels[a->fixups[i].label] == UNBOUND)
            fail(a, RV_ASM_UNBOUND);
    return a->status;
}

bool rv_asm_log_code(RvAsmLog *log, const RvAsm *a)
{
    free(log->code);
    log->code = malloc(a->len ? a->len : 1);
    if (!log->code) {
        log->lost = true;
        return false;
    }
    memcpy(log->code, a->code, a->len);
    log->len = (uint32_t)a->len, log->nlabels = a->nlabels;
    return true;
}

/* the instructions between two recorded calls, as they were made */
static void copy_code(RvAsm *a, const uint8_t *from, uint32_t n)
{
    if (n && reserve(a, n)) {
        memcpy(a->code + a->len, from, n);
        a->len += n;
    }
}

int rv_asm_replay(RvAsm *a, const RvAsmLog *log)
{
    bool rvc = a->rvc;
    a->log = NULL;
    uint32_t from = 0;
    while (a->nlabels < log->nlabels && a->status == RV_ASM_OK) /* (labels are numbers: made earlier, the same) */
        rv_asm_new_label(a);
    /* (on after a failure, as the recorded assembly went: a branch out
     * of reach marks the others that do not reach either) */
    for (uint32_t i = 0; i < log->n; i++) {
        const RvAsmOp *op = &log->ops[i];
        copy_code(a, log->code + from, op->at - from);
        a->rvc = op->rvc;
        switch ((enum RvAsmOpKind)op->kind) {
        case RV_OP_BIND:      rv_asm_bind(a, op->arg); break;
        case RV_OP_BRANCH:    branch(a, (RvOp)op->op, op->r1, op->r2, op->arg); break;
        case RV_OP_JUMP:      jump_to(a, op->r1, op->arg, false); break;
        case RV_OP_JUMP_WIDE: jump_to(a, op->r1, op->arg, true); break;
        case RV_OP_LP_SETUP:  rv_asm_lp_setup(a, op->r1, op->r2, op->arg); break;
        case RV_OP_CALL:      call(a, op->arg); break;
        }
        from = op->end;
    }
    copy_code(a, log->code + from, log->len - from);
    a->rvc = rvc;
    return rv_asm_finish(a);
}

void rv_asm_log_free(RvAsmLog *log)
{
    if (log->owned)
        free(log->ops);
    free(log->code);
    memset(log, 0, sizeof *log);
}
