/*
 * rv32.h - the RV32 machine-code layer: one instruction table, shared by the
 * encoder, the decoder, the disassembler, the JIT and the simulator.
 *
 * Encodings are facts from the RISC-V Unprivileged ISA specification
 * (RV32I, M, A, F, Zicsr, Zifencei; table "RV32/64G Instruction Set
 * Listings") and the Privileged specification (mret, wfi). The compressed
 * (C) forms are those of RV32C with F (no D). The ESP32-P4 PIE and
 * hardware-loop instructions have their own table (pie.h, pie.c): they are
 * decoded and encoded only when a PIE revision (RvRev) is asked for.
 */
#ifndef P4_RV32_H
#define P4_RV32_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rv32/pie.h"

/* Operand layouts. Each decides which fields an instruction has and how the
 * disassembler prints them (GNU objdump's -M no-aliases syntax). */
enum RvFormat {
    RVF_R,      /* rd, rs1, rs2 */
    RVF_I,      /* rd, rs1, imm12 */
    RVF_SHIFT,  /* rd, rs1, shamt (printed in hex) */
    RVF_LOAD,   /* rd, imm(rs1) */
    RVF_STORE,  /* rs2, imm(rs1) */
    RVF_BRANCH, /* rs1, rs2, target */
    RVF_U,      /* rd, imm20 (printed in hex) */
    RVF_JAL,    /* rd, target */
    RVF_JALR,   /* rd, imm(rs1) */
    RVF_FENCE,  /* pred, succ */
    RVF_NONE,   /* no operands */
    RVF_CSR,    /* rd, csr, rs1 */
    RVF_CSRI,   /* rd, csr, uimm5 */
    RVF_AMO,    /* rd, rs2, (rs1) with .aq/.rl */
    RVF_LR,     /* rd, (rs1) with .aq/.rl */
    RVF_FLOAD,  /* fd, imm(rs1) */
    RVF_FSTORE, /* fs2, imm(rs1) */
    RVF_FR,     /* fd, fs1, fs2[, rm] */
    RVF_FR_NORM,/* fd, fs1, fs2 (no rounding mode) */
    RVF_FCMP,   /* rd, fs1, fs2 */
    RVF_FR4,    /* fd, fs1, fs2, fs3[, rm] */
    RVF_FR1,    /* fd, fs1[, rm] */
    RVF_FCVT_XF,/* rd, fs1[, rm] */
    RVF_FCVT_FX,/* fd, rs1[, rm] */
    RVF_FMV_XF, /* rd, fs1 */
    RVF_FMV_FX, /* fd, rs1 */
    /* compressed (RV32C with F), 16-bit; x8-x15 for the 3-bit register fields */
    RVF_C_ADDI4SPN, /* rd', sp, nzuimm */
    RVF_C_LW,       /* rd', uimm(rs1') */
    RVF_C_FLW,      /* fd', uimm(rs1') */
    RVF_C_SW,       /* rs2', uimm(rs1') */
    RVF_C_FSW,      /* fs2', uimm(rs1') */
    RVF_C_ADDI,     /* rd, imm6 (c.addi, c.li) */
    RVF_C_J,        /* target (c.jal, c.j) */
    RVF_C_ADDI16SP, /* sp, nzimm */
    RVF_C_LUI,      /* rd, nzimm[17:12] */
    RVF_C_SHIFTR,   /* rd', shamt (c.srli, c.srai) */
    RVF_C_ANDI,     /* rd', imm6 */
    RVF_C_ALU,      /* rd', rs2' */
    RVF_C_BRANCH,   /* rs1', target */
    RVF_C_SLLI,     /* rd, shamt */
    RVF_C_LWSP,     /* rd, uimm(sp) */
    RVF_C_FLWSP,    /* fd, uimm(sp) */
    RVF_C_JR,       /* rs1 (c.jr, c.jalr) */
    RVF_C_MV,       /* rd, rs2 (c.mv, c.add) */
    RVF_C_NONE,     /* c.ebreak */
    RVF_C_SWSP,     /* rs2, uimm(sp) */
    RVF_C_FSWSP,    /* fs2, uimm(sp) */
};

