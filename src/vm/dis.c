/*
 * dis.c - a readable listing of a .p4b module, like CPython's dis.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/p4b.h"

static void print_string(FILE *out, const P4bString *s, char quote)
{
    fputc(quote, out);
    for (uint32_t i = 0; i < s->len; i++) {
        uint8_t c = s->bytes[i];
        if (c == '\\' || c == (uint8_t)quote)
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || c == 0x7f)
            fprintf(out, "\\x%02x", c);
        else
            fputc(c, out);
    }
    fputc(quote, out);
}

static void print_const(FILE *out, const P4bModule *m, const P4bCode *code, uint32_t k)
{
    const P4bConst *c = &code->consts[k];
    switch (c->kind) {
    case K_NONE:  fputs("None", out); break;
    case K_FALSE: fputs("False", out); break;
    case K_TRUE:  fputs("True", out); break;
    case K_INT:   fprintf(out, "%ld", (long)c->u.i); break;
    case K_LONG:  fwrite(m->strings[c->u.index].bytes, 1, m->strings[c->u.index].len, out); break;
    case K_FLOAT: fprintf(out, "%.9g", (double)c->u.f); break;
    case K_IMAG:  fprintf(out, "%.9gj", (double)c->u.f); break;
    case K_STR:   print_string(out, &m->strings[c->u.index], '\''); break;
    case K_BYTES:
        fputc('b', out);
        print_string(out, &m->strings[c->u.index], '\'');
        break;
    case K_CODE:
        fprintf(out, "<code %s>", (const char *)m->strings[m->codes[c->u.index].name].bytes);
        break;
    case K_TUPLE:
        fputc('(', out);
        for (uint32_t i = 0; i < c->u.tuple.count; i++) {
            if (i)
                fputs(", ", out);
            print_const(out, m, code, c->u.tuple.items[i]);
        }
        fputs(c->u.tuple.count == 1 ? ",)" : ")", out);
        break;
    default:
        fputs("?", out);
    }
}

static void dis_code(const P4bModule *m, uint32_t ci, FILE *out)
{
    const P4bCode *c = &m->codes[ci];
    fprintf(out, "code %lu: %s (%s, line %lu): %u params, %u locals, stack %u\n", (unsigned long)ci,
            (const char *)m->strings[c->name].bytes, (const char *)m->strings[m->filename].bytes,
            (unsigned long)c->firstline, c->nparams, c->nlocals, c->maxstack);
    if (c->nlocals) {
        fputs("  locals:", out);
        for (uint32_t i = 0; i < c->nlocals; i++)
            fprintf(out, " %s", (const char *)m->strings[c->localnames[i]].bytes);
        fputc('\n', out);
    }
    /* Mark jump targets and handlers, as dis does with ">>". */
    uint8_t *target = calloc(c->ninsns, 1);
    if (target) {
        for (uint32_t pc = 0; pc < c->ninsns; pc++) {
            unsigned op = BC_OP(c->insns[pc]);
            if (bc_opinfo[op].argkind == ARG_JUMP && BC_ARG(c->insns[pc]) < c->ninsns)
                target[BC_ARG(c->insns[pc])] = 1;
        }
        for (uint32_t e = 0; e < c->nexc; e++)
            if (c->exc[e].handler < c->ninsns)
                target[c->exc[e].handler] = 1;
    }
    int32_t last_line = -1;
    for (uint32_t pc = 0; pc < c->ninsns; pc++) {
        uint32_t w = c->insns[pc], arg = BC_ARG(w);
        unsigned op = BC_OP(w);
        int32_t line = bc_line_for_pc(c->linetab, c->linetab_len, (int32_t)c->firstline, pc);
        if (line != last_line)
            fprintf(out, "%6ld", (long)line);
        else
            fputs("      ", out);
        last_line = line;
        fprintf(out, " %s %5lu  %-20s", target && target[pc] ? ">>" : "  ", (unsigned long)pc,
                bc_opinfo[op].name);
        switch (bc_opinfo[op].argkind) {
        case ARG_NONE:
            if (arg == BINARY_ARG_INPLACE) /* a /= b (opcodes.h) */
                fprintf(out, " (in place)");
            break;
        case ARG_CONST:
            fprintf(out, " %lu (", (unsigned long)arg);
            print_const(out, m, c, arg);
            fputc(')', out);
            break;
        case ARG_LOCAL:
            fprintf(out, " %lu (%s)", (unsigned long)arg, (const char *)m->strings[c->localnames[arg]].bytes);
            break;
        case ARG_GLOBAL:
            fprintf(out, " %lu (%s)", (unsigned long)arg, (const char *)m->strings[m->globals[arg]].bytes);
            break;
        case ARG_NAME:
            fprintf(out, " %lu (%s)", (unsigned long)arg, (const char *)m->strings[arg].bytes);
            break;
        case ARG_JUMP:
            fprintf(out, " to %lu", (unsigned long)arg);
            break;
        case ARG_IMM:
            fprintf(out, " %ld", (long)BC_IMM(w));
            break;
        default:
            fprintf(out, " %lu", (unsigned long)arg);
        }
        fputc('\n', out);
    }
    free(target);
    if (c->nexc) {
        fputs("  exception table:\n", out);
        for (uint32_t e = 0; e < c->nexc; e++)
            fprintf(out, "    %lu to %lu -> %lu [depth %lu]\n", (unsigned long)c->exc[e].start,
                    (unsigned long)c->exc[e].end, (unsigned long)c->exc[e].handler,
                    (unsigned long)c->exc[e].depth);
    }
}

void p4b_dis(const P4bModule *m, FILE *out)
{
    for (uint32_t i = 0; i < m->ncodes; i++) {
        if (i)
            fputc('\n', out);
        dis_code(m, i, out);
    }
}
