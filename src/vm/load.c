/*
 * load.c - turns a validated P4bModule into heap objects: the Program with
 * its string table (interned Str objects tagged with attribute qids), global
 * slots with their built-in fallbacks, and one Code object per code.
 *
 * Instructions, exception and line tables stay in the P4bModule's memory
 * (outside the object heap): they are immutable and often large.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/p4b.h"
#include "vm/long.h"
#include "vm/complex.h"
#include "vm/vm.h"

static Value builtin_named(const char *name, uint32_t len)
{
    for (uint32_t i = 0; i < builtin_count; i++) {
        const BuiltinEntry *b = &builtin_table[i];
        if (strlen(b->name) == len && memcmp(b->name, name, len) == 0)
            return v_obj((void *)b->obj);
    }
    return v_unbound();
}

static bool program_fill(VM *vm, Program *p);

static bool make_const(VM *vm, Program *p, const P4bCode *c, Tuple *consts, uint32_t k)
{
    const P4bConst *src = &c->consts[k];
    Value *dst = &consts->items[k];
    switch (src->kind) {
    case K_NONE:  *dst = v_none(); return true;
    case K_FALSE: *dst = v_bool(false); return true;
    case K_TRUE:  *dst = v_bool(true); return true;
    case K_INT:   *dst = v_int(src->u.i); return true;
    case K_FLOAT: *dst = v_float(src->u.f); return true;
    case K_IMAG:  return complex_make(vm, 0.0, src->u.f, dst);
    case K_STR:   *dst = p->strings[src->u.index]; return true;
    case K_BYTES: {
        const P4bString *s = &p->p4b->strings[src->u.index];
        Str *b = bytes_new(vm, s->bytes, s->len);
        if (!b)
            return false;
        *dst = v_obj(b);
        return true;
    }
    case K_CODE:
        *dst = p->codes[src->u.index];
        return true;
    case K_LONG: { /* the validator checked the text: decimal, outside int32 */
        const P4bString *s = &p->p4b->strings[src->u.index];
        const char *t = (const char *)s->bytes;
        bool neg = s->len && t[0] == '-';
        if (!long_parse(vm, t + neg, t + s->len, 10, neg, dst))
            return vm->exc.type != T_UNBOUND ? false : vm_raise(vm, EXC_ValueError, "bad int constant");
        return true;
    }
    case K_TUPLE: {
        Tuple *t = tuple_new(vm, src->u.tuple.count);
        if (!t)
            return false;
        for (uint32_t i = 0; i < src->u.tuple.count; i++)
            t->items[i] = consts->items[src->u.tuple.items[i]];
        *dst = v_obj(t);
        return true;
    }
    default:
        return vm_raise(vm, EXC_RuntimeError, "bad constant kind %u", src->kind);
    }
}

bool vm_load_program(VM *vm, P4bModule *m, const char *source, size_t source_len)
{
    Program *p = gc_alloc(vm, T_PROGRAM, sizeof(Program));
    if (!p) {
        p4b_free(m);
        free(m);
        return false;
    }
    /* From here the VM owns m: vm_free releases it through the program. */
    p->p4b = m;
    p->source = source;
    p->source_len = source_len;
    vm->program = p;
    return program_fill(vm, p);
}

Program *program_load(VM *vm, P4bModule *m, const char *source, size_t source_len)
{
    Program *p = gc_alloc(vm, T_PROGRAM, sizeof(Program));
    if (!p) {
        p4b_free(m);
        free(m);
        return NULL;
    }
    p->p4b = m;
    p->source = source;
    p->source_len = source_len;
    VM_ROOT(vm, v_obj(p));
    bool ok = program_fill(vm, p);
    VM_UNROOT(vm, 1);
    if (!ok) {
        p4b_free(m);
        free(m);
        p->p4b = NULL;
        return NULL;
    }
    return p;
}

/* Makes the program's strings, globals and code objects; p is rooted. */
static bool program_fill(VM *vm, Program *p)
{
    P4bModule *m = p->p4b;

    p->strings = gc_alloc_raw(vm, (size_t)m->nstrings * sizeof(Value) + sizeof(Value));
    if (!p->strings)
        return false;
    for (uint32_t i = 0; i < m->nstrings; i++) {
        Str *s = str_new(vm, (const char *)m->strings[i].bytes, m->strings[i].len);
        if (!s)
            return false;
        s->hdr.aux = qid_lookup(s->data, s->len);
        p->strings[i] = v_obj(s);
        p->nstrings = i + 1;
    }
    p->filename = AS(Str, p->strings[m->filename]);

    p->globals = gc_alloc_raw(vm, (size_t)m->nglobals * sizeof(Value) + sizeof(Value));
    if (!p->globals)
        return false;
    p->builtin_of_global = gc_alloc_raw(vm, (size_t)m->nglobals * sizeof(Value) + sizeof(Value));
    if (!p->builtin_of_global)
        return false;
    p->nglobals = m->nglobals;
    for (uint32_t g = 0; g < m->nglobals; g++) {
        const P4bString *name = &m->strings[m->globals[g]];
        p->globals[g] = v_unbound();
        p->builtin_of_global[g] = builtin_named((const char *)name->bytes, name->len);
    }

    p->codes = gc_alloc_raw(vm, (size_t)m->ncodes * sizeof(Value) + sizeof(Value));
    if (!p->codes)
        return false;
    for (uint32_t i = 0; i < m->ncodes; i++) {
        const P4bCode *c = &m->codes[i];
        Code *code = gc_alloc(vm, T_CODE, sizeof(Code));
        if (!code)
            return false;
        code->src = c;
        code->program = p;
        code->name = AS(Str, p->strings[c->name]);
        code->qualname = AS(Str, p->strings[c->qualname]);
        code->doc = c->doc ? AS(Str, p->strings[c->doc - 1]) : NULL;
        code->insns = c->insns;
        code->ninsns = c->ninsns;
        code->nparams = c->nparams;
        code->flags = c->flags;
        code->nlocals = c->nlocals;
        code->maxstack = c->maxstack;
        p->codes[i] = v_obj(code);
        p->ncodes = i + 1;
    }
    /* Constants last: K_CODE constants refer to any later code object. */
    for (uint32_t i = 0; i < m->ncodes; i++) {
        const P4bCode *c = &m->codes[i];
        Tuple *consts = tuple_new(vm, c->nconsts);
        if (!consts)
            return false;
        AS(Code, p->codes[i])->consts = consts;
        for (uint32_t k = 0; k < c->nconsts; k++)
            if (!make_const(vm, p, c, consts, k))
                return false;
    }
    return true;
}

void vm_release_program(VM *vm)
{
    module_release_all(vm);
    if (vm->program && vm->program->p4b) {
        p4b_free(vm->program->p4b);
        free(vm->program->p4b);
        vm->program->p4b = NULL;
    }
}