/* X(ID, mnemonic, format, match, mask): an instruction word w is ID when
 * (w & mask) == match. */
#define RV_INSNS(X) \
    X(LUI,       "lui",       RVF_U,      0x00000037, 0x0000007f) \
    X(AUIPC,     "auipc",     RVF_U,      0x00000017, 0x0000007f) \
    X(JAL,       "jal",       RVF_JAL,    0x0000006f, 0x0000007f) \
    X(JALR,      "jalr",      RVF_JALR,   0x00000067, 0x0000707f) \
    X(BEQ,       "beq",       RVF_BRANCH, 0x00000063, 0x0000707f) \
    X(BNE,       "bne",       RVF_BRANCH, 0x00001063, 0x0000707f) \
    X(BLT,       "blt",       RVF_BRANCH, 0x00004063, 0x0000707f) \
    X(BGE,       "bge",       RVF_BRANCH, 0x00005063, 0x0000707f) \
    X(BLTU,      "bltu",      RVF_BRANCH, 0x00006063, 0x0000707f) \
    X(BGEU,      "bgeu",      RVF_BRANCH, 0x00007063, 0x0000707f) \
    X(LB,        "lb",        RVF_LOAD,   0x00000003, 0x0000707f) \
    X(LH,        "lh",        RVF_LOAD,   0x00001003, 0x0000707f) \
    X(LW,        "lw",        RVF_LOAD,   0x00002003, 0x0000707f) \
    X(LBU,       "lbu",       RVF_LOAD,   0x00004003, 0x0000707f) \
    X(LHU,       "lhu",       RVF_LOAD,   0x00005003, 0x0000707f) \
    X(SB,        "sb",        RVF_STORE,  0x00000023, 0x0000707f) \
    X(SH,        "sh",        RVF_STORE,  0x00001023, 0x0000707f) \
    X(SW,        "sw",        RVF_STORE,  0x00002023, 0x0000707f) \
    X(ADDI,      "addi",      RVF_I,      0x00000013, 0x0000707f) \
    X(SLTI,      "slti",      RVF_I,      0x00002013, 0x0000707f) \
    X(SLTIU,     "sltiu",     RVF_I,      0x00003013, 0x0000707f) \
    X(XORI,      "xori",      RVF_I,      0x00004013, 0x0000707f) \
    X(ORI,       "ori",       RVF_I,      0x00006013, 0x0000707f) \
    X(ANDI,      "andi",      RVF_I,      0x00007013, 0x0000707f) \
    X(SLLI,      "slli",      RVF_SHIFT,  0x00001013, 0xfe00707f) \
    X(SRLI,      "srli",      RVF_SHIFT,  0x00005013, 0xfe00707f) \
    X(SRAI,      "srai",      RVF_SHIFT,  0x40005013, 0xfe00707f) \
    X(ADD,       "add",       RVF_R,      0x00000033, 0xfe00707f) \
    X(SUB,       "sub",       RVF_R,      0x40000033, 0xfe00707f) \
    X(SLL,       "sll",       RVF_R,      0x00001033, 0xfe00707f) \
    X(SLT,       "slt",       RVF_R,      0x00002033, 0xfe00707f) \
    X(SLTU,      "sltu",      RVF_R,      0x00003033, 0xfe00707f) \
    X(XOR,       "xor",       RVF_R,      0x00004033, 0xfe00707f) \
    X(SRL,       "srl",       RVF_R,      0x00005033, 0xfe00707f) \
    X(SRA,       "sra",       RVF_R,      0x40005033, 0xfe00707f) \
    X(OR,        "or",        RVF_R,      0x00006033, 0xfe00707f) \
    X(AND,       "and",       RVF_R,      0x00007033, 0xfe00707f) \
    X(FENCE,     "fence",     RVF_FENCE,  0x0000000f, 0xf00fffff) \
    X(FENCE_I,   "fence.i",   RVF_NONE,   0x0000100f, 0xffffffff) \
    X(ECALL,     "ecall",     RVF_NONE,   0x00000073, 0xffffffff) \
    X(EBREAK,    "ebreak",    RVF_NONE,   0x00100073, 0xffffffff) \
    X(MRET,      "mret",      RVF_NONE,   0x30200073, 0xffffffff) \
    X(WFI,       "wfi",       RVF_NONE,   0x10500073, 0xffffffff) \
    X(CSRRW,     "csrrw",     RVF_CSR,    0x00001073, 0x0000707f) \
    X(CSRRS,     "csrrs",     RVF_CSR,    0x00002073, 0x0000707f) \
    X(CSRRC,     "csrrc",     RVF_CSR,    0x00003073, 0x0000707f) \
    X(CSRRWI,    "csrrwi",    RVF_CSRI,   0x00005073, 0x0000707f) \
    X(CSRRSI,    "csrrsi",    RVF_CSRI,   0x00006073, 0x0000707f) \
    X(CSRRCI,    "csrrci",    RVF_CSRI,   0x00007073, 0x0000707f) \
    /* M */ \
    X(MUL,       "mul",       RVF_R,      0x02000033, 0xfe00707f) \
    X(MULH,      "mulh",      RVF_R,      0x02001033, 0xfe00707f) \
    X(MULHSU,    "mulhsu",    RVF_R,      0x02002033, 0xfe00707f) \
    X(MULHU,     "mulhu",     RVF_R,      0x02003033, 0xfe00707f) \
    X(DIV,       "div",       RVF_R,      0x02004033, 0xfe00707f) \
    X(DIVU,      "divu",      RVF_R,      0x02005033, 0xfe00707f) \
    X(REM,       "rem",       RVF_R,      0x02006033, 0xfe00707f) \
    X(REMU,      "remu",      RVF_R,      0x02007033, 0xfe00707f) \
    /* A (aq/rl in bits 26/25 are operands, not part of the match) */ \
    X(LR_W,      "lr.w",      RVF_LR,     0x1000202f, 0xf9f0707f) \
    X(SC_W,      "sc.w",      RVF_AMO,    0x1800202f, 0xf800707f) \
    X(AMOSWAP_W, "amoswap.w", RVF_AMO,    0x0800202f, 0xf800707f) \
    X(AMOADD_W,  "amoadd.w",  RVF_AMO,    0x0000202f, 0xf800707f) \
    X(AMOXOR_W,  "amoxor.w",  RVF_AMO,    0x2000202f, 0xf800707f) \
    X(AMOAND_W,  "amoand.w",  RVF_AMO,    0x6000202f, 0xf800707f) \
    X(AMOOR_W,   "amoor.w",   RVF_AMO,    0x4000202f, 0xf800707f) \
    X(AMOMIN_W,  "amomin.w",  RVF_AMO,    0x8000202f, 0xf800707f) \
    X(AMOMAX_W,  "amomax.w",  RVF_AMO,    0xa000202f, 0xf800707f) \
    X(AMOMINU_W, "amominu.w", RVF_AMO,    0xc000202f, 0xf800707f) \
    X(AMOMAXU_W, "amomaxu.w", RVF_AMO,    0xe000202f, 0xf800707f) \
    /* F (single precision; rm in bits 14:12 is an operand) */ \
    X(FLW,       "flw",       RVF_FLOAD,  0x00002007, 0x0000707f) \
    X(FSW,       "fsw",       RVF_FSTORE, 0x00002027, 0x0000707f) \
    X(FMADD_S,   "fmadd.s",   RVF_FR4,    0x00000043, 0x0600007f) \
    X(FMSUB_S,   "fmsub.s",   RVF_FR4,    0x00000047, 0x0600007f) \
    X(FNMSUB_S,  "fnmsub.s",  RVF_FR4,    0x0000004b, 0x0600007f) \
    X(FNMADD_S,  "fnmadd.s",  RVF_FR4,    0x0000004f, 0x0600007f) \
    X(FADD_S,    "fadd.s",    RVF_FR,     0x00000053, 0xfe00007f) \
    X(FSUB_S,    "fsub.s",    RVF_FR,     0x08000053, 0xfe00007f) \
    X(FMUL_S,    "fmul.s",    RVF_FR,     0x10000053, 0xfe00007f) \
    X(FDIV_S,    "fdiv.s",    RVF_FR,     0x18000053, 0xfe00007f) \
    X(FSQRT_S,   "fsqrt.s",   RVF_FR1,    0x58000053, 0xfff0007f) \
    X(FSGNJ_S,   "fsgnj.s",   RVF_FR_NORM,0x20000053, 0xfe00707f) \
    X(FSGNJN_S,  "fsgnjn.s",  RVF_FR_NORM,0x20001053, 0xfe00707f) \
    X(FSGNJX_S,  "fsgnjx.s",  RVF_FR_NORM,0x20002053, 0xfe00707f) \
    X(FMIN_S,    "fmin.s",    RVF_FR_NORM,0x28000053, 0xfe00707f) \
    X(FMAX_S,    "fmax.s",    RVF_FR_NORM,0x28001053, 0xfe00707f) \
    X(FCVT_W_S,  "fcvt.w.s",  RVF_FCVT_XF,0xc0000053, 0xfff0007f) \
    X(FCVT_WU_S, "fcvt.wu.s", RVF_FCVT_XF,0xc0100053, 0xfff0007f) \
    X(FMV_X_W,   "fmv.x.w",   RVF_FMV_XF, 0xe0000053, 0xfff0707f) \
    X(FEQ_S,     "feq.s",     RVF_FCMP,   0xa0002053, 0xfe00707f) \
    X(FLT_S,     "flt.s",     RVF_FCMP,   0xa0001053, 0xfe00707f) \
    X(FLE_S,     "fle.s",     RVF_FCMP,   0xa0000053, 0xfe00707f) \
    X(FCLASS_S,  "fclass.s",  RVF_FMV_XF, 0xe0001053, 0xfff0707f) \
    X(FCVT_S_W,  "fcvt.s.w",  RVF_FCVT_FX,0xd0000053, 0xfff0007f) \
    X(FCVT_S_WU, "fcvt.s.wu", RVF_FCVT_FX,0xd0100053, 0xfff0007f) \
    X(FMV_W_X,   "fmv.w.x",   RVF_FMV_FX, 0xf0000053, 0xfff0707f) \
    /* C: 16-bit match/mask; order matters where encodings nest */ \
    X(C_ADDI4SPN,"c.addi4spn",RVF_C_ADDI4SPN, 0x0000, 0xe003) \
    X(C_LW,      "c.lw",      RVF_C_LW,   0x4000, 0xe003) \
    X(C_FLW,     "c.flw",     RVF_C_FLW,  0x6000, 0xe003) \
    X(C_SW,      "c.sw",      RVF_C_SW,   0xc000, 0xe003) \
    X(C_FSW,     "c.fsw",     RVF_C_FSW,  0xe000, 0xe003) \
    X(C_ADDI,    "c.addi",    RVF_C_ADDI, 0x0001, 0xe003) \
    X(C_JAL,     "c.jal",     RVF_C_J,    0x2001, 0xe003) \
    X(C_LI,      "c.li",      RVF_C_ADDI, 0x4001, 0xe003) \
    X(C_ADDI16SP,"c.addi16sp",RVF_C_ADDI16SP, 0x6101, 0xef83) \
    X(C_LUI,     "c.lui",     RVF_C_LUI,  0x6001, 0xe003) \
    X(C_SRLI,    "c.srli",    RVF_C_SHIFTR, 0x8001, 0xec03) \
    X(C_SRAI,    "c.srai",    RVF_C_SHIFTR, 0x8401, 0xec03) \
    X(C_ANDI,    "c.andi",    RVF_C_ANDI, 0x8801, 0xec03) \
    X(C_SUB,     "c.sub",     RVF_C_ALU,  0x8c01, 0xfc63) \
    X(C_XOR,     "c.xor",     RVF_C_ALU,  0x8c21, 0xfc63) \
    X(C_OR,      "c.or",      RVF_C_ALU,  0x8c41, 0xfc63) \
    X(C_AND,     "c.and",     RVF_C_ALU,  0x8c61, 0xfc63) \
    X(C_J,       "c.j",       RVF_C_J,    0xa001, 0xe003) \
    X(C_BEQZ,    "c.beqz",    RVF_C_BRANCH, 0xc001, 0xe003) \
    X(C_BNEZ,    "c.bnez",    RVF_C_BRANCH, 0xe001, 0xe003) \
    X(C_SLLI,    "c.slli",    RVF_C_SLLI, 0x0002, 0xe003) \
    X(C_LWSP,    "c.lwsp",    RVF_C_LWSP, 0x4002, 0xe003) \
    X(C_FLWSP,   "c.flwsp",   RVF_C_FLWSP, 0x6002, 0xe003) \
    X(C_JR,      "c.jr",      RVF_C_JR,   0x8002, 0xf07f) \
    X(C_MV,      "c.mv",      RVF_C_MV,   0x8002, 0xf003) \
    X(C_EBREAK,  "c.ebreak",  RVF_C_NONE, 0x9002, 0xffff) \
    X(C_JALR,    "c.jalr",    RVF_C_JR,   0x9002, 0xf07f) \
    X(C_ADD,     "c.add",     RVF_C_MV,   0x9002, 0xf003) \
    X(C_SWSP,    "c.swsp",    RVF_C_SWSP, 0xc002, 0xe003) \
    X(C_FSWSP,   "c.fswsp",   RVF_C_FSWSP, 0xe002, 0xe003)

