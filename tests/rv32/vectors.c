/*
 * vectors.c - generates encoder test vectors: every opcode with boundary
 * operands (every register in every field, immediate extremes, negative
 * offsets, every rounding mode, every CSR form, aq/rl). Writes
 *   OUT.bin  the encoded words, little-endian
 *   OUT.dis  our disassembly, one objdump-style line per word
 *   OUT.alias.dis  the same in alias style (objdump without -M no-aliases)
 *   OUT.s    the same instructions in GNU as syntax (branches as .+offset)
 * and checks decode(encode(x)) == x on the way. check_vectors.py compares
 * OUT.dis with binutils' objdump and OUT.s assembled by binutils with OUT.bin.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rv32/rv32.h"

static FILE *bin, *dis, *adis, *as;
static uint32_t pc;
static unsigned count, failures;

static void emit(const RvInsn *in)
{
    uint32_t w;
    if (!rv_encode(in, &w)) {
        fprintf(stderr, "encoder refused %s (imm %ld)\n", rv_info[in->op].name, (long)in->imm);
        failures++;
        return;
    }
    RvInsn back;
    int len = in->op >= RV_FIRST_C ? 2 : 4;
    if (rv_decode(w, &back) != len || memcmp(&back, in, sizeof back) != 0) {
        fprintf(stderr, "decode(encode(x)) != x for %s: word %08lx\n", rv_info[in->op].name, (unsigned long)w);
        failures++;
    }
    uint8_t b[4] = {(uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16), (uint8_t)(w >> 24)};
    fwrite(b, 1, (size_t)len, bin);
    char text[128], alias[128];
    rv_disasm(b, (size_t)len, pc, text, sizeof text);
    rv_disasm_rev(b, (size_t)len, pc, RV_REV_NONE, RV_DIS_ALIASES, alias, sizeof alias);
    if (len == 4) {
        fprintf(dis, "%8lx:\t%08lx          \t%s\n", (unsigned long)pc, (unsigned long)w, text);
        fprintf(adis, "%8lx:\t%08lx          \t%s\n", (unsigned long)pc, (unsigned long)w, alias);
    } else {
        fprintf(dis, "%8lx:\t%04lx                \t%s\n", (unsigned long)pc, (unsigned long)w, text);
        fprintf(adis, "%8lx:\t%04lx                \t%s\n", (unsigned long)pc, (unsigned long)w, alias);
    }
    /* as syntax: like the disassembly, but pc-relative targets as .+offset */
    int fmt = rv_info[in->op].format;
    if (fmt == RVF_BRANCH || fmt == RVF_JAL || fmt == RVF_C_BRANCH) {
        char *last = strrchr(text, ',');
        snprintf(last + 1, sizeof text - (size_t)(last + 1 - text), ".%+ld", (long)in->imm);
    } else if (fmt == RVF_C_J) {
        char *tab = strchr(text, '\t');
        snprintf(tab + 1, sizeof text - (size_t)(tab + 1 - text), ".%+ld", (long)in->imm);
    }
    char *tab = strchr(text, '\t');
    if (tab)
        *tab = ' ';
    /* as compresses what it can unless told not to: only the c. forms may be */
    if (len == 2)
        fprintf(as, ".option rvc\n%s\n.option norvc\n", text);
    else
        fprintf(as, "%s\n", text);
    pc += (uint32_t)len;
    count++;
}

static RvInsn base(RvOp op)
{
    RvInsn in;
    memset(&in, 0, sizeof in);
    in.op = (uint16_t)op;
    in.len = 4;
    return in;
}

/* Immediates of each width: the extremes, around zero, and a spread. */
static const int32_t imm12[] = {-2048, -2047, -1024, -100, -1, 0, 1, 2, 7, 100, 1023, 2046, 2047};
static const int32_t boff[] = {-4096, -4094, -2048, -64, -2, 2, 4, 64, 2046, 4094};
static const int32_t joff[] = {-1048576, -1048574, -65536, -4096, -2, 2, 4, 2048, 65536, 1048574};
static const int32_t u20[] = {0, 1, 0x7ff, 0x800, 0x12345, 0x7ffff, 0x80000, 0xfffff};
static const uint16_t csrs[] = {0x001, 0x002, 0x003, 0xc00, 0xc01, 0xc02, 0xc80, 0xc82, 0x300, 0x301,
                                0x304, 0x305, 0x340, 0x341, 0x342, 0x343, 0x344, 0xb00, 0xb02, 0xf14,
                                0xc03, 0xc1f, 0xb03, 0x323, 0x7c0, 0x7cc, 0x5c0, 0x8c0, 0xbc0, 0xfc0};
