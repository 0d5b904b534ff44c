/*
 * report.c - what the JIT tells about itself: --jit-report (each function's
 * specialisations and each loop's fate), p4.jit_info, and `p4jit dis --jit`
 * listings (jit_dump).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit_int.h"
#include "vm/bytecode.h"
#include "vm/class.h"
#include "vm/p4b.h"

/* ---- reports -------------------------------------------------------------------------- */

/* Why a retired specialisation was compiled again or not (--jit-report):
 * its guard that deoptimised most, and the decision. */
static const char *fate_text(const JitSpec *s, char *buf, size_t len)
{
    const char *what = s->fate_op == IR_PHI    ? "a variable changes type"
                       : s->fate_op == IR_CALL ? "a call returns another type"
                       : s->fate_op == IR_FTOI ? "int() of a float beyond 32 bits"
                       : s->fate_op == IR_ALOAD ? "an attribute or closure variable is not as compiled"
                                               : "an int result beyond 32 bits";
    const char *then = s->fate == JIT_RECOMPILE || s->fate == JIT_RECOMPILED ? ", so the merge there is a float in new code"
                       : s->fate_op == IR_PHI && s->nfloat_merges ? ", after a recompilation made merges floats"
                       : s->fate_op == IR_PHI  ? ", an int reaching a float merge (no wider type)"
                       : s->fate_op == IR_CALL || s->fate_op == IR_ALOAD ? ""
                                               : ", and compiled code has no wider int";
    snprintf(buf, len, "%s: %u of them at line %d, %s%s",
             s->fate == JIT_RECOMPILE || s->fate == JIT_RECOMPILED ? "recompiled" : "stays interpreted",
             (unsigned)s->fate_count, (int)jit_line_at(s->code, s->fate_pc), what, then);
    return buf;
}

static size_t signature(const JitSpec *s, char *buf, size_t len)
{
    size_t n = 0;
    char tmp[24];
    n += (size_t)snprintf(buf + n, len - n, "(");
    for (uint32_t i = 0; i < s->nparams && n < len; i++)
        n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? ", " : "", jit_type_name(s->params[i], tmp, sizeof tmp));
    if (n < len)
        n += (size_t)snprintf(buf + n, len - n, ")");
    if (s->state == SPEC_COMPILED && n < len)
        n += (size_t)snprintf(buf + n, len - n, " -> %s", jit_type_name(s->ret, tmp, sizeof tmp));
    return n < len ? n : len - 1;
}

static const char *filename(const JitSpec *s)
{
    return s->code->program->filename->data;
}

static size_t describe(const JitSpec *s, char *buf, size_t len)
{
    char sig[160];
    signature(s, sig, sizeof sig);
    int n;
    if (s->state == SPEC_COMPILED)
        n = snprintf(buf, len, "compiled %s, %u bytes of code", sig, (unsigned)s->code_len);
    else
        n = snprintf(buf, len, "not compiled %s: %s (%s, line %d)", sig, s->why.why, filename(s), (int)s->why.line);
    return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1;
}

Str *jit_info(VM *vm, Function *fn)
{
    JitFunc *f = fn->jit;
    char buf[400];
    if (vm->jit && f && !f->specs && f->untyped[0])
        snprintf(buf, sizeof buf, "interpreted: %s", f->untyped);
    else if (!vm->jit || !f || !f->specs)
        strcpy(buf, "interpreted");
    else {
        size_t n = 0;
        for (JitSpec *s = f->specs; s && n + 1 < sizeof buf; s = s->next) {
            if (n)
                n += (size_t)snprintf(buf + n, sizeof buf - n, "; ");
            n += describe(s, buf + n, sizeof buf - n);
        }
        if (!vm->jit->code_exec && n + 1 < sizeof buf)
            snprintf(buf + n, sizeof buf - n, " (not run: this machine cannot execute RV32 code)");
    }
    return str_from_cstr(vm, buf);
}