typedef enum RvOp {
#define RV_OP_ENUM(id, name, fmt, match, mask) RV_##id,
    RV_INSNS(RV_OP_ENUM)
#undef RV_OP_ENUM
    RV__COUNT,
    RV_INVALID = RV__COUNT,
    /* ESP32-P4 custom instructions (pie.h), from 0x100 on; rv_info does
     * not describe them (rv_pie_name gives the mnemonic) */
    RV__PIE_BEFORE = 0xff,
#define RV_PIE_ENUM(id, ...) RV_##id,
    RV_PIE_INSNS(RV_PIE_ENUM)
#undef RV_PIE_ENUM
    RV__PIE_END
} RvOp;

#define RV_PIE_FIRST (RV__PIE_BEFORE + 1)
#define RV_PIE_LAST (RV__PIE_END - 1)

#define RV_FIRST_C RV_C_ADDI4SPN /* compressed ops follow the 32-bit ones */

typedef struct RvInfo {
    const char *name;
    uint8_t format; /* enum RvFormat */
    uint32_t match, mask;
} RvInfo;

extern const RvInfo rv_info[RV__COUNT];

/* Rounding modes (the rm field); RV_RM_DYN uses the frm CSR. */
enum { RV_RM_RNE = 0, RV_RM_RTZ = 1, RV_RM_RDN = 2, RV_RM_RUP = 3, RV_RM_RMM = 4, RV_RM_DYN = 7 };