static const uint8_t rms[] = {0, 1, 2, 3, 4, 7};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Every register value in each field, the others rotating. */
static void regs3(RvOp op, int n_regs, bool with_rm)
{
    for (unsigned r = 0; r < 32; r++) {
        for (unsigned k = 0; k < (with_rm ? N(rms) : 1); k++) {
            RvInsn in = base(op);
            in.rd = (uint8_t)r;
            in.rs1 = (uint8_t)((r + 7) % 32);
            in.rs2 = (uint8_t)(n_regs >= 3 ? (r + 13) % 32 : 0);
            in.rs3 = (uint8_t)(n_regs >= 4 ? (r + 21) % 32 : 0);
            in.rm = with_rm ? rms[k] : 0;
            emit(&in);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: rv32_vectors OUT\n");
        return 2;
    }
    char path[512];
    snprintf(path, sizeof path, "%s.bin", argv[1]);
    bin = fopen(path, "wb");
    snprintf(path, sizeof path, "%s.dis", argv[1]);
    dis = fopen(path, "w");
    snprintf(path, sizeof path, "%s.alias.dis", argv[1]);
    adis = fopen(path, "w");
    snprintf(path, sizeof path, "%s.s", argv[1]);
    as = fopen(path, "w");
    if (!bin || !dis || !adis || !as)
        return 2;

    for (int op = 0; op < RV_FIRST_C; op++) {
        RvInsn in = base((RvOp)op);
        switch (rv_info[op].format) {
        case RVF_R:
        case RVF_FR_NORM:
        case RVF_FCMP:
            regs3((RvOp)op, 3, false);
            break;
        case RVF_FR:
            regs3((RvOp)op, 3, true);
            break;
        case RVF_FR4:
            regs3((RvOp)op, 4, true);
            break;
        case RVF_FR1:
        case RVF_FCVT_XF:
        case RVF_FCVT_FX:
            regs3((RvOp)op, 2, true);
            break;
        case RVF_FMV_XF:
        case RVF_FMV_FX:
            regs3((RvOp)op, 2, false);
            break;
        case RVF_I:
        case RVF_LOAD:
        case RVF_JALR:
        case RVF_FLOAD:
        case RVF_STORE:
        case RVF_FSTORE:
            for (unsigned r = 0; r < 32; r++)
                for (unsigned k = 0; k < N(imm12); k++) {
                    in.rd = (uint8_t)r;
                    in.rs2 = (rv_info[op].format == RVF_STORE || rv_info[op].format == RVF_FSTORE) ? (uint8_t)r : 0;
                    if (in.rs2)
                        in.rd = 0;
                    if (rv_info[op].format == RVF_STORE || rv_info[op].format == RVF_FSTORE)
                        in.rd = 0;
                    in.rs1 = (uint8_t)((r + k) % 32);
                    in.imm = imm12[k];
                    emit(&in);
                }
            break;
        case RVF_SHIFT:
            for (unsigned r = 0; r < 32; r++) {
                in.rd = (uint8_t)r;
                in.rs1 = (uint8_t)((r * 5 + 3) % 32);
                in.imm = (int32_t)r;
                emit(&in);
            }
            break;
        case RVF_BRANCH:
            for (unsigned r = 0; r < 32; r++)
                for (unsigned k = 0; k < N(boff); k++) {
                    in.rs1 = (uint8_t)r;
                    in.rs2 = (uint8_t)((r + k + 1) % 32);
                    in.imm = boff[k];
                    emit(&in);
                }
            break;
        case RVF_JAL:
            for (unsigned r = 0; r < 32; r++)
                for (unsigned k = 0; k < N(joff); k++) {
                    in.rd = (uint8_t)r;
                    in.imm = joff[k];
                    emit(&in);
                }
            break;
        case RVF_U:
            for (unsigned r = 0; r < 32; r++)
                for (unsigned k = 0; k < N(u20); k++) {
                    in.rd = (uint8_t)r;
                    in.imm = u20[k];
                    emit(&in);
                }
            break;
        case RVF_FENCE:
            for (unsigned pred = 1; pred < 16; pred++)
                for (unsigned succ = 1; succ < 16; succ++) {
                    in.imm = (int32_t)(pred << 4 | succ);
                    emit(&in);
                }
            break;
        case RVF_NONE:
            emit(&in);
            break;
        case RVF_CSR:
        case RVF_CSRI:
            for (unsigned c = 0; c < N(csrs); c++)
                for (unsigned r = 0; r < 32; r += 3) {
                    in.rd = (uint8_t)r;
                    in.rs1 = (uint8_t)((r + c) % 32);
                    in.csr = csrs[c];
                    emit(&in);
                }
            break;
        case RVF_AMO:
        case RVF_LR:
            for (unsigned r = 0; r < 32; r++)
                for (unsigned o = 0; o < 4; o++) {
                    in.rd = (uint8_t)r;
                    in.rs1 = (uint8_t)((r + 11) % 32);
                    in.rs2 = rv_info[op].format == RVF_AMO ? (uint8_t)((r + 19) % 32) : 0;
                    in.aq = (uint8_t)(o >> 1);
                    in.rl = (uint8_t)(o & 1);
                    emit(&in);
                }
            break;
        default:
            fprintf(stderr, "no vectors for %s\n", rv_info[op].name);
            failures++;
        }
    }

    /* Compressed forms: every register their fields allow, immediates across
     * each layout's range (decode refuses reserved and hint encodings, and
     * so must encode: those are skipped quietly here). */
    for (int op = RV_FIRST_C; op < RV__COUNT; op++) {
        for (int32_t v = -4096; v <= 4096; v += 34) {
            for (unsigned r = 1; r < 32; r += 7) {
                RvInsn in = base((RvOp)op);
                in.len = 2;
                uint8_t rp = (uint8_t)(8 + r % 8), full = (uint8_t)r;
                switch (rv_info[op].format) {
                case RVF_C_ADDI4SPN: in.rd = rp, in.rs1 = 2, in.imm = v & 0x3fc; break;
                case RVF_C_LW: case RVF_C_FLW: in.rd = rp, in.rs1 = (uint8_t)(8 + (r + 3) % 8), in.imm = v & 0x7c; break;
                case RVF_C_SW: case RVF_C_FSW: in.rs2 = rp, in.rs1 = (uint8_t)(8 + (r + 3) % 8), in.imm = v & 0x7c; break;
                case RVF_C_ADDI: in.rd = full, in.rs1 = op == RV_C_LI ? 0 : full, in.imm = v % 32; break;
                case RVF_C_J: in.rd = op == RV_C_JAL ? 1 : 0, in.imm = v % 2048; break;
                case RVF_C_ADDI16SP: in.rd = in.rs1 = 2, in.imm = (v % 32) * 16; break;
                case RVF_C_LUI: in.rd = full == 2 ? 3 : full, in.imm = (v % 32) * 4096; break;
                case RVF_C_SHIFTR: in.rd = in.rs1 = rp, in.imm = v & 31; break;
                case RVF_C_ANDI: in.rd = in.rs1 = rp, in.imm = v % 32; break;
                case RVF_C_ALU: in.rd = in.rs1 = rp, in.rs2 = (uint8_t)(8 + (r + 5) % 8); break;
                case RVF_C_BRANCH: in.rs1 = rp, in.imm = v % 256; break;
                case RVF_C_SLLI: in.rd = in.rs1 = full, in.imm = v & 31; break;
                case RVF_C_LWSP: case RVF_C_FLWSP: in.rd = full, in.rs1 = 2, in.imm = v & 0xfc; break;
                case RVF_C_JR: in.rs1 = full, in.rd = op == RV_C_JALR ? 1 : 0; break;
                case RVF_C_MV: in.rd = full, in.rs2 = (uint8_t)((r + 11) % 31 + 1), in.rs1 = op == RV_C_ADD ? full : 0; break;
                case RVF_C_SWSP: case RVF_C_FSWSP: in.rs2 = full, in.rs1 = 2, in.imm = v & 0xfc; break;
                default: break;
                }
                uint32_t w;
                if (rv_encode(&in, &w))
                    emit(&in);
                if (rv_info[op].format == RVF_C_NONE || rv_info[op].format == RVF_C_JR ||
                    rv_info[op].format == RVF_C_ALU || rv_info[op].format == RVF_C_MV)
                    break; /* no immediate: one round of registers is enough */
            }
            if (rv_info[op].format == RVF_C_NONE)
                break;
            if ((rv_info[op].format == RVF_C_JR || rv_info[op].format == RVF_C_ALU || rv_info[op].format == RVF_C_MV) && v > -4000)
                break;
        }
    }

    /* Then random operands, 50 per opcode, from a fixed seed. */
    uint32_t seed = 0x2545f491u;
#define RAND() (seed = seed * 1664525u + 1013904223u, seed >> 8)
    for (int op = 0; op < RV_FIRST_C; op++) {
        for (int k = 0; k < 50; k++) {
            RvInsn in = base((RvOp)op);
            uint32_t r = RAND();
            int fmt = rv_info[op].format;
            bool has_rd = fmt != RVF_STORE && fmt != RVF_FSTORE && fmt != RVF_BRANCH && fmt != RVF_FENCE &&
                          fmt != RVF_NONE;
            bool has_rs1 = fmt != RVF_U && fmt != RVF_JAL && fmt != RVF_FENCE && fmt != RVF_NONE;
            bool has_rs2 = fmt == RVF_R || fmt == RVF_FR_NORM || fmt == RVF_FCMP || fmt == RVF_FR || fmt == RVF_FR4 ||
                           fmt == RVF_STORE || fmt == RVF_FSTORE || fmt == RVF_BRANCH || fmt == RVF_AMO;
            in.rd = has_rd ? (uint8_t)(r & 31) : 0;
            in.rs1 = has_rs1 ? (uint8_t)((r >> 5) & 31) : 0;
            in.rs2 = has_rs2 ? (uint8_t)((r >> 10) & 31) : 0;
            in.rs3 = fmt == RVF_FR4 ? (uint8_t)((r >> 15) & 31) : 0;
            if (fmt == RVF_FR || fmt == RVF_FR4 || fmt == RVF_FR1 || fmt == RVF_FCVT_XF || fmt == RVF_FCVT_FX)
                in.rm = rms[RAND() % N(rms)];
            uint32_t v = RAND();
            switch (fmt) {
            case RVF_I: case RVF_LOAD: case RVF_JALR: case RVF_FLOAD: case RVF_STORE: case RVF_FSTORE:
                in.imm = (int32_t)(v % 4096) - 2048; break;
            case RVF_BRANCH: in.imm = ((int32_t)(v % 4096) - 2048) * 2; break;
            case RVF_JAL:    in.imm = ((int32_t)(v % 1048576) - 524288) * 2; break;
            case RVF_U:      in.imm = (int32_t)(v & 0xfffff); break;
            case RVF_SHIFT:  in.imm = (int32_t)(v & 31); break;
            case RVF_FENCE:  in.imm = (int32_t)((1 + v % 15) << 4 | (1 + (v >> 4) % 15)); break;
            case RVF_CSR: case RVF_CSRI: in.csr = csrs[v % N(csrs)]; break;
            case RVF_AMO: case RVF_LR: in.aq = v & 1; in.rl = (v >> 1) & 1; break;
            default: break;
            }
            emit(&in);
        }
    }

    /* Words that objdump shows with an alias of their own (nop, the counter
     * and F CSR reads, ret and friends, c.nop), for the alias-style check. */
    static const uint32_t alias_words[] = {
        0x00000013, 0x00000001, 0xc0002573, 0xc0102573, 0xc0202573, 0xc8002573, 0xc8102573, 0xc8202573,
        0x00202573, 0x00302573, 0x00102573, 0x00008067, 0x00050067, 0x000500e7, 0x00008082, 0x00050082,
        0x00050082, 0x0ff0000f, 0x0ff57513, 0xfff54513, 0x40a00533, 0x00153513, 0x00a03533, 0x00052533,
        0x00a02533, 0x20b58553, 0x20b59553, 0x20b5a553, 0x00b50063, 0x00050063, 0x00a05063, 0x00055063,
        0x00054063, 0x00a04063, 0x0000006f, 0x000000ef, 0x00000097,
    };
    for (unsigned i = 0; i < N(alias_words); i++) {
        RvInsn in;
        if (rv_decode(alias_words[i], &in) == 0)
            continue; /* a reserved word (c.nop is a hint here): nothing to compare */
        emit(&in);
    }

    /* Out-of-range operands are refused, never truncated. */
    struct {
        RvOp op;
        int32_t imm;
    } bad[] = {{RV_ADDI, 2048}, {RV_ADDI, -2049}, {RV_BEQ, 3}, {RV_BEQ, 4096}, {RV_JAL, 1048576},
               {RV_JAL, 1}, {RV_LUI, 0x100000}, {RV_LUI, -1}, {RV_SLLI, 32}, {RV_SW, 2048}};
    for (unsigned i = 0; i < N(bad); i++) {
        RvInsn in = base(bad[i].op);
        in.imm = bad[i].imm;
        uint32_t w;
        if (rv_encode(&in, &w)) {
            fprintf(stderr, "encoder accepted %s with imm %ld\n", rv_info[in.op].name, (long)in.imm);
            failures++;
        }
    }
    RvInsn r = base(RV_FADD_S);
    r.rm = 5;
    uint32_t w;
    if (rv_encode(&r, &w)) {
        fprintf(stderr, "encoder accepted a reserved rounding mode\n");
        failures++;
    }
    r = base(RV_ADD);
    r.rd = 32;
    if (rv_encode(&r, &w)) {
        fprintf(stderr, "encoder accepted register 32\n");
        failures++;
    }

    fclose(bin);
    fclose(dis);
    fclose(adis);
    fclose(as);
    printf("%u vectors, %u failures\n", count, failures);
    return failures ? 1 : 0;
}
