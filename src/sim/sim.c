/*
 * sim.c - p4sim's execution core: memory, decode cache, CSRs, the
 * interpreter loop, traps and statistics.
 *
 * Instructions are decoded once by the rv32 layer (rv_decode) into a cache
 * of SimOps, one slot per halfword of memory, allocated a page at a time;
 * fence.i drops the cache (self-modifying code is correct after fence.i, as
 * on the chip). Dispatch is a switch on the rv32 opcode enum.
 */
#include <stdlib.h>
#include <string.h>

#include "sim/fpu.h"
#include "sim/sim_internal.h"

/* Trap causes (RISC-V Privileged spec, mcause). */
enum {
    C_IFETCH_MISALIGN = 0, C_IFETCH_FAULT = 1, C_ILLEGAL = 2, C_BREAK = 3, C_LOAD_MISALIGN = 4,
    C_LOAD_FAULT = 5, C_STORE_MISALIGN = 6, C_STORE_FAULT = 7, C_ECALL_M = 11,
};
static const char *const cause_names[12] = {
    "instruction address misaligned", "instruction access fault", "illegal instruction", "breakpoint",
    "load address misaligned", "load access fault", "store address misaligned", "store access fault",
    "", "", "", "environment call from M-mode",
};

const char *const p4sim_mix_names[P4SIM_NMIX] = {"alu",  "branch", "jump",   "load",    "store",
                                                 "mul/div", "fpu", "system", "pie-mem", "pie"};
static const uint8_t mix_of_class[CY__COUNT] = {
    [CY_ALU] = 0, [CY_BRANCH] = 1, [CY_JUMP] = 2, [CY_LOAD] = 3, [CY_STORE] = 4, [CY_MUL] = 5, [CY_DIV] = 5,
    [CY_FPU] = 6, [CY_FDIV] = 6, [CY_CSR] = 7, [CY_PIE_LDST] = 8, [CY_PIE_MAC] = 9,
};

/* Run-loop handlers. Most stand for one rv32 op of the same name; a few
 * serve a family, told apart by SimOp.sub. UNDECODED must be 0 (a zeroed
 * decode-cache slot). */
#define SIM_DIRECT_OPS(X) \
    X(LUI) X(AUIPC) X(JAL) X(JALR) X(BEQ) X(BNE) X(BLT) X(BGE) X(BLTU) X(BGEU) \
    X(LB) X(LH) X(LW) X(LBU) X(LHU) X(SB) X(SH) X(SW) \
    X(ADDI) X(SLTI) X(SLTIU) X(XORI) X(ORI) X(ANDI) X(SLLI) X(SRLI) X(SRAI) \
    X(ADD) X(SUB) X(SLL) X(SLT) X(SLTU) X(XOR) X(SRL) X(SRA) X(OR) X(AND) \
    X(FENCE) X(FENCE_I) X(ECALL) X(EBREAK) X(MRET) X(WFI) \
    X(MUL) X(MULH) X(MULHSU) X(MULHU) X(DIV) X(DIVU) X(REM) X(REMU) X(LR_W) X(SC_W) \
    X(FLW) X(FSW) X(FSGNJ_S) X(FSGNJN_S) X(FSGNJX_S) X(FMV_X_W) X(FMV_W_X) X(FCLASS_S)
#define SIM_HANDLERS(X) \
    X(UNDECODED) X(ILLEGAL) SIM_DIRECT_OPS(X) X(CSR) X(AMO) X(FARITH) X(FMINMAX) X(FCVT_W) X(FCVT_S) X(FCMP) \
    X(PIE) X(LP) X(LPEND) X(SPMOVE)
enum SimHandler {
#define SIM_ENUM(name) H_##name,
    SIM_HANDLERS(SIM_ENUM)
#undef SIM_ENUM
    H__COUNT
};

/* no_simd: the TCM "cannot do 128-bit (PIE) accesses" (esp32p4.md, soc.h) */
static const struct { const char *name; uint32_t base, size; bool no_simd; } region_map[SIM_NREGIONS] = {
    {"qemu-virt ram", 0x80000000u, 0x01200000u, false}, /* flash 2 MB + ram 16 MB of the picolibc link */
    {"p4 l2mem", 0x4ff00000u, 0x000c0000u, false},
    {"p4 tcm", 0x30100000u, 0x00002000u, true},
};

