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

const char *const p4sim_mix_names[8] = {"alu", "branch", "jump", "load", "store", "mul/div", "fpu", "system"};
static const uint8_t mix_of_class[CY__COUNT] = {
    [CY_ALU] = 0, [CY_BRANCH] = 1, [CY_JUMP] = 2, [CY_LOAD] = 3, [CY_STORE] = 4, [CY_MUL] = 5, [CY_DIV] = 5,
    [CY_FPU] = 6, [CY_FDIV] = 6, [CY_CSR] = 7, [CY_PIE_LDST] = 7, [CY_PIE_MAC] = 7,
};

static const struct { const char *name; uint32_t base, size; } region_map[SIM_NREGIONS] = {
    {"qemu-virt ram", 0x80000000u, 0x01200000u}, /* flash 2 MB + ram 16 MB of the picolibc link */
    {"p4 l2mem", 0x4ff00000u, 0x000c0000u},
    {"p4 tcm", 0x30100000u, 0x00002000u},
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
    if (!s->cfg.out) s->cfg.out = stdout;
    if (!s->cfg.err) s->cfg.err = stderr;
    if (!s->cfg.in) s->cfg.in = stdin;
    if (!s->cfg.diag) s->cfg.diag = stderr;
    for (int i = 0; i < SIM_NREGIONS; i++) {
        Region *r = &s->reg[i];
        r->name = region_map[i].name, r->base = region_map[i].base, r->size = region_map[i].size;
        r->mem = calloc(1, r->size);
        r->code = calloc((r->size >> SIM_PAGE_SHIFT) + 1, sizeof *r->code);
        if (!r->mem || !r->code) { p4sim_free(s); return NULL; }
    }
    cy_reset(&s->cy, s->cfg.cache_model);
    return s;
}

static void drop_code(P4Sim *s)
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
    drop_code(s);
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
uint32_t p4sim_get_x(const P4Sim *s, int r) { return r > 0 && r < 32 ? s->x[r] : 0; }
uint32_t p4sim_get_pc(const P4Sim *s) { return s->pc; }

bool p4sim_read_mem(P4Sim *s, uint32_t addr, void *buf, size_t len)
{
    Region *r = sim_region(s, addr, (uint32_t)len);
    if (!r || len > 0xffffffffu) return false;
    memcpy(buf, r->mem + (addr - r->base), len);
    return true;
}

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

/* The one place p4sim asks the rv32 layer to decode: a compressed
 * instruction runs as the 32-bit instruction it stands for (rv_expand). */
static void decode_at(const uint8_t *p, uint32_t avail, SimOp *o)
{
    uint32_t w = p[0] | (uint32_t)p[1] << 8;
    int len = 0;
    memset(o, 0, sizeof *o);
    if ((w & 3) != 3)
        len = rv_decode(w, &o->in);
    else if (avail >= 4) {
        w |= (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
        len = rv_decode(w, &o->in);
    }
    o->word = w;
    if (len == 0) { o->valid = 2; o->in.len = (w & 3) == 3 ? 4 : 2; return; }
    if (len == 2) o->in = rv_expand(&o->in);
    o->in.len = (uint8_t)len;
    o->valid = 1;
    o->cls = class_of(o->in.op);
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
    case 0x7c6: case 0x7c7: case 0x7c8: case 0x7c9: case 0x7ca: case 0x7cb: s->hwlp[csr - 0x7c6] = v; return true;
    case 0x7f1: s->hwlp_state = v & 3; return true;
    case 0x7f2: s->pie_state = v & 3; return true;
    default: return false;
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
        rv_disasm(r->mem + (s->pc - r->base), avail > 4 ? 4 : avail, s->pc, dis, sizeof dis);
        if (o && o->in.len == 2 && o->valid == 1) /* compressed: show the expansion's mnemonic */
            snprintf(dis + strlen(dis), sizeof dis - strlen(dis), " (c)");
    }
    fprintf(f, "p4sim: trap: %s at pc 0x%08x: %s (mtval 0x%08x)\n",
            s->trap_what ? s->trap_what : cause_names[s->trap_cause], s->pc, dis, s->trap_tval);
    for (int i = 0; i < 32; i++)
        fprintf(f, "  x%-2d %-4s 0x%08x%s", i, rv_xreg_names[i], s->x[i], i % 4 == 3 ? "\n" : "");
    fprintf(f, "  retired %llu instructions\n", (unsigned long long)s->stats.instret);
}

