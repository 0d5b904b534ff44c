/*
 * asm_test.c - the JIT assembler: constants, labels and branches of any
 * reach, far calls, and automatic compression, checked by decoding what it
 * produced and evaluating it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rv32/asm.h"

static unsigned passed, failed;

#define CHECK(cond, ...)                      \
    do {                                      \
        if (cond) {                           \
            passed++;                         \
        } else {                              \
            failed++;                         \
            if (failed < 20) {                \
                fprintf(stderr, __VA_ARGS__); \
                fputc('\n', stderr);          \
            }                                 \
        }                                     \
    } while (0)

/* Decodes the buffer into expanded 32-bit instructions. */
static int decode_all(const RvAsm *a, RvInsn *out, uint32_t *at, int max)
{
    int n = 0;
    for (size_t pos = 0; pos < a->len && n < max;) {
        uint32_t w = 0;
        memcpy(&w, a->code + pos, a->len - pos >= 4 ? 4 : 2);
        RvInsn d;
        int len = rv_decode(w, &d);
        if (len == 0)
            return -1;
        at[n] = (uint32_t)pos;
        out[n++] = rv_expand(&d);
        pos += (size_t)len;
    }
    return n;
}

/* Evaluates a straight-line constant load into x10. */
static int32_t eval_li(const RvInsn *code, int n)
{
    uint32_t x10 = 0xdeadbeef;
    for (int i = 0; i < n; i++) {
        const RvInsn *d = &code[i];
        if (d->op == RV_LUI)
            x10 = (uint32_t)d->imm << 12;
        else if (d->op == RV_ADDI)
            x10 = (d->rs1 == 0 ? 0 : x10) + (uint32_t)d->imm;
    }
    return (int32_t)x10;
}

static void test_li(void)
{
    int32_t values[10000 + 16] = {0, 1, -1, 31, -32, 2047, -2048, 2048, -2049, 4095, 4096, 0x800, 0x7ffff800,
                                  0x7fffffff, (int32_t)0x80000000, 0x12345678};
    int n = 16;
    uint32_t seed = 99;
    while (n < 10000 + 16) {
        seed = seed * 1664525u + 1013904223u;
        values[n++] = (int32_t)(seed >> (seed & 15));
    }
    for (int rvc = 0; rvc < 2; rvc++) {
        for (int i = 0; i < n; i++) {
            RvAsm a;
            rv_asm_init(&a, NULL, 0, 0, rvc);
            rv_asm_li(&a, 10, values[i]);
            RvInsn code[4];
            uint32_t at[4];
            int k = decode_all(&a, code, at, 4);
            int want = (values[i] >= -2048 && values[i] < 2048) || (values[i] & 0xfff) == 0 ? 1 : 2;
            CHECK(rv_asm_finish(&a) == RV_ASM_OK && k == want && eval_li(code, k) == values[i],
                  "li %ld: %d instructions, value %ld", (long)values[i], k, (long)eval_li(code, k > 0 ? k : 0));
            if (rvc && values[i] >= -32 && values[i] < 32)
                CHECK(a.len == 2, "li %ld should be one c.li", (long)values[i]);
            rv_asm_free(&a);
        }
    }
}

/* Target of the branch or jump at index i. */
static uint32_t target_of(const RvInsn *d, uint32_t at) { return at + (uint32_t)d->imm; }