/* A decoded (or to-be-encoded) instruction. Register fields hold x or f
 * register numbers as the format says. */
typedef struct RvInsn {
    uint16_t op;    /* enum RvOp */
    uint8_t len;    /* bytes: 4 (2 for compressed forms, later) */
    uint8_t rd, rs1, rs2, rs3;
    uint8_t rm;     /* rounding mode (F); PIE rev 3: its rounding mode, 0-7 */
    uint8_t aq, rl; /* A */
    uint16_t csr;
    int32_t imm;    /* sign-extended; branch/jump offsets in bytes; U: the
                       20-bit value (not shifted); FENCE: pred << 4 | succ;
                       PIE: the byte offset; esp.lp.*: bytes from this pc */
    /* ESP32-P4 PIE and hardware loops (PIE x register operands are in
     * rd/rs1/rs2) */
    uint8_t qu, qv, qx, qy, qz; /* q0-q7, named as in the reference */
    uint8_t sel;    /* selector operand; esp.lp.*: the loop id */
    uint8_t sat;    /* rev 3: 0 truncate, 1 saturate */
    uint16_t count; /* esp.lp.counti/setupi: the iteration count */
} RvInsn;

/* Which ESP32-P4 instruction encodings exist besides the standard ones. */
typedef enum RvRev {
    RV_REV_NONE = 0, /* standard RV32IMAFC+C only */
    RV_REV_1 = 1,    /* silicon before rev 3.0: PIE xespv2p1, hardware loops */
    RV_REV_3 = 3,    /* rev 3.0 and later: PIE xespv2p2, hardware loops */
} RvRev;

