/*
 * asm.h - what a JIT needs on top of single instructions: a code buffer,
 * labels with forward references, branches that reach any distance,
 * constants in the fewest instructions, far calls, and the compressed form
 * whenever the operands allow it.
 *
 * Usage: rv_asm_init, emit instructions and labels, rv_asm_finish. A forward
 * conditional branch is emitted in the short form; if its label ends up out
 * of reach, rv_asm_finish reports RV_ASM_RETRY_FAR and the caller assembles
 * again with `far_branches` set, which emits every forward conditional
 * branch as an inverted branch over a jal (±1 MiB), or with `marks` kept
 * from the failed attempt: then only the branches that did not reach take
 * the long form (a retry may find more, made longer by those). Backward
 * branches pick their form from the known distance.
 */
#ifndef P4_RV32_ASM_H
#define P4_RV32_ASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rv32/rv32.h"

enum RvAsmStatus {
    RV_ASM_OK = 0,
    RV_ASM_RETRY_FAR,   /* a forward branch did not reach: assemble again with far_branches */
    RV_ASM_FULL,        /* the caller's buffer is full */
    RV_ASM_BAD_OPERAND, /* an instruction's operand does not fit its field */
    RV_ASM_NO_MEMORY,
    RV_ASM_UNBOUND,     /* a label was used but never bound */
};

typedef struct RvFixup {
    uint32_t at;    /* byte offset of the instruction to patch */
    uint32_t label;
    uint32_t branch; /* a short forward conditional branch: its number (RvFarMarks); else UINT32_MAX */
    uint32_t next;  /* the label's next fixup (UINT32_MAX: none) */
    RvInsn insn;    /* the instruction, its imm to be filled in */
} RvFixup;

/* The forward conditional branches (numbered in the order they are
 * emitted) that did not reach in the short form: the caller's, kept from
 * one assembly of the same code to the next. */
typedef struct RvFarMarks {
    uint8_t *far;   /* per branch number: 1 = long form */
    uint32_t cap, set; /* set: how many are marked */
} RvFarMarks;

/* A label's fixups in the order made: binding it resolves them without a
 * walk of every fixup (a scan per label bound was quadratic in the code's
 * branches: 2.5% of compiling a dot-product kernel). */
typedef struct RvChain {
    uint32_t first, last;
} RvChain;

/* A record of an assembly for rv_asm_replay: each call whose bytes depend
 * on where it lands (labels, branches, jumps, calls), with the code's length
 * before and after it; the instructions between are position-independent,
 * copied from the code made. */
enum RvAsmOpKind { RV_OP_BIND, RV_OP_BRANCH, RV_OP_JUMP, RV_OP_JUMP_WIDE, RV_OP_LP_SETUP, RV_OP_CALL };

typedef struct RvAsmOp {
    uint32_t at, end; /* the code's length before and after it */
    uint32_t arg;     /* the label (BIND, BRANCH, JUMP*, LP_SETUP), the target (CALL) */
    uint16_t op;      /* BRANCH: the branch */
    uint8_t kind;     /* enum RvAsmOpKind */
    uint8_t r1, r2;   /* BRANCH: rs1, rs2; JUMP*: rd; LP_SETUP: the id, rs1 */
    bool rvc;         /* RvAsm.rvc at the call */
} RvAsmOp;

typedef struct RvAsmLog {
    RvAsmOp *ops;
    uint32_t n, cap;
    uint8_t *code;    /* the code made (rv_asm_log_code) */
    uint32_t len, nlabels; /* (the labels made: again, first thing, in a replay) */
    bool owned;       /* ops is malloc'd (else the caller's, cap entries: taken over by a malloc'd copy when full) */
    bool lost;        /* out of memory, or a failure other than a branch out of reach: not to be replayed */
} RvAsmLog;

typedef struct RvAsm {
    uint8_t *code;
    size_t len, cap;
    bool owned;         /* code is malloc'd and grows */
    bool rvc;           /* use compressed forms when they fit */
    bool far_branches;  /* forward conditional branches in the long form */
    RvFarMarks *marks;  /* else those marked here (NULL: none); failures are marked */
    uint32_t nbranch;   /* forward conditional branches emitted so far */
    RvRev rev;          /* the PIE encoding of ops >= RV_PIE_FIRST (RV_REV_NONE: none) */
    uint32_t base;      /* address the code will run at (for far calls) */
    int status;         /* first error, enum RvAsmStatus */
    uint32_t *labels;   /* byte offset of each label, UINT32_MAX until bound */
    RvChain *chains;    /* per label: its fixups */
    uint32_t nlabels, caplabels;
    RvFixup *fixups;
    uint32_t nfixups, capfixups;
    RvAsmLog *log;      /* the calls are recorded here (NULL: not recorded); the caller's */
} RvAsm;

/* buf/cap: a caller-provided buffer, or NULL/0 for a growable one. */
void rv_asm_init(RvAsm *a, uint8_t *buf, size_t cap, uint32_t base, bool rvc);
void rv_asm_free(RvAsm *a);
/* Resolves what is left and returns the status. */
int rv_asm_finish(RvAsm *a);

/* One instruction; the compressed form when a->rvc and the operands allow.
 * A PIE op is encoded for a->rev (a bad operand without one). */
void rv_asm_emit(RvAsm *a, const RvInsn *in);
/* rd = value, in one instruction when it can be (addi/c.li, lui/c.lui),
 * else lui + addi. */
void rv_asm_li(RvAsm *a, unsigned rd, int32_t value);
void rv_asm_mv(RvAsm *a, unsigned rd, unsigned rs);

uint32_t rv_asm_new_label(RvAsm *a);
void rv_asm_bind(RvAsm *a, uint32_t label);
/* Conditional branch (op: RV_BEQ ... RV_BGEU) to a label, any distance. */
void rv_asm_branch(RvAsm *a, RvOp op, unsigned rs1, unsigned rs2, uint32_t label);
/* jal rd, label (±1 MiB). */
void rv_asm_jump(RvAsm *a, unsigned rd, uint32_t label);
/* The same, never compressed: a slot of a fixed 4 bytes (the JIT's
 * exception return point after a call). */
void rv_asm_jump_wide(RvAsm *a, unsigned rd, uint32_t label);
/* esp.lp.setup id, rs1, (body end): a hardware loop whose body starts
 * after this instruction; `end` is a label bound right after the body's
 * last instruction, which must be 4 bytes (the encoding is the same in
 * both PIE revisions). A body beyond the 12-bit offset's reach (8190
 * bytes) fails with RV_ASM_BAD_OPERAND. */
void rv_asm_lp_setup(RvAsm *a, unsigned id, unsigned rs1, uint32_t end);
/* Call an absolute address: jal when in reach, else auipc + jalr. */
void rv_asm_call(RvAsm *a, uint32_t target);

/* An assembly again without its caller's work: after one recorded in a
 * log (RvAsm.log) finished with RV_ASM_RETRY_FAR, rv_asm_log_code keeps
 * its code (false: no memory), and rv_asm_replay makes the same code in
 * `a` (initialised again, far_branches or marks set) and finishes it: the
 * same instructions and labels, the branches in their new forms. */
bool rv_asm_log_code(RvAsmLog *log, const RvAsm *a);
int rv_asm_replay(RvAsm *a, const RvAsmLog *log);
void rv_asm_log_free(RvAsmLog *log);

#endif