void p4sim_config_default(P4SimConfig *c)
{
    memset(c, 0, sizeof *c);
    c->rev = 3;
    c->out = stdout, c->err = stderr, c->in = stdin, c->diag = stderr;
    c->cycle_model = true;
}

P4Sim *p4sim_new(const P4SimConfig *cfg)
{
    P4Sim *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    if (cfg) s->cfg = *cfg; else p4sim_config_default(&s->cfg);
    s->stats.sp_min = UINT32_MAX;
    if (!s->cfg.out) s->cfg.out = stdout;
    if (!s->cfg.err) s->cfg.err = stderr;
    if (!s->cfg.in) s->cfg.in = stdin;
    if (!s->cfg.diag) s->cfg.diag = stderr;
    for (int i = 0; i < SIM_NREGIONS; i++) {
        Region *r = &s->reg[i];
        r->name = region_map[i].name, r->base = region_map[i].base, r->size = region_map[i].size;
        r->no_simd = region_map[i].no_simd;
        r->mem = calloc(1, r->size);
        r->code = calloc((r->size >> SIM_PAGE_SHIFT) + 1, sizeof *r->code);
        if (!r->mem || !r->code) { p4sim_free(s); return NULL; }
    }
    cy_reset(&s->cy, s->cfg.cache_model);
    s->lp_marked[0] = s->lp_marked[1] = 1;
    return s;
}

void sim_drop_code(P4Sim *s)
{
    for (int i = 0; i < SIM_NREGIONS; i++) {
        Region *r = &s->reg[i];
        if (!r->code) continue;
        for (uint32_t p = 0; p <= r->size >> SIM_PAGE_SHIFT; p++) free(r->code[p]), r->code[p] = NULL;
    }
}

void p4sim_free(P4Sim *s)
{
    if (!s) return;
    sim_drop_code(s);
    for (int i = 0; i < SIM_NREGIONS; i++) free(s->reg[i].mem), free(s->reg[i].code);
    for (int i = 0; i < SIM_MAXFILES; i++)
        if (s->files[i].kind == 4) fclose(s->files[i].fp);
    free(s->cmdline);
    free(s);
}

Region *sim_region(P4Sim *s, uint32_t addr, uint32_t len)
{
    for (int i = 0; i < SIM_NREGIONS; i++) {
        Region *r = &s->reg[i];
        if (addr - r->base < r->size && len <= r->size - (addr - r->base)) return r;
    }
    return NULL;
}

void p4sim_set_args(P4Sim *s, int argc, char *const *argv)
{
    size_t n = 1;
    for (int i = 0; i < argc; i++) n += strlen(argv[i]) + 1;
    free(s->cmdline);
    s->cmdline = malloc(n);
    if (!s->cmdline) return;
    s->cmdline[0] = 0;
    for (int i = 0; i < argc; i++) {
        if (i) strcat(s->cmdline, " ");
        strcat(s->cmdline, argv[i]);
    }
}

int p4sim_exit_code(const P4Sim *s) { return s->exit_code; }
const P4SimStats *p4sim_stats(const P4Sim *s) { return &s->stats; }

uint32_t p4sim_stack_peak(const P4Sim *s)
{
    return s->stats.sp_max > s->stats.sp_min ? s->stats.sp_max - s->stats.sp_min : 0;
}
uint32_t p4sim_get_x(const P4Sim *s, int r) { return r > 0 && r < 32 ? s->x[r] : 0; }
uint32_t p4sim_get_pc(const P4Sim *s) { return s->pc; }

bool p4sim_read_mem(P4Sim *s, uint32_t addr, void *buf, size_t len)
{
    Region *r = sim_region(s, addr, (uint32_t)len);
    if (!r || len > 0xffffffffu) return false;
    memcpy(buf, r->mem + (addr - r->base), len);
    return true;
}

bool p4sim_write_mem(P4Sim *s, uint32_t addr, const void *buf, size_t len)
{
    Region *r = sim_region(s, addr, (uint32_t)len);
    if (!r || len > 0xffffffffu) return false;
    memcpy(r->mem + (addr - r->base), buf, len);
    sim_drop_code(s); /* the bytes may be code */
    return true;
}

void p4sim_set_x(P4Sim *s, int r, uint32_t v) { if (r > 0 && r < 32) s->x[r] = v; }
void p4sim_set_pc(P4Sim *s, uint32_t pc) { s->pc = pc; }
void p4sim_get_pie(const P4Sim *s, P4SimPie *out) { *out = s->pie; }
void p4sim_set_pie(P4Sim *s, const P4SimPie *in) { s->pie = *in; }

