/*
 * print.c - the IR as text, for `p4jit dis --jit`, reports and tests:
 *
 *   block 2 (bytecode 18) preds 1 5
 *     v31 int = phi v12 v40
 *     v33 int = addo v31 v32        ; line 13
 */
#include <stdio.h>
#include <string.h>

#include "jit/ir.h"

const char *ir_type_name(IrType t)
{
    static const char *const names[TY__COUNT] = {"void", "int", "bool", "float", "none", "ptr"};
    return t < TY__COUNT ? names[t] : "?";
}

static const char *const cond_names[] = {"eq", "ne", "lt", "le", "gt", "ge"};

void ir_print(const Ir *ir, IrPrintFn out, void *ctx)
{
    char line[256];
    for (uint32_t bi = 0; bi < ir->nblocks; bi++) {
        const IrBlock *b = &ir->blocks[bi];
        if (b->dead)
            continue;
        int n = snprintf(line, sizeof line, "block %u (bytecode %u)", (unsigned)bi, (unsigned)b->bc_start);
        if (b->npreds) {
            n += snprintf(line + n, sizeof line - (size_t)n, " preds");
            for (uint32_t p = 0; p < b->npreds && n < 200; p++)
                n += snprintf(line + n, sizeof line - (size_t)n, " %d", (int)b->preds[p]);
        }
        if (b->loop_depth)
            n += snprintf(line + n, sizeof line - (size_t)n, " loop depth %d", (int)b->loop_depth);
        if (b->cold)
            n += snprintf(line + n, sizeof line - (size_t)n, " cold");
        snprintf(line + n, sizeof line - (size_t)n, "\n");
        out(ctx, line);
        for (uint32_t i = 0; i < b->nins; i++) {
            int32_t v = b->ins[i];
            const IrIns *in = &ir->ins[v];
            const IrOpInfo *info = &ir_opinfo[in->op];
            char name[16];
            size_t k = 0;
            for (; info->name[k] && k < sizeof name - 1; k++)
                name[k] = (char)(info->name[k] | 0x20); /* lower case */
            name[k] = 0;
            if (info->has_result)
                n = snprintf(line, sizeof line, "  v%d %s = %s", (int)v, ir_type_name((IrType)in->type), name);
            else
                n = snprintf(line, sizeof line, "  %s", name);
            if (in->op == IR_CONST) {
                if (in->type == TY_FLOAT)
                    n += snprintf(line + n, sizeof line - (size_t)n, " %.9g", (double)in->k.f);
                else
                    n += snprintf(line + n, sizeof line - (size_t)n, " %d", (int)in->k.i);
            } else if (in->op == IR_PARAM)
                n += snprintf(line + n, sizeof line - (size_t)n, " %d", (int)in->k.i);
            if (in->op == IR_CMP || in->op == IR_FCMP)
                n += snprintf(line + n, sizeof line - (size_t)n, ".%s", cond_names[in->aux % 6]);
            if (in->op == IR_OVF && in->aux < IR__COUNT) { /* the check whose failure it computes */
                n += snprintf(line + n, sizeof line - (size_t)n, ".");
                for (const char *c = ir_opinfo[in->aux].name; *c && n < 200; c++)
                    line[n++] = (char)(*c | 0x20);
                line[n] = 0;
            }
            if (in->op == IR_VMAC) /* a: one element for every lane, or lanes; into XACC */
                n += snprintf(line + n, sizeof line - (size_t)n, ".%s%s%s", in->aux & 1 ? "lanes" : "bcast",
                              in->aux & 2 ? ".xacc" : "", in->aux & 8 ? ".s16" : "");
            if (in->op == IR_VZERO && in->aux)
                n += snprintf(line + n, sizeof line - (size_t)n, ".xacc");
            if (in->op == IR_VSTQ)
                n += snprintf(line + n, sizeof line - (size_t)n, ".%d", (int)in->aux);
            if ((in->op == IR_ALOAD || in->op == IR_ASTORE) && in->aux)
                n += snprintf(line + n, sizeof line - (size_t)n, ".%c", in->aux == 'Y' ? 'B' : in->aux);
            const int32_t ops[3] = {in->a, in->b, in->c};
            for (int o = 0; o < 3; o++)
                if (ops[o] >= 0)
                    n += snprintf(line + n, sizeof line - (size_t)n, " v%d", (int)ops[o]);
            uint32_t nl = in->op == IR_PHI ? b->npreds : in->op == IR_CALL ? in->nargs : 0;
            for (uint32_t l = 0; l < nl && n < 200 && in->list >= 0; l++) {
                int32_t x = ir->lists[in->list + (int32_t)l];
                n += x >= 0 ? snprintf(line + n, sizeof line - (size_t)n, " v%d", (int)x)
                            : snprintf(line + n, sizeof line - (size_t)n, " -");
            }
            if (info->flags & IR_FAILS)
                n += snprintf(line + n, sizeof line - (size_t)n, "   ; checked, bytecode %u", (unsigned)in->pc);
            snprintf(line + n, sizeof line - (size_t)n, "\n");
            out(ctx, line);
        }
    }
}