/* Decodes one instruction: a 16-bit compressed one from the low half when
 * its low two bits are not 11, else the 32-bit word. Returns the length in
 * bytes (2 or 4), or 0 for an encoding this layer does not know (reserved
 * ones included). */
int rv_decode(uint32_t word, RvInsn *out);

/* Encodes an instruction (16-bit ones in the low half of *word); returns
 * false (and leaves *word alone) when an operand is out of range for its
 * field or the encoding would be reserved: never truncates silently. */
bool rv_encode(const RvInsn *in, uint32_t *word);

/* Internal: the alias text of a 32-bit instruction, false when it has none
 * (alias.c); a CSR's name as objdump prints it (disasm.c). */
bool rv_alias_text(const RvInsn *d, uint32_t pc, char *buf, size_t n);
void rv_csr_name(uint16_t csr, char *buf, size_t n);

/* The compressed halves of rv_decode and rv_encode (compressed.c). */
int rv_decode_c(uint16_t half, RvInsn *out);
bool rv_encode_c(const RvInsn *in, uint32_t *word);

/* The 32-bit instruction a compressed one stands for (the simulator
 * executes that); a 32-bit instruction is returned unchanged. */
RvInsn rv_expand(const RvInsn *in);

/* Disassembles one instruction at `pc` into buf as "mnemonic\toperands"
 * (objdump -M no-aliases syntax). Returns the instruction length (2 or 4). */