bool p4sim_load_raw(P4Sim *s, uint32_t addr, const void *bytes, size_t n)
{
    if ((addr & 1) || !p4sim_write_mem(s, addr, bytes, n)) return false;
    s->entry = s->pc = addr;
    s->loaded = true;
    return true;
}

static RvRev sim_rev(const P4Sim *s) { return s->cfg.rev == 1 ? RV_REV_1 : RV_REV_3; }

/* ---- decode ---- */

/* Register ids for the cycle model's scoreboard: x1..x31 = 1..31, f0..f31 =
 * 32..63, 0 = none (x0 never stalls). */
static void operands(const RvInsn *in, uint8_t fmt, int *s1, int *s2, int *s3, int *d)
{
    int X = 0, F = 32;
    *s1 = *s2 = *s3 = 0, *d = 0;
    switch (fmt) {
    case RVF_R: case RVF_AMO: *s1 = X + in->rs1, *s2 = X + in->rs2, *d = X + in->rd; break;
    case RVF_I: case RVF_SHIFT: case RVF_LOAD: case RVF_JALR: case RVF_LR: case RVF_CSR:
        *s1 = X + in->rs1, *d = X + in->rd; break;
    case RVF_STORE: case RVF_BRANCH: *s1 = X + in->rs1, *s2 = X + in->rs2; break;
    case RVF_U: case RVF_JAL: case RVF_CSRI: *d = X + in->rd; break;
    case RVF_FLOAD: *s1 = X + in->rs1, *d = F + in->rd; break;
    case RVF_FSTORE: *s1 = X + in->rs1, *s2 = F + in->rs2; break;
    case RVF_FR4: *s3 = F + in->rs3; /* fall through */
    case RVF_FR: case RVF_FR_NORM: *s2 = F + in->rs2; /* fall through */
    case RVF_FR1: *s1 = F + in->rs1, *d = F + in->rd; break;
    case RVF_FCMP: *s1 = F + in->rs1, *s2 = F + in->rs2, *d = X + in->rd; break;
    case RVF_FCVT_XF: case RVF_FMV_XF: *s1 = F + in->rs1, *d = X + in->rd; break;
    case RVF_FCVT_FX: case RVF_FMV_FX: *s1 = X + in->rs1, *d = F + in->rd; break;
    default: break;
    }
}

static uint8_t class_of(int op)
{
    switch (op) {
    case RV_BEQ: case RV_BNE: case RV_BLT: case RV_BGE: case RV_BLTU: case RV_BGEU: return CY_BRANCH;
    case RV_JAL: case RV_JALR: return CY_JUMP;
    case RV_LB: case RV_LH: case RV_LW: case RV_LBU: case RV_LHU: case RV_FLW: case RV_LR_W: return CY_LOAD;
    case RV_SB: case RV_SH: case RV_SW: case RV_FSW: case RV_SC_W: return CY_STORE;
    case RV_MUL: case RV_MULH: case RV_MULHSU: case RV_MULHU: return CY_MUL;
    case RV_DIV: case RV_DIVU: case RV_REM: case RV_REMU: return CY_DIV;
    case RV_FDIV_S: case RV_FSQRT_S: return CY_FDIV;
    case RV_FENCE: case RV_FENCE_I: case RV_ECALL: case RV_EBREAK: case RV_MRET: case RV_WFI:
    case RV_CSRRW: case RV_CSRRS: case RV_CSRRC: case RV_CSRRWI: case RV_CSRRSI: case RV_CSRRCI: return CY_CSR;
    default:
        if (op >= RV_AMOSWAP_W && op <= RV_AMOMAXU_W) return CY_LOAD;
        if (op >= RV_FMADD_S && op < RV__COUNT) return CY_FPU;
        return CY_ALU;
    }
}

/* The handler of an rv32 op, and its sub-operation for handlers that serve
 * several ops. */