static void test_labels(void)
{
    for (int far = 0; far < 2; far++) {
        for (int gap = 0; gap <= 3; gap++) {
            /* forward and backward branches over 1, 1000, 5000 and 200000 nops (jal reaches 1 MiB) */
            static const int gaps[] = {1, 1000, 5000, 200000};
            RvAsm a;
            rv_asm_init(&a, NULL, 0, 0, false);
            a.far_branches = far;
            uint32_t back = rv_asm_new_label(&a), fwd = rv_asm_new_label(&a);
            rv_asm_bind(&a, back);
            rv_asm_branch(&a, RV_BLT, 10, 11, fwd);
            RvInsn nop = {0};
            nop.op = RV_ADDI;
            nop.len = 4;
            for (int i = 0; i < gaps[gap]; i++)
                rv_asm_emit(&a, &nop);
            rv_asm_branch(&a, RV_BGEU, 12, 13, back);
            rv_asm_bind(&a, fwd);
            int st = rv_asm_finish(&a);
            bool reach = gaps[gap] * 4 + 8 < 4096;
            if (!far && !reach) {
                CHECK(st == RV_ASM_RETRY_FAR, "a short forward branch over %d nops should ask for a retry", gaps[gap]);
            } else {
                CHECK(st == RV_ASM_OK, "labels over %d nops (far %d): status %d", gaps[gap], far, st);
                static RvInsn code[300010];
                static uint32_t at[300010];
                int k = decode_all(&a, code, at, 300010);
                /* follow the control flow: the first conditional branch (taken
                 * when a0 < a1) must end at fwd, the last one at back (0) */
                uint32_t fwd_at = (uint32_t)a.len, end_first = 0;
                if (code[0].op == RV_BLT)
                    end_first = target_of(&code[0], at[0]);
                else if (code[0].op == RV_BGE && code[1].op == RV_JAL)
                    end_first = target_of(&code[1], at[1]);
                uint32_t end_last = 0;
                if (code[k - 1].op == RV_BGEU)
                    end_last = target_of(&code[k - 1], at[k - 1]);
                else if (code[k - 2].op == RV_BLTU && code[k - 1].op == RV_JAL)
                    end_last = target_of(&code[k - 1], at[k - 1]);
                else
                    end_last = 1;
                CHECK(end_first == fwd_at && end_last == 0, "over %d nops: forward to %lx (want %lx), back to %lx",
                      gaps[gap], (unsigned long)end_first, (unsigned long)fwd_at, (unsigned long)end_last);
            }
            rv_asm_free(&a);
        }
    }
    RvAsm a;
    rv_asm_init(&a, NULL, 0, 0, false);
    rv_asm_branch(&a, RV_BEQ, 1, 2, rv_asm_new_label(&a));
    CHECK(rv_asm_finish(&a) == RV_ASM_UNBOUND, "an unbound label is reported");
    rv_asm_free(&a);
    uint8_t small[6];
    rv_asm_init(&a, small, sizeof small, 0, false);
    rv_asm_li(&a, 5, 0x12345678);
    CHECK(rv_asm_finish(&a) == RV_ASM_FULL, "a full caller buffer is reported");
    rv_asm_free(&a);
}

/* Many labels, each the target of several forward branches made before
 * any is bound, bound in another order: each branch lands on its own
 * label (the assembler keeps a chain of fixups per label). */
static void test_many_labels(void)
{
    enum { N = 200, PER = 3 };
    RvAsm a;
    rv_asm_init(&a, NULL, 0, 0, false);
    uint32_t label[N], want[N], branch_to[N * PER];
    for (int i = 0; i < N; i++)
        label[i] = rv_asm_new_label(&a);
    for (int k = 0; k < N * PER; k++) {
        branch_to[k] = (uint32_t)(k * 37 % N);
        rv_asm_branch(&a, RV_BEQ, 10, 11, label[branch_to[k]]);
    }
    RvInsn nop = {0};
    nop.op = RV_ADDI;
    nop.len = 4;
    for (int j = 0; j < N; j++) {
        int i = j * 53 % N;
        want[i] = (uint32_t)a.len;
        rv_asm_bind(&a, label[i]);
        rv_asm_emit(&a, &nop);
    }
    CHECK(rv_asm_finish(&a) == RV_ASM_OK, "many labels: status %d", a.status);
    static RvInsn code[N * PER + N];
    static uint32_t at[N * PER + N];
    int n = decode_all(&a, code, at, N * PER + N), wrong = 0;
    for (int k = 0; k < N * PER && k < n; k++)
        wrong += code[k].op != RV_BEQ || target_of(&code[k], at[k]) != want[branch_to[k]];
    CHECK(n == N * PER + N && wrong == 0, "many labels: %d instructions, %d branches off their label", n, wrong);
    rv_asm_free(&a);
}