/* ---- the interpreter ---- */

#define TRAP(c, v) do { s->trap_cause = (c), s->trap_tval = (v); goto trap; } while (0)

static uint8_t *load_ptr(P4Sim *s, uint32_t a, uint32_t n)
{
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
        rv_disasm(r->mem + (pc - r->base), avail > 4 ? 4 : avail, pc, dis, sizeof dis);
    }
    fprintf(s->cfg.diag, "%08x: %-32s", pc, dis);
    for (int i = 1; i < 32; i++)
        if (s->x[i] != oldx[i]) fprintf(s->cfg.diag, " %s=0x%08x", rv_xreg_names[i], s->x[i]);
    for (int i = 0; i < 32; i++)
        if (s->f[i] != oldf[i]) fprintf(s->cfg.diag, " %s=0x%08x", rv_freg_names[i], s->f[i]);
    fputc('\n', s->cfg.diag);
}

P4SimStatus p4sim_run(P4Sim *s, uint64_t max_insns)
{
    if (!s->loaded) return P4SIM_ERROR;
    const bool model = s->cfg.cycle_model, trace = s->cfg.trace;
    uint32_t oldx[32], oldf[32];
    SimOp *o = NULL;
    bool flush = false; /* fence.i seen: drop the decode cache once o is no longer used */
    for (;;) {
        if (max_insns && s->stats.instret >= max_insns) {
            fprintf(s->cfg.diag, "p4sim: stopped after %llu instructions (--max-insns) at pc 0x%08x\n",
                    (unsigned long long)s->stats.instret, s->pc);
            s->exit_code = 124;
            return P4SIM_LIMIT;
        }
        uint32_t pc = s->pc;
        /* fetch from the decode cache */
        Region *r = &s->reg[0];
        uint32_t off = pc - r->base;
        if (off >= r->size) {
            r = sim_region(s, pc, 2);
            if (!r) TRAP(C_IFETCH_FAULT, pc);
            off = pc - r->base;
        }
        if (pc & 1) TRAP(C_IFETCH_MISALIGN, pc);
        SimOp *page = r->code[off >> SIM_PAGE_SHIFT];
        if (!page) {
            page = calloc(1u << (SIM_PAGE_SHIFT - 1), sizeof *page);
            if (!page) { s->trap_what = "host out of memory"; TRAP(C_IFETCH_FAULT, pc); }
            r->code[off >> SIM_PAGE_SHIFT] = page;
        }
        o = &page[(off & ((1u << SIM_PAGE_SHIFT) - 1)) >> 1];
        if (!o->valid) decode_at(r->mem + off, r->size - off, o);
        if (o->valid != 1) TRAP(C_ILLEGAL, o->word);
        if (trace) memcpy(oldx, s->x, sizeof oldx), memcpy(oldf, s->f, sizeof oldf);

        const RvInsn *in = &o->in;
        uint32_t *x = s->x, *f = s->f;
        uint32_t a = x[in->rs1], b = x[in->rs2], next = pc + in->len, v;
        int32_t imm = in->imm;
        unsigned extra = 0;
        int rm;
        uint8_t *p;
        switch (in->op) {
        case RV_LUI: x[in->rd] = (uint32_t)imm << 12; break;
        case RV_AUIPC: x[in->rd] = pc + ((uint32_t)imm << 12); break;
        case RV_JAL: x[in->rd] = next; next = pc + (uint32_t)imm; extra = cy_params.taken_jump; break;
        case RV_JALR: x[in->rd] = next; next = (a + (uint32_t)imm) & ~1u; extra = cy_params.taken_jump; break;
#define BR(cond) { bool t = (cond); if (t) next = pc + (uint32_t)imm; if (model) extra = cy_branch(&s->cy, pc, t); } break
        case RV_BEQ: BR(a == b);
        case RV_BNE: BR(a != b);
        case RV_BLT: BR((int32_t)a < (int32_t)b);
        case RV_BGE: BR((int32_t)a >= (int32_t)b);
        case RV_BLTU: BR(a < b);
        case RV_BGEU: BR(a >= b);
#define LOAD(n, conv) { uint32_t ad = a + (uint32_t)imm; \
            if (ad & (n - 1)) { TRAP(C_LOAD_MISALIGN, ad); } \
            if (!(p = load_ptr(s, ad, n))) { TRAP(C_LOAD_FAULT, ad); } \
            v = ld(p, n); \
            x[in->rd] = conv; \
            if (model) { extra = cy_mem(&s->cy, ad); } \
        } break
        case RV_LB: LOAD(1, (uint32_t)(int32_t)(int8_t)v);
        case RV_LH: LOAD(2, (uint32_t)(int32_t)(int16_t)v);
        case RV_LW: LOAD(4, v);
        case RV_LBU: LOAD(1, v);
        case RV_LHU: LOAD(2, v);
        case RV_FLW: {
            uint32_t ad = a + (uint32_t)imm;
            if (ad & 3) TRAP(C_LOAD_MISALIGN, ad);
            if (!(p = load_ptr(s, ad, 4))) TRAP(C_LOAD_FAULT, ad);
            f[in->rd] = ld(p, 4);
            if (model) extra = cy_mem(&s->cy, ad);
            break;
        }
#define STORE(n, val) { uint32_t ad = a + (uint32_t)imm; \
            if (ad & (n - 1)) { TRAP(C_STORE_MISALIGN, ad); } \
            if (!(p = load_ptr(s, ad, n))) { TRAP(C_STORE_FAULT, ad); } \
            st(p, val, n); \
            if (s->resv && (ad & ~3u) == s->resv_addr) { s->resv = false; } \
            if (model) { extra = cy_mem(&s->cy, ad); } \
        } break
        case RV_SB: STORE(1, b);
        case RV_SH: STORE(2, b);
        case RV_SW: STORE(4, b);
        case RV_FSW: STORE(4, f[in->rs2]);
        case RV_ADDI: x[in->rd] = a + (uint32_t)imm; break;
        case RV_SLTI: x[in->rd] = (int32_t)a < imm; break;
        case RV_SLTIU: x[in->rd] = a < (uint32_t)imm; break;
        case RV_XORI: x[in->rd] = a ^ (uint32_t)imm; break;
        case RV_ORI: x[in->rd] = a | (uint32_t)imm; break;
        case RV_ANDI: x[in->rd] = a & (uint32_t)imm; break;
        case RV_SLLI: x[in->rd] = a << (imm & 31); break;
        case RV_SRLI: x[in->rd] = a >> (imm & 31); break;
        case RV_SRAI: x[in->rd] = (uint32_t)((int32_t)a >> (imm & 31)); break;
        case RV_ADD: x[in->rd] = a + b; break;
        case RV_SUB: x[in->rd] = a - b; break;
        case RV_SLL: x[in->rd] = a << (b & 31); break;
        case RV_SLT: x[in->rd] = (int32_t)a < (int32_t)b; break;
        case RV_SLTU: x[in->rd] = a < b; break;
        case RV_XOR: x[in->rd] = a ^ b; break;
        case RV_SRL: x[in->rd] = a >> (b & 31); break;
        case RV_SRA: x[in->rd] = (uint32_t)((int32_t)a >> (b & 31)); break;
        case RV_OR: x[in->rd] = a | b; break;
        case RV_AND: x[in->rd] = a & b; break;
        case RV_FENCE: break;
        case RV_FENCE_I: flush = true; break; /* the decode cache is this core's I-cache */
        case RV_ECALL: TRAP(C_ECALL_M, 0);
        case RV_EBREAK: {
            /* semihosting: slli x0,x0,0x1f; ebreak; srai x0,x0,7 (RISC-V semihosting spec) */
            uint8_t *pre = load_ptr(s, pc - 4, 4), *post = load_ptr(s, pc + 4, 4);
            if (!(pc & 3) && pre && post && ld(pre, 4) == 0x01f01013 && ld(post, 4) == 0x40705013) {
                uint32_t ret;
                if (sim_semihost(s, x[10], x[11], &ret)) {
                    s->stats.instret++;
                    s->exited = true;
                    return P4SIM_EXITED;
                }
                x[10] = ret;
                break;
            }
            TRAP(C_BREAK, pc);
        }
        case RV_MRET: next = s->mepc; break;
        case RV_WFI: break;
        case RV_CSRRW: case RV_CSRRS: case RV_CSRRC: case RV_CSRRWI: case RV_CSRRSI: case RV_CSRRCI: {
            uint32_t old = 0, src = in->op >= RV_CSRRWI ? in->rs1 : a;
            bool is_w = in->op == RV_CSRRW || in->op == RV_CSRRWI;
            bool wr = is_w || in->rs1 != 0;     /* csrrs/c with x0 / 0 do not write */
            if (!(is_w && in->rd == 0) && !csr_read(s, in->csr, &old)) TRAP(C_ILLEGAL, o->word);
            if (wr) {
                uint32_t nv = is_w ? src : in->op == RV_CSRRS || in->op == RV_CSRRSI ? old | src : old & ~src;
                if (!csr_write(s, in->csr, nv)) TRAP(C_ILLEGAL, o->word);
            }
            x[in->rd] = old;
            break;
        }
        case RV_MUL: x[in->rd] = a * b; break;
        case RV_MULH: x[in->rd] = (uint32_t)((int64_t)(int32_t)a * (int32_t)b >> 32); break;
        case RV_MULHSU: x[in->rd] = (uint32_t)((int64_t)(int32_t)a * (int64_t)(uint64_t)b >> 32); break;
        case RV_MULHU: x[in->rd] = (uint32_t)((uint64_t)a * b >> 32); break;
        /* division by zero and overflow results: M spec, table "Semantics for division by zero and overflow" */
        case RV_DIV: x[in->rd] = b == 0 ? 0xffffffffu : (a == 0x80000000u && b == 0xffffffffu) ? a
                               : (uint32_t)((int32_t)a / (int32_t)b); break;
        case RV_DIVU: x[in->rd] = b == 0 ? 0xffffffffu : a / b; break;
        case RV_REM: x[in->rd] = b == 0 ? a : (a == 0x80000000u && b == 0xffffffffu) ? 0
                               : (uint32_t)((int32_t)a % (int32_t)b); break;
        case RV_REMU: x[in->rd] = b == 0 ? a : a % b; break;
        case RV_LR_W:
            if (a & 3) TRAP(C_LOAD_MISALIGN, a);
            if (!(p = load_ptr(s, a, 4))) TRAP(C_LOAD_FAULT, a);
            x[in->rd] = ld(p, 4);
            s->resv = true, s->resv_addr = a;
            break;
        case RV_SC_W:
            if (a & 3) TRAP(C_STORE_MISALIGN, a);
            if (!(p = load_ptr(s, a, 4))) TRAP(C_STORE_FAULT, a);
            if (s->resv && s->resv_addr == a) { st(p, b, 4); x[in->rd] = 0; } else x[in->rd] = 1;
            s->resv = false;
            break;
        case RV_AMOSWAP_W: case RV_AMOADD_W: case RV_AMOXOR_W: case RV_AMOAND_W: case RV_AMOOR_W:
        case RV_AMOMIN_W: case RV_AMOMAX_W: case RV_AMOMINU_W: case RV_AMOMAXU_W: {
            if (a & 3) TRAP(C_STORE_MISALIGN, a);
            if (!(p = load_ptr(s, a, 4))) TRAP(C_STORE_FAULT, a);
            uint32_t m = ld(p, 4), n;
            switch (in->op) {
            case RV_AMOSWAP_W: n = b; break;
            case RV_AMOADD_W: n = m + b; break;
            case RV_AMOXOR_W: n = m ^ b; break;
            case RV_AMOAND_W: n = m & b; break;
            case RV_AMOOR_W: n = m | b; break;
            case RV_AMOMIN_W: n = (int32_t)m < (int32_t)b ? m : b; break;
            case RV_AMOMAX_W: n = (int32_t)m > (int32_t)b ? m : b; break;
            case RV_AMOMINU_W: n = m < b ? m : b; break;
            default: n = m > b ? m : b; break;
            }
            st(p, n, 4);
            x[in->rd] = m;
            break;
        }
#define RM() do { rm = in->rm == 7 ? (int)s->frm : in->rm; if (rm > 4) TRAP(C_ILLEGAL, o->word); } while (0)
        case RV_FMADD_S: case RV_FMSUB_S: case RV_FNMSUB_S: case RV_FNMADD_S: {
            RM(); unsigned fl = 0;
            f[in->rd] = fpu_arith(FPU_MADD + (in->op - RV_FMADD_S), f[in->rs1], f[in->rs2], f[in->rs3], rm, &fl);
            s->fflags |= fl; break;
        }
        case RV_FADD_S: case RV_FSUB_S: case RV_FMUL_S: case RV_FDIV_S: case RV_FSQRT_S: {
            RM(); unsigned fl = 0;
            int fop = in->op == RV_FADD_S ? FPU_ADD : in->op == RV_FSUB_S ? FPU_SUB : in->op == RV_FMUL_S ? FPU_MUL
                    : in->op == RV_FDIV_S ? FPU_DIV : FPU_SQRT;
            f[in->rd] = fpu_arith(fop, f[in->rs1], f[in->rs2], 0, rm, &fl);
            s->fflags |= fl; break;
        }
        case RV_FSGNJ_S: f[in->rd] = (f[in->rs1] & 0x7fffffffu) | (f[in->rs2] & 0x80000000u); break;
        case RV_FSGNJN_S: f[in->rd] = (f[in->rs1] & 0x7fffffffu) | (~f[in->rs2] & 0x80000000u); break;
        case RV_FSGNJX_S: f[in->rd] = f[in->rs1] ^ (f[in->rs2] & 0x80000000u); break;
        case RV_FMIN_S: case RV_FMAX_S: { unsigned fl = 0;
            f[in->rd] = fpu_minmax(f[in->rs1], f[in->rs2], in->op == RV_FMAX_S, &fl); s->fflags |= fl; break; }
        case RV_FCVT_W_S: case RV_FCVT_WU_S: { RM(); unsigned fl = 0;
            x[in->rd] = fpu_cvt_w(f[in->rs1], rm, in->op == RV_FCVT_WU_S, &fl); s->fflags |= fl; break; }
        case RV_FCVT_S_W: case RV_FCVT_S_WU: { RM(); unsigned fl = 0;
            f[in->rd] = fpu_cvt_s(a, rm, in->op == RV_FCVT_S_WU, &fl); s->fflags |= fl; break; }
        case RV_FMV_X_W: x[in->rd] = f[in->rs1]; break;
        case RV_FMV_W_X: f[in->rd] = a; break;
        case RV_FEQ_S: case RV_FLT_S: case RV_FLE_S: { unsigned fl = 0;
            x[in->rd] = fpu_cmp(in->op == RV_FEQ_S ? 0 : in->op == RV_FLT_S ? 1 : 2, f[in->rs1], f[in->rs2], &fl);
            s->fflags |= fl; break; }
        case RV_FCLASS_S: x[in->rd] = fpu_class(f[in->rs1]); break;
        default: TRAP(C_ILLEGAL, o->word);
        }
        x[0] = 0;
        s->stats.instret++;
        s->stats.mix[mix_of_class[o->cls]]++;
        if (model) {
            int s1, s2, s3, d;
            operands(in, rv_info[in->op].format, &s1, &s2, &s3, &d);
            s->stats.cycles = cy_issue(&s->cy, s->stats.cycles, o->cls, s1, s2, s3, d) + extra;
        } else
            s->stats.cycles++;
        if (trace) trace_line(s, pc, oldx, oldf);
        if (flush) drop_code(s), flush = false;
        s->pc = next;
    }
trap:
    report_trap(s, o);
    s->exit_code = 1;
    return P4SIM_TRAP;
}

void p4sim_print_stats(const P4Sim *s, FILE *f)
{
    const P4SimStats *st = &s->stats;
    fprintf(f, "retired instructions  %llu\n", (unsigned long long)st->instret);
    fprintf(f, "modelled cycles       %llu (%.3f cycles/insn)\n", (unsigned long long)st->cycles,
            st->instret ? (double)st->cycles / (double)st->instret : 0.0);
    fprintf(f, "time at 360 MHz       %.3f us\n", (double)st->cycles / 360.0);
    fprintf(f, "time at 400 MHz       %.3f us\n", (double)st->cycles / 400.0);
    fprintf(f, "instruction mix:\n");
    for (int i = 0; i < 8; i++)
        fprintf(f, "  %-8s %12llu  %5.1f%%\n", p4sim_mix_names[i], (unsigned long long)st->mix[i],
                st->instret ? 100.0 * (double)st->mix[i] / (double)st->instret : 0.0);
}