static uint8_t handler_of(int op, uint8_t *sub)
{
    *sub = 0;
    switch (op) {
#define SIM_SAME(name) case RV_##name: return H_##name;
    SIM_DIRECT_OPS(SIM_SAME)
#undef SIM_SAME
    case RV_CSRRW: case RV_CSRRS: case RV_CSRRC: case RV_CSRRWI: case RV_CSRRSI: case RV_CSRRCI:
        *sub = (uint8_t)(op - RV_CSRRW);
        return H_CSR;
    case RV_AMOSWAP_W: *sub = 0; return H_AMO;
    case RV_AMOADD_W: *sub = 1; return H_AMO;
    case RV_AMOXOR_W: *sub = 2; return H_AMO;
    case RV_AMOAND_W: *sub = 3; return H_AMO;
    case RV_AMOOR_W: *sub = 4; return H_AMO;
    case RV_AMOMIN_W: *sub = 5; return H_AMO;
    case RV_AMOMAX_W: *sub = 6; return H_AMO;
    case RV_AMOMINU_W: *sub = 7; return H_AMO;
    case RV_AMOMAXU_W: *sub = 8; return H_AMO;
    case RV_FMADD_S: case RV_FMSUB_S: case RV_FNMSUB_S: case RV_FNMADD_S:
        *sub = (uint8_t)(FPU_MADD + (op - RV_FMADD_S));
        return H_FARITH;
    case RV_FADD_S: *sub = FPU_ADD; return H_FARITH;
    case RV_FSUB_S: *sub = FPU_SUB; return H_FARITH;
    case RV_FMUL_S: *sub = FPU_MUL; return H_FARITH;
    case RV_FDIV_S: *sub = FPU_DIV; return H_FARITH;
    case RV_FSQRT_S: *sub = FPU_SQRT; return H_FARITH;
    case RV_FMIN_S: *sub = 0; return H_FMINMAX;
    case RV_FMAX_S: *sub = 1; return H_FMINMAX;
    case RV_FCVT_W_S: *sub = 0; return H_FCVT_W;
    case RV_FCVT_WU_S: *sub = 1; return H_FCVT_W;
    case RV_FCVT_S_W: *sub = 0; return H_FCVT_S;
    case RV_FCVT_S_WU: *sub = 1; return H_FCVT_S;
    case RV_FEQ_S: *sub = 0; return H_FCMP;
    case RV_FLT_S: *sub = 1; return H_FCMP;
    case RV_FLE_S: *sub = 2; return H_FCMP;
    default: return H_ILLEGAL;
    }
}

static void decode_std(RvInsn *inp, int len, uint32_t pc, SimOp *o);

/* The one place p4sim asks the rv32 layer to decode: a compressed
 * instruction runs as the 32-bit instruction it stands for (rv_expand); the
 * PIE encoding is the configured revision's. Everything the run loop needs
 * per instruction is computed here once: handler, operands, branch/jump
 * targets (the op sits at a fixed pc), the cycle model's class, latencies
 * and scoreboard ids, the statistics class; the last instruction of an
 * active hardware loop gets handler H_LPEND. */