static void test_call(void)
{
    static const uint32_t targets[] = {0x80000100, 0x800fff00, 0x80100000, 0x40000000, 0x4ff00000, 0xfffff000};
    for (unsigned i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        RvAsm a;
        rv_asm_init(&a, NULL, 0, 0x80000000, true);
        rv_asm_call(&a, targets[i]);
        RvInsn code[2];
        uint32_t at[2];
        int k = decode_all(&a, code, at, 2);
        uint32_t dest = 0;
        if (k == 1 && code[0].op == RV_JAL && code[0].rd == 1)
            dest = 0x80000000 + (uint32_t)code[0].imm;
        else if (k == 2 && code[0].op == RV_AUIPC && code[1].op == RV_JALR && code[1].rd == 1)
            dest = 0x80000000 + ((uint32_t)code[0].imm << 12) + (uint32_t)code[1].imm;
        CHECK(dest == targets[i], "call %08lx lands at %08lx", (unsigned long)targets[i], (unsigned long)dest);
        rv_asm_free(&a);
    }
}

static RvInsn make(RvOp op, unsigned rd, unsigned rs1, unsigned rs2, int32_t imm)
{
    RvInsn in = {0};
    in.op = (uint16_t)op;
    in.len = 4;
    in.rd = (uint8_t)rd, in.rs1 = (uint8_t)rs1, in.rs2 = (uint8_t)rs2, in.imm = imm;
    return in;
}

static void test_compression(void)
{
    struct {
        RvInsn in;
        RvOp want; /* RV_INVALID: must stay 32-bit */
    } cases[] = {
        {make(RV_ADDI, 10, 10, 0, 5), RV_C_ADDI},   {make(RV_ADDI, 10, 0, 0, -7), RV_C_LI},
        {make(RV_ADDI, 2, 2, 0, -64), RV_C_ADDI16SP}, {make(RV_ADDI, 8, 2, 0, 16), RV_C_ADDI4SPN},
        {make(RV_ADDI, 10, 11, 0, 0), RV_C_MV},     {make(RV_ADDI, 10, 11, 0, 5), RV_INVALID},
        {make(RV_LUI, 10, 0, 0, 0x1f), RV_C_LUI},   {make(RV_LUI, 10, 0, 0, 0xfffff), RV_C_LUI},
        {make(RV_LUI, 2, 0, 0, 1), RV_INVALID},     {make(RV_LW, 8, 9, 0, 4), RV_C_LW},
        {make(RV_LW, 20, 2, 0, 252), RV_C_LWSP},    {make(RV_LW, 8, 9, 0, 128), RV_INVALID},
        {make(RV_SW, 0, 2, 21, 8), RV_C_SWSP},      {make(RV_FLW, 8, 15, 0, 124), RV_C_FLW},
        {make(RV_FSW, 0, 2, 3, 0), RV_C_FSWSP},     {make(RV_ADD, 10, 10, 11, 0), RV_C_ADD},
        {make(RV_ADD, 10, 11, 10, 0), RV_C_ADD},    {make(RV_ADD, 10, 0, 11, 0), RV_C_MV},
        {make(RV_SUB, 8, 8, 9, 0), RV_C_SUB},       {make(RV_SUB, 8, 9, 8, 0), RV_INVALID},
        {make(RV_AND, 15, 15, 14, 0), RV_C_AND},    {make(RV_ANDI, 9, 9, 0, -1), RV_C_ANDI},
        {make(RV_SRAI, 9, 9, 0, 31), RV_C_SRAI},    {make(RV_SLLI, 20, 20, 0, 3), RV_C_SLLI},
        {make(RV_JAL, 0, 0, 0, -2048), RV_C_J},     {make(RV_JAL, 1, 0, 0, 2046), RV_C_JAL},
        {make(RV_JAL, 5, 0, 0, 8), RV_INVALID},     {make(RV_JALR, 0, 1, 0, 0), RV_C_JR},
        {make(RV_JALR, 1, 10, 0, 0), RV_C_JALR},    {make(RV_BEQ, 0, 9, 0, 254), RV_C_BEQZ},
        {make(RV_BNE, 0, 9, 0, -256), RV_C_BNEZ},   {make(RV_BNE, 0, 9, 0, 256), RV_INVALID},
        {make(RV_EBREAK, 0, 0, 0, 0), RV_C_EBREAK}, {make(RV_MUL, 10, 10, 11, 0), RV_INVALID},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        RvAsm a;
        rv_asm_init(&a, NULL, 0, 0, true);
        rv_asm_emit(&a, &cases[i].in);
        uint32_t w = 0;
        memcpy(&w, a.code, a.len);
        RvInsn d;
        int len = rv_decode(w, &d);
        bool ok = cases[i].want == RV_INVALID ? len == 4 : (len == 2 && d.op == cases[i].want);
        CHECK(ok && rv_asm_finish(&a) == RV_ASM_OK, "case %u (%s): got %s", i, rv_info[cases[i].in.op].name,
              len ? rv_info[d.op].name : "invalid");
        rv_asm_free(&a);
    }
}