int rv_disasm(const uint8_t *bytes, size_t avail, uint32_t pc, char *buf, size_t buflen);

/* The same for a P4 revision (its PIE and hardware loops), and with
 * RV_DIS_ALIASES in the style objdump uses without -M no-aliases (li, mv,
 * ret, j, nop, beqz..., and PIE's short mnemonics). */
enum { RV_DIS_ALIASES = 1 };
int rv_disasm_rev(const uint8_t *bytes, size_t avail, uint32_t pc, RvRev rev, unsigned flags, char *buf,
                  size_t buflen);

/* rv_decode and rv_encode with the P4's custom instructions of `rev` (none
 * for RV_REV_NONE). A word of one revision's PIE never decodes in the
 * other's; the hardware loops decode in both. */
int rv_decode_rev(uint32_t word, RvRev rev, RvInsn *out);
bool rv_encode_rev(const RvInsn *in, RvRev rev, uint32_t *word);

/* The mnemonic of any op, standard or PIE. */
const char *rv_op_name(unsigned op);

/* The PIE half of the above (pie.c). PIE x register operands must be one of
 * x8-x15, x24-x31; immediates in range and multiples of their step. */
int rv_pie_decode(uint32_t word, RvRev rev, RvInsn *out);
bool rv_pie_encode(const RvInsn *in, RvRev rev, uint32_t *word);
bool rv_pie_format(const RvInsn *d, RvRev rev, bool aliases, char *buf, size_t n);
const char *rv_pie_name(unsigned op);

/* Describes a PIE instruction's operands, for tests and tools: the RvInsn
 * field of each (in assembler order), its range and step. Returns their
 * number, or -1 when op has no encoding in rev. */
enum RvPieField {
    RV_PF_QU, RV_PF_QV, RV_PF_QX, RV_PF_QY, RV_PF_QZ, RV_PF_RD, RV_PF_RS1, RV_PF_RS2,
    RV_PF_IMM, RV_PF_SEL, RV_PF_SAT, RV_PF_RM, RV_PF_COUNT,
};
#define RV_PIE_MAX_OPERANDS 7
typedef struct RvPieOperand {
    uint8_t field; /* enum RvPieField */
    int32_t min, max, step;
} RvPieOperand;
int rv_pie_operands(unsigned op, RvRev rev, RvPieOperand out[RV_PIE_MAX_OPERANDS]);
bool rv_pie_encoding(unsigned op, RvRev rev, uint32_t *match, uint32_t *mask);

/* The `p4jit objdump FILE.bin [--vma ADDR] [--rev 1|3] [--aliases]` command. */
int rv32_objdump_main(int argc, char **argv);

/* ABI names of the registers, as objdump prints them. */
extern const char *const rv_xreg_names[32];
extern const char *const rv_freg_names[32];

#endif