static void decode_at(P4Sim *s, const uint8_t *p, uint32_t avail, uint32_t pc, SimOp *o)
{
    uint32_t w = p[0] | (uint32_t)p[1] << 8;
    int len = 0;
    RvInsn in;
    memset(o, 0, sizeof *o);
    memset(&in, 0, sizeof in);
    if ((w & 3) != 3)
        len = rv_decode(w, &in);
    else if (avail >= 4) {
        w |= (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
        len = rv_decode_rev(w, sim_rev(s), &in);
    }
    o->word = w;
    if (len == 4 && in.op >= RV_PIE_FIRST && in.op <= RV_PIE_LAST) {
        /* PIE and hardware loops: one handler each, operands in pie_exec.c */
        pie_pack(&in, sim_rev(s), o);
        o->h = in.op >= RV_ESP_LP_SETUP ? H_LP : H_PIE;
        o->len = 4;
        o->mix = mix_of_class[o->cls];
    } else if (len == 0 || in.op >= RV__COUNT) {
        o->h = H_ILLEGAL;
        o->len = (w & 3) == 3 ? 4 : 2;
        return;
    } else
        decode_std(&in, len, pc, o);
    if (pie_lp_is_end(s, pc)) o->h0 = o->h, o->h = H_LPEND;
}

/* The standard-ISA part of decode_at. */
static void decode_std(RvInsn *inp, int len, uint32_t pc, SimOp *o)
{
    RvInsn in = *inp;
    if (len == 2) in = rv_expand(&in);
    o->h = handler_of(in.op, &o->sub);
    /* the instructions that move sp get a handler of their own that also
     * records its extremes (--stats: peak stack); sub keeps which one */
    if (in.rd == 2 && (o->h == H_ADDI || o->h == H_ADD || o->h == H_SUB))
        o->sub = o->h, o->h = H_SPMOVE;
    o->len = (uint8_t)len;
    o->rd = in.rd, o->rs1 = in.rs1, o->rs2 = in.rs2, o->rs3 = in.rs3, o->rm = in.rm;
    o->csr = in.csr;
    o->imm = in.imm;
    if (o->h >= H_JAL && o->h <= H_BGEU && o->h != H_JALR) o->imm = (int32_t)(pc + (uint32_t)in.imm);
    o->cls = class_of(in.op);
    o->mix = mix_of_class[o->cls];
    o->issue = cy_params.issue[o->cls];
    o->result = cy_params.result[o->cls];
    int s1, s2, s3, d;
    operands(&in, rv_info[in.op].format, &s1, &s2, &s3, &d);
    o->cs1 = (uint8_t)s1, o->cs2 = (uint8_t)s2, o->cs3 = (uint8_t)s3, o->cd = (uint8_t)d;
}

/* ---- CSRs ---- */

static bool csr_read(P4Sim *s, uint32_t csr, uint32_t *v)
{
    uint64_t cyc = s->cfg.cycle_model ? s->stats.cycles : s->stats.instret;
    switch (csr) {
    case 0x001: *v = s->fflags; return true;
    case 0x002: *v = s->frm; return true;
    case 0x003: *v = s->frm << 5 | s->fflags; return true;
    case 0x300: *v = s->mstatus; return true;
    case 0x301: *v = 0x40000000u | 1u << 0 | 1u << 2 | 1u << 5 | 1u << 8 | 1u << 12; return true; /* RV32 IMAFC */
    case 0x304: *v = s->mie; return true;
    case 0x305: *v = s->mtvec; return true;
    case 0x340: *v = s->mscratch; return true;
    case 0x341: *v = s->mepc; return true;
    case 0x342: *v = s->mcause; return true;
    case 0x343: *v = s->mtval; return true;
    case 0x344: *v = s->mip; return true;
    case 0xf11: case 0xf12: case 0xf13: case 0xf14: *v = 0; return true;
    case 0xb00: case 0xc00: *v = (uint32_t)cyc; return true;
    case 0xb80: case 0xc80: *v = (uint32_t)(cyc >> 32); return true;
    case 0xb02: case 0xc02: *v = (uint32_t)s->stats.instret; return true;
    case 0xb82: case 0xc82: *v = (uint32_t)(s->stats.instret >> 32); return true;
    case 0xc01: *v = (uint32_t)(cyc / 40); return true;    /* time: 10 MHz at 400 MHz core */
    case 0xc81: *v = (uint32_t)(cyc / 40 >> 32); return true;
    case 0x7c6: case 0x7c7: case 0x7c8: case 0x7c9: case 0x7ca: case 0x7cb: *v = s->hwlp[csr - 0x7c6]; return true;
    case 0x7f1: *v = s->hwlp_state; return true;
    case 0x7f2: *v = s->pie_state; return true;
    default: return false;
    }
}

static bool csr_write(P4Sim *s, uint32_t csr, uint32_t v)
{
    if ((csr >> 10) == 3) return false; /* read-only space */
    switch (csr) {
    case 0x001: s->fflags = v & 0x1f; return true;
    case 0x002: s->frm = v & 7; return true;
    case 0x003: s->fflags = v & 0x1f, s->frm = (v >> 5) & 7; return true;
    case 0x300: s->mstatus = v & 0x807fffeau; return true;
    case 0x301: return true; /* misa: WARL, fixed */
    case 0x304: s->mie = v; return true;
    case 0x305: s->mtvec = v; return true;
    case 0x340: s->mscratch = v; return true;
    case 0x341: s->mepc = v & ~1u; return true;
    case 0x342: s->mcause = v; return true;
    case 0x343: s->mtval = v; return true;
    case 0x344: s->mip = v; return true;
    case 0xb00: case 0xb80: case 0xb02: case 0xb82: return true; /* counters: writes ignored */
    case 0x7c6: case 0x7c7: case 0x7c8: case 0x7c9: case 0x7ca: case 0x7cb:
        s->hwlp[csr - 0x7c6] = v;
        sim_lp_remark(s);
        return true;
    case 0x7f1: s->hwlp_state = v & 3; return true;
    case 0x7f2: s->pie_state = v & 3; return true;
    default: return false;
    }
}

bool p4sim_get_csr(P4Sim *s, uint32_t csr, uint32_t *v) { return csr_read(s, csr, v); }

/* ---- hardware loops: marking the last instruction of each body ---- */

/* The decode-cache entry of pc if its page exists, else NULL. */
static SimOp *code_slot(P4Sim *s, uint32_t pc)
{
    Region *r = sim_region(s, pc, 2);
    if (!r || (pc & 1)) return NULL;
    uint32_t off = pc - r->base;
    SimOp *page = r->code[off >> SIM_PAGE_SHIFT];
    return page ? &page[(off & ((1u << SIM_PAGE_SHIFT) - 1)) >> 1] : NULL;
}

/* After any change of the loop registers: the entries at the old ends get
 * their own handler back, those at the ends of loops with iterations left
 * become H_LPEND (entries not decoded yet are marked by decode_at). */
void sim_lp_remark(P4Sim *s)
{
    for (int i = 0; i < 2; i++) {
        SimOp *o = s->lp_marked[i] != 1 ? code_slot(s, s->lp_marked[i]) : NULL;
        if (o && o->h == H_LPEND) o->h = o->h0;
        s->lp_marked[i] = 1;
    }
    for (int i = 0; i < 2; i++) {
        uint32_t end = s->hwlp[3 * i + 1];
        if (!pie_lp_is_end(s, end)) continue;
        s->lp_marked[i] = end;
        SimOp *o = code_slot(s, end);
        if (o && o->h != H_UNDECODED && o->h != H_LPEND) o->h0 = o->h, o->h = H_LPEND;
    }
}

/* ---- trap report ---- */

static void report_trap(P4Sim *s, const SimOp *o)
{
    FILE *f = s->cfg.diag;
    char dis[96] = "?";
    Region *r = sim_region(s, s->pc, 2);
    if (r) {
        uint32_t avail = r->size - (s->pc - r->base);
        rv_disasm_rev(r->mem + (s->pc - r->base), avail > 4 ? 4 : avail, s->pc, sim_rev(s), 0, dis, sizeof dis);
        if (o && o->len == 2 && o->h != H_ILLEGAL) /* compressed: show the expansion's mnemonic */
            snprintf(dis + strlen(dis), sizeof dis - strlen(dis), " (c)");
    }
    fprintf(f, "p4sim: trap: %s at pc 0x%08x: %s (mtval 0x%08x)\n",
            s->trap_what ? s->trap_what : cause_names[s->trap_cause], s->pc, dis, s->trap_tval);
    for (int i = 0; i < 32; i++)
        fprintf(f, "  x%-2d %-4s 0x%08x%s", i, rv_xreg_names[i], s->x[i], i % 4 == 3 ? "\n" : "");
    if (o && (o->h == H_PIE || (o->h == H_LPEND && o->h0 == H_PIE))) { /* and the PIE registers */
        for (int q = 0; q < 8; q++) {
            fprintf(f, "  q%d  ", q);
            for (int b = 15; b >= 0; b--) fprintf(f, "%02x%s", s->pie.q[q][b], b % 4 == 0 && b ? "_" : "");
            fputc(q % 2 ? '\n' : ' ', f);
        }
        fprintf(f, "  xacc 0x%010llx  sar %u  cfg 0x%x\n", (unsigned long long)s->pie.xacc & 0xffffffffffull,
                s->pie.sar, s->pie.cfg);
    }
    fprintf(f, "  retired %llu instructions\n", (unsigned long long)s->stats.instret);
}

/* ---- the interpreter ---- */

static uint8_t *load_ptr(P4Sim *s, uint32_t a, uint32_t n)
{
    if (s->guard_len && a + n - 1 - s->guard_lo < s->guard_len + n - 1) return NULL; /* touches the stack guard */
    Region *r = &s->reg[0];
    if (a - r->base < r->size - 3) return r->mem + (a - r->base);
    r = sim_region(s, a, n);
    return r ? r->mem + (a - r->base) : NULL;
}

static uint32_t ld(const uint8_t *p, int n) { uint32_t v = 0; memcpy(&v, p, (size_t)n); return v; }
static void st(uint8_t *p, uint32_t v, int n) { memcpy(p, &v, (size_t)n); }

static void trace_line(P4Sim *s, uint32_t pc, const uint32_t *oldx, const uint32_t *oldf)
{
    char dis[96] = "?";
    Region *r = sim_region(s, pc, 2);
    if (r) {
        uint32_t avail = r->size - (pc - r->base);
        rv_disasm_rev(r->mem + (pc - r->base), avail > 4 ? 4 : avail, pc, sim_rev(s), 0, dis, sizeof dis);
    }
    fprintf(s->cfg.diag, "%08x: %-32s", pc, dis);
    for (int i = 1; i < 32; i++)
        if (s->x[i] != oldx[i]) fprintf(s->cfg.diag, " %s=0x%08x", rv_xreg_names[i], s->x[i]);
    for (int i = 0; i < 32; i++)
        if (s->f[i] != oldf[i]) fprintf(s->cfg.diag, " %s=0x%08x", rv_freg_names[i], s->f[i]);
    fputc('\n', s->cfg.diag);
}

/* The decode-cache page holding pc (allocated on first use), or NULL when pc
 * is outside every region; *mem is the guest memory at the page's start and
 * *avail the bytes from there to the region's end. */
static SimOp *code_page(P4Sim *s, uint32_t pc, uint32_t *base, const uint8_t **mem, uint32_t *avail)
{
    Region *r = sim_region(s, pc, 2);
    if (!r) return NULL;
    uint32_t off = (pc - r->base) & ~((1u << SIM_PAGE_SHIFT) - 1);
    SimOp **slot = &r->code[off >> SIM_PAGE_SHIFT];
    if (!*slot) *slot = calloc(1u << (SIM_PAGE_SHIFT - 1), sizeof **slot);
    *base = r->base + off, *mem = r->mem + off, *avail = r->size - off;
    return *slot;
}

/*
 * The run loop (run_loop.inc), instantiated three times (with constant
 * MODEL and TRACE) so the common cases carry no per-instruction tests of
 * the configuration. State the loop touches on every instruction lives in
 * locals (pc, counters, the current decode-cache page) and is written back
 * to *s before anything that can observe it (CSR reads, semihosting, traps,
 * returning). Each handler ends in NEXT, which retires the instruction
 * (counters, cycle model), fetches the next from the current page and
 * dispatches on its handler; a fresh slot has handler UNDECODED, which
 * decodes in place and dispatches again, so the hot path has no "is it
 * decoded" test.
 */
#if defined(__GNUC__) || defined(__clang__)
#define SIM_COMPUTED_GOTO 1
#endif

#define SIM_RUN_NAME run_model
#define MODEL true
#define TRACE false
#include "sim/run_loop.inc"
#undef SIM_RUN_NAME
#undef MODEL
#undef TRACE
#define SIM_RUN_NAME run_plain
#define MODEL false
#define TRACE false
#include "sim/run_loop.inc"
#undef SIM_RUN_NAME
#undef MODEL
#undef TRACE
#define SIM_RUN_NAME run_trace
#define MODEL s->cfg.cycle_model
#define TRACE true
#include "sim/run_loop.inc"
#undef SIM_RUN_NAME
#undef MODEL
#undef TRACE

P4SimStatus p4sim_run(P4Sim *s, uint64_t max_insns)
{
    if (!s->loaded) return P4SIM_ERROR;
    uint64_t limit = max_insns ? max_insns : UINT64_MAX;
    if (s->cfg.trace) return run_trace(s, limit);
    if (s->cfg.cycle_model) return run_model(s, limit);
    return run_plain(s, limit);
}

void p4sim_print_stats(const P4Sim *s, FILE *f)
{
    const P4SimStats *st = &s->stats;
    fprintf(f, "retired instructions  %llu\n", (unsigned long long)st->instret);
    fprintf(f, "modelled cycles       %llu (%.3f cycles/insn)\n", (unsigned long long)st->cycles,
            st->instret ? (double)st->cycles / (double)st->instret : 0.0);
    fprintf(f, "time at 360 MHz       %.3f us\n", (double)st->cycles / 360.0);
    fprintf(f, "time at 400 MHz       %.3f us\n", (double)st->cycles / 400.0);
    fprintf(f, "peak stack            %lu bytes\n", (unsigned long)p4sim_stack_peak(s));
    fprintf(f, "instruction mix:\n");
    for (int i = 0; i < P4SIM_NMIX; i++)
        fprintf(f, "  %-8s %12llu  %5.1f%%\n", p4sim_mix_names[i], (unsigned long long)st->mix[i],
                st->instret ? 100.0 * (double)st->mix[i] / (double)st->instret : 0.0);
}