/* PIE ops in the revision the assembler was given: 4 bytes even with
 * compression on, and a bad operand (or no revision) is reported. */
static void test_pie(void)
{
    RvInsn vld = make(RV_ESP_VLD_128_IP, 0, 13, 0, 560); /* esp.vld.128.ip q1, a3, 560 */
    vld.qu = 1;
    RvAsm a;
    rv_asm_init(&a, NULL, 0, 0, true);
    a.rev = RV_REV_1;
    rv_asm_emit(&a, &vld);
    uint32_t w = 0;
    if (a.len == 4)
        memcpy(&w, a.code, 4);
    CHECK(rv_asm_finish(&a) == RV_ASM_OK && a.len == 4 && w == 0x1212a63b,
          "rev 1 esp.vld.128.ip q1, a3, 560: %zu bytes, %08lx", a.len, (unsigned long)w);
    rv_asm_free(&a);

    /* rev 3: the same instruction in the other encoding, read back */
    rv_asm_init(&a, NULL, 0, 0, true);
    a.rev = RV_REV_3;
    rv_asm_emit(&a, &vld);
    RvInsn d = {0};
    w = 0;
    if (a.len == 4)
        memcpy(&w, a.code, 4);
    CHECK(rv_asm_finish(&a) == RV_ASM_OK && a.len == 4 && w != 0x1212a63b && rv_decode_rev(w, RV_REV_3, &d) == 4 &&
              d.op == RV_ESP_VLD_128_IP && d.qu == 1 && d.rs1 == 13 && d.imm == 560,
          "rev 3 esp.vld.128.ip q1, a3, 560: %08lx", (unsigned long)w);
    rv_asm_free(&a);

    struct {
        RvRev rev;
        unsigned rs1;
        int32_t imm;
    } bad[] = {
        {RV_REV_NONE, 13, 560}, /* no PIE without a revision */
        {RV_REV_1, 5, 0},       /* t0: not a PIE x register */
        {RV_REV_3, 13, 8},      /* not a multiple of 16 */
        {RV_REV_1, 13, 2048},   /* out of range */
    };
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        RvInsn in = vld;
        in.rs1 = (uint8_t)bad[i].rs1, in.imm = bad[i].imm;
        rv_asm_init(&a, NULL, 0, 0, true);
        a.rev = bad[i].rev;
        rv_asm_emit(&a, &in);
        CHECK(rv_asm_finish(&a) == RV_ASM_BAD_OPERAND && a.len == 0, "bad PIE operand %u is reported", i);
        rv_asm_free(&a);
    }
}

/* With marks, only the forward branches that did not reach take the long
 * form on the next assembly: a short branch over 10 nops and a long one
 * over 2000 (8 KB) then 1000 more, both to the same label, and a third,
 * short one, after them. */
static void assemble_marked(RvAsm *a, RvFarMarks *m)
{
    rv_asm_init(a, NULL, 0, 0, false);
    a->marks = m;
    uint32_t near = rv_asm_new_label(a), far = rv_asm_new_label(a), last = rv_asm_new_label(a);
    RvInsn nop = {0};
    nop.op = RV_ADDI;
    nop.len = 4;
    rv_asm_branch(a, RV_BLT, 10, 11, near); /* branch 0 */
    rv_asm_branch(a, RV_BNE, 12, 13, far);  /* branch 1 */
    for (int i = 0; i < 10; i++)
        rv_asm_emit(a, &nop);
    rv_asm_bind(a, near);
    for (int i = 0; i < 2000; i++)
        rv_asm_emit(a, &nop);
    rv_asm_bind(a, far);
    rv_asm_branch(a, RV_BGE, 14, 15, last); /* branch 2 */
    rv_asm_emit(a, &nop);
    rv_asm_bind(a, last);
}