/* The local a `for` at pc stores its items into (FOR_ITER, STORE_FAST), or NULL. */
static const char *loop_variable(const Code *code, uint32_t pc)
{
    for (uint32_t p = pc ? pc - 1 : 0; p + 1 < code->ninsns && p < pc + 4; p++)
        if (BC_OP(code->insns[p]) == OP_FOR_ITER && BC_OP(code->insns[p + 1]) == OP_STORE_FAST)
            return AS(Str, code->program->strings[code->src->localnames[BC_ARG(code->insns[p + 1])]])->data;
    return NULL;
}

static const char *const hw_fuse_name[] = {
    [JIT_HW_NOFUSE] = "",
    [JIT_HW_LDBC_INCP] = " with a fused load (esp.vmulas.s8.qacc.ldbc.incp)",
    [JIT_HW_QACC_LD_IP] = " with a fused load (esp.vmulas.s8.qacc.ld.ip)",
    [JIT_HW_XACC_LD_IP] = " with a fused load (esp.vmulas.s8.xacc.ld.ip)",
    [JIT_HW_VSMULAS_LD_INCP] = " with a fused load (esp.vsmulas.s8.qacc.ld.incp)",
    [JIT_HW_XACC16_LD_IP] = " with a fused load (esp.vmulas.s16.xacc.ld.ip)",
};

/* A vectorised loop's line: the hardware loops (esp.lp.setup) emit.c made
 * of its PIE copy (its own or its inner loops'), or that there is none. */
static void report_hw_loops(const JitSpec *s, const IrLoopNote *t)
{
    bool any = false, own = false;
    uint32_t n = s->nhw < JIT_MAX_HWNOTES ? s->nhw : JIT_MAX_HWNOTES;
    for (uint32_t i = 0; i < n; i++) {
        const JitHwNote *h = &s->hw[i];
        bool seen = false; /* (one line for copies of one loop with the same load) */
        for (uint32_t j = 0; j < i; j++)
            seen |= s->hw[j].pc == h->pc && s->hw[j].pie == h->pie && s->hw[j].fuse == h->fuse;
        if (!h->pie || seen || h->pc < t->lo || h->pc > t->hi)
            continue;
        if (h->pc == t->pc && own && h->fuse == JIT_HW_QACC_LD_IP && !strcmp(t->how, "dot product"))
            fputs(", and a copy that also sums the next output row in QACC (row pairs: esp.vmulas.s8.qacc.ld.ip)",
                  stderr);
        else if (h->pc == t->pc)
            fprintf(stderr, ", on a hardware loop (esp.lp.setup)%s", hw_fuse_name[h->fuse]);
        else
            fprintf(stderr, ", a hardware loop (esp.lp.setup)%s for the loop at line %d", hw_fuse_name[h->fuse],
                    (int)jit_line_at(s->code, h->pc));
        any = true;
        own |= h->pc == t->pc;
    }
    if (!any)
        fputs(s->nhw > n ? ", hardware loops not listed" : ", no hardware loop", stderr);
}

/* One line per loop of a compiled specialisation: on PIE and how, or why not (vector.c's notes). */
static void report_loops(const JitSpec *s)
{
    for (uint32_t i = 0; i < s->nloops; i++) {
        const IrLoopNote *t = &s->loops[i];
        const char *var = loop_variable(s->code, t->pc);
        fprintf(stderr, "    %s:%d: %s", filename(s), (int)jit_line_at(s->code, t->pc),
                t->how ? "vectorised: " : "not vectorised: ");
        if (var)
            fprintf(stderr, "loop over %s", var);
        else
            fprintf(stderr, "while loop");
        if (t->how) {
            fprintf(stderr, ", %u lanes (%s)", (unsigned)t->lanes,
                    !strcmp(t->how, "lanes") ? "int8 multiply-accumulate into QACC, int32 stores"
                    : !strcmp(t->how, "dot product") ? "int8 dot product into XACC"
                    : !strcmp(t->how, "int16 dot product") ? "int16 dot product into XACC" : "elementwise");
            if (t->taps)
                fprintf(stderr, ", 16 taps per load (esp.vsmulas) in %u inner loop%s", (unsigned)t->taps,
                        t->taps > 1 ? "s" : "");
            if (t->alias)
                fputs(", arrays compared at entry (a load may read the stored array)", stderr);
            report_hw_loops(s, t);
            fputc('\n', stderr);
            continue;
        }
        fprintf(stderr, ": %s", t->why ? t->why : "not looked at");
        if (t->why_op)
            fprintf(stderr, " (%s)", ir_opinfo[t->why_op].name);
        if (t->ref_pc != UINT32_MAX)
            fprintf(stderr, " (line %d)", (int)jit_line_at(s->code, t->ref_pc));
        if (t->why_dot)
            fprintf(stderr, "; as a dot product: %s", t->why_dot);
        if (t->why_ew) {
            fprintf(stderr, "; as elementwise: %s", t->why_ew);
            if (t->why_ew_op)
                fprintf(stderr, " (%s, line %d)", ir_opinfo[t->why_ew_op].name, (int)jit_line_at(s->code, t->why_ew_pc));
        }
        fputc('\n', stderr);
    }
}

void jit_report(VM *vm)
{
    JitState *js = vm->jit;
    if (!js)
        return;
    char line[512];
    fprintf(stderr, "JIT report (%s; %u of %u bytes of code used",
            js->code_exec ? "compiled code runs here" : "code generated, not run on this machine",
            (unsigned)js->code_used, (unsigned)js->cfg.code_size);
    size_t compile_heap = jit_compile_heap_peak();
    if (compile_heap)
        fprintf(stderr, "; at most %lu bytes of heap to compile a function", (unsigned long)compile_heap);
    fputs(")\n", stderr);
    for (JitFunc *f = js->all; f; f = f->next_all) {
        if (!f->specs && f->untyped[0])
            fprintf(stderr, "  %s: not compiled: %s (%s, line %d)\n", f->code->name->data, f->untyped,
                    f->code->program->filename->data, (int)f->code->src->firstline);
        else if (!f->specs && !f->head.off && f->parked)
            fprintf(stderr, "  %s: interpreted: called from a loop its estimate left interpreted (compiled with "
                            "that loop's function, if it is compiled) (%s, line %d)\n",
                    f->code->name->data, f->code->program->filename->data, (int)f->code->src->firstline);
        else if (!f->specs && !f->head.off && js->cfg.mode == JIT_AUTO && !f->has_loop && f->work < js->cfg.call_threshold)
            fprintf(stderr, "  %s: interpreted: %lu calls, below -X jit-threshold=%lu (%s, line %d)\n",
                    f->code->name->data, (unsigned long)f->work, (unsigned long)js->cfg.call_threshold,
                    f->code->program->filename->data, (int)f->code->src->firstline);
        else if (!f->specs && !f->head.off && f->loops_declined)
            fprintf(stderr, "  %s: interpreted: %lu calls; its loops make objects of a class and were estimated at %lu "
                            "iterations in all, fewer than the %lu that repay compiling it (%s, line %d)\n",
                    f->code->name->data, (unsigned long)f->loops_declined, (unsigned long)f->loop_trips,
                    (unsigned long)JIT_CALLING_LOOP_ITERS, f->code->program->filename->data,
                    (int)f->code->src->firstline);
        if (f->closures_declined)
            fprintf(stderr, "  %s: %lu calls of new closures interpreted: its closures are made anew and called once "
                            "(each would be compiled again, its cells built in) (%s, line %d)\n",
                    f->code->name->data, (unsigned long)f->closures_declined, f->code->program->filename->data,
                    (int)f->code->src->firstline);
        for (JitSpec *s = f->specs; s; s = s->next) {
            describe(s, line, sizeof line);
            fprintf(stderr, "  %s: %s", f->code->name->data, line);
            if (s->state == SPEC_COMPILED)
                fprintf(stderr, ", %u bytecode instructions, %llu cycles to compile",
                        (unsigned)s->bc_insns, (unsigned long long)s->compile_cycles);
            if (s->state == SPEC_COMPILED && s->vector_lanes)
                fprintf(stderr, ", the loop at line %d on %u PIE lanes", (int)s->vector_line, (unsigned)s->vector_lanes);
            if (s->state == SPEC_COMPILED && s->vector_taps)
                fprintf(stderr, ", 16 taps per load (esp.vsmulas) in %u inner loop%s", (unsigned)s->vector_taps,
                        s->vector_taps > 1 ? "s" : "");
            if (s->state == SPEC_COMPILED && s->deopt_guards)
                fprintf(stderr, ", %u guards deoptimise (%u bytes of maps)", (unsigned)s->deopt_guards,
                        (unsigned)s->deopt_bytes);
            if (s->deopts)
                fprintf(stderr, "; deoptimised %u times, last at line %d (%s, %s)%s", (unsigned)s->deopts,
                        (int)jit_line_at(s->code, s->deopt_pc),
                        s->deopt_op == IR_PHI    ? "a variable changes type"
                        : s->deopt_op == IR_CALL ? "a call returns another type"
                        : s->deopt_op == IR_ALOAD ? "an attribute or closure variable is not as compiled"
                                                 : ir_opinfo[s->deopt_op].name,
                        bc_opinfo[BC_OP(s->code->insns[s->deopt_pc])].name,
                        s->retired ? ": the interpreter no longer enters it (" JIT_DEOPT_LIMIT_TEXT " deoptimisations in "
                                     JIT_DEOPT_WINDOW_TEXT " entries or fewer" : "");
            if (s->retired) {
                char why[200];
                fprintf(stderr, "%s%s)", s->fate ? "; " : "", s->fate ? fate_text(s, why, sizeof why) : "");
                if (s->redirected)
                    fprintf(stderr, ", nor compiled callers (%u calls of it went to the interpreter since)",
                            (unsigned)s->retired_calls);
                if (s->deopts_retired)
                    fprintf(stderr, ", %u deoptimisations after it retired", (unsigned)s->deopts_retired);
            }
            if (s->nfloat_merges) {
                fprintf(stderr, "; a recompilation: float merges at line");
                for (uint32_t i = 0; i < s->nfloat_merges; i++)
                    fprintf(stderr, "%s %d", i ? "," : "", (int)jit_line_at(s->code, s->float_merges[i]));
            }
            fputc('\n', stderr);
            if (s->state == SPEC_COMPILED)
                report_loops(s);
        }
    }
}