static void test_far_marks(void)
{
    RvFarMarks m = {0};
    RvAsm a;
    assemble_marked(&a, &m);
    CHECK(rv_asm_finish(&a) == RV_ASM_RETRY_FAR && m.set == 1 && m.cap > 1 && m.far[1] && !m.far[0] && !m.far[2],
          "the branch out of reach marked alone (%u marked)", m.set);
    rv_asm_free(&a);
    assemble_marked(&a, &m);
    int st = rv_asm_finish(&a);
    static RvInsn code[2100];
    static uint32_t at[2100];
    int k = decode_all(&a, code, at, 2100);
    /* blt (short, to near), bne inverted to beq over a jal (to far), 10 nops, ... */
    CHECK(st == RV_ASM_OK && k > 4 && code[0].op == RV_BLT && target_of(&code[0], at[0]) == at[0] + 4 * 13 &&
              code[1].op == RV_BEQ && code[2].op == RV_JAL && target_of(&code[2], at[2]) == at[2] + 4 + 4 * 2010 &&
              code[k - 2].op == RV_BGE && target_of(&code[k - 2], at[k - 2]) == (uint32_t)a.len,
          "marked: the long form for branch 1 only (status %d, %d instructions)", st, k);
    rv_asm_free(&a);
    free(m.far);
}

/* A mixed assembly, compressed forms on: forward branches near and far,
 * backward ones, jumps both ways, constants, a call, a wide jump. */
static void assemble_mixed(RvAsm *a, RvFarMarks *m, bool far, RvAsmLog *log)
{
    rv_asm_init(a, NULL, 0, 0x40000000u, true);
    a->marks = m, a->far_branches = far, a->log = log;
    uint32_t top = rv_asm_new_label(a), near = rv_asm_new_label(a), away = rv_asm_new_label(a);
    rv_asm_bind(a, top);
    rv_asm_li(a, 10, 5);
    rv_asm_branch(a, RV_BLT, 10, 11, near);
    rv_asm_branch(a, RV_BNE, 8, 9, away);
    rv_asm_jump(a, 0, near);
    rv_asm_li(a, 12, 0x12345);
    rv_asm_bind(a, near);
    for (int i = 0; i < 1500; i++)
        rv_asm_li(a, 8 + (unsigned)(i & 7), i & 1 ? 3 : 100000);
    rv_asm_call(a, 0x40000100u);
    rv_asm_branch(a, RV_BEQ, 9, 0, top);
    rv_asm_jump(a, 0, top);
    uint32_t late = rv_asm_new_label(a);
    rv_asm_jump_wide(a, 1, late);
    rv_asm_bind(a, away);
    rv_asm_mv(a, 10, 11);
    rv_asm_bind(a, late);
    rv_asm_jump(a, 0, away); /* (near and back: c.j) */
}

/* A replay of the recorded assembly makes the bytes a new assembly with the
 * same marks (or all branches long) makes. */
static void test_replay(void)
{
    for (int far = 0; far < 2; far++) {
        RvFarMarks m = {0};
        RvAsmLog log;
        memset(&log, 0, sizeof log);
        RvAsm a, b;
        assemble_mixed(&a, &m, false, &log);
        int st = rv_asm_finish(&a);
        CHECK(st == RV_ASM_RETRY_FAR && !log.lost && log.n > 0 && rv_asm_log_code(&log, &a),
              "the first assembly asks for a retry, recorded (status %d)", st);
        rv_asm_free(&a);
        rv_asm_init(&a, NULL, 0, 0x40000000u, true);
        a.marks = far ? NULL : &m, a.far_branches = far;
        st = rv_asm_replay(&a, &log);
        assemble_mixed(&b, far ? NULL : &m, far, NULL);
        int want = rv_asm_finish(&b);
        CHECK(st == RV_ASM_OK && want == RV_ASM_OK && a.len == b.len && a.nlabels == b.nlabels &&
                  !memcmp(a.code, b.code, a.len),
              "replay, far %d: status %d (%d), %u bytes (%u), same bytes", far, st, want, (unsigned)a.len,
              (unsigned)b.len);
        rv_asm_free(&a);
        rv_asm_free(&b);
        rv_asm_log_free(&log);
        free(m.far);
    }
}

int main(void)
{
    test_li();
    test_labels();
    test_far_marks();
    test_replay();
    test_many_labels();
    test_call();
    test_compression();
    test_pie();
    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