typedef struct TextBuf {
    char *s;
    size_t len, cap;
} TextBuf;

static void text_add(void *ctx, const char *t)
{
    TextBuf *b = ctx;
    size_t n = strlen(t);
    if (b->len + n + 1 > b->cap) {
        size_t nc = (b->len + n + 1) * 2;
        char *p = realloc(b->s, nc);
        if (!p)
            return;
        b->s = p, b->cap = nc;
    }
    memcpy(b->s + b->len, t, n + 1);
    b->len += n;
}

char *jit_listing(const Ir *ir, const char *asmtext)
{
    TextBuf b = {NULL, 0, 0};
    text_add(&b, "IR after optimisation:\n");
    ir_print(ir, text_add, &b);
    text_add(&b, "RV32IMAFC code:\n");
    text_add(&b, asmtext);
    return b.s;
}

void jit_dump(VM *vm)
{
    JitState *js = vm->jit;
    if (!js)
        return;
    char line[512];
    /* functions in the order they were first seen */
    uint32_t n = 0;
    for (JitFunc *f = js->all; f; f = f->next_all)
        n++;
    for (uint32_t k = n; k-- > 0;) {
        JitFunc *f = js->all;
        for (uint32_t i = 0; i < k; i++)
            f = f->next_all;
        for (JitSpec *s = f->specs; s; s = s->next) {
            describe(s, line, sizeof line);
            printf("function %s: %s\n", f->code->name->data, line);
            if (s->dump)
                fputs(s->dump, stdout);
            putchar('\n');
        }
    }
}
