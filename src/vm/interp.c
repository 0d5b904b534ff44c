/*
 * interp.c - the bytecode interpreter.
 *
 * One loop runs all Python frames: a call pushes a Frame and continues in the
 * same loop, so Python recursion never recurses in C and RecursionError is a
 * counter check. Arguments become the callee's first locals where they lie
 * on the caller's stack (no copy). Dispatch is a computed goto where the
 * compiler supports it, a switch otherwise.
 *
 * GC discipline: every handler that may allocate first stores the stack top
 * (SAVE), and pops its operands only after the allocation, so they stay
 * rooted on the stack.
 */
#include <string.h>

#include "vm/bytecode.h"
#include "vm/p4b.h"
#include "jit/jit.h"
#include "vm/vm.h"
#include "vm/libobj.h"
#include "vm/class.h"
#include "vm/gen.h"
#include "vm/coro.h"
#include "vm/set.h"

#if defined(__GNUC__) || defined(__clang__)
#define P4_COMPUTED_GOTO 1
#endif

/* Slots a frame may use beyond its verified maximum (UNPACK_SEQUENCE's
 * temporary, the callee slot of vm_call). */
#define FRAME_SLACK 2

static bool stack_overflow(VM *vm)
{
    return vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
}

/* ---- calls ------------------------------------------------------------------ */

/* given, and the counts in the message, leave out a bound self (self_args). */
bool vm_native_arity_error(VM *vm, const Native *n, int given, int self_args)
{
    int min = n->minargs - self_args, max = n->maxargs < 0 ? -1 : n->maxargs - self_args;
    if (min == max) {
        if (min == 0)
            return vm_raise(vm, EXC_TypeError, "%s() takes no arguments (%d given)", n->name, given);
        if (min == 1)
            return vm_raise(vm, EXC_TypeError, "%s() takes exactly one argument (%d given)", n->name, given);
        return vm_raise(vm, EXC_TypeError, "%s expected %d arguments, got %d", n->name, min, given);
    }
    if (given < min)
        return vm_raise(vm, EXC_TypeError, "%s expected at least %d argument%s, got %d", n->name,
                        min, min == 1 ? "" : "s", given);
    return vm_raise(vm, EXC_TypeError, "%s expected at most %d argument%s, got %d", n->name,
                    max, max == 1 ? "" : "s", given);
}

/* Calls a native. self_args: 1 when args[0] is a bound self (not counted in
 * the messages). */
static bool call_native(VM *vm, const Native *n, Value *args, int nargs, Tuple *kw, int self_args,
                        Value *out)
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    if (kw && kw->len > 0 && !(n->hdr.flags & NATIVE_KW))
        return vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", n->name);
    if (npos < n->minargs || (n->maxargs >= 0 && npos > n->maxargs))
        return vm_native_arity_error(vm, n, npos - self_args, self_args);
    return n->fn(vm, args, nargs, kw && kw->len ? kw : NULL, out);
}

static bool call_type(VM *vm, const TypeObj *t, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (type_is_user(t))
        return class_call(vm, (Class *)t, args, nargs, kw, out);
    if (t->exc >= 0) {
        if (kw && kw->len)
            return vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", t->name);
        Tuple *a = tuple_new(vm, (uint32_t)nargs);
        if (!a)
            return false;
        memcpy(a->items, args, (size_t)nargs * sizeof(Value));
        Exception *e = exc_new(vm, exc_oserror_class(t, args, nargs), a); /* OSError(2, ...) is FileNotFoundError */
        if (!e || !exc_oserror_init(vm, e))
            return false;
        *out = v_obj(e);
        return true;
    }
    if (!t->ctor)
        return vm_raise(vm, EXC_TypeError, "cannot create '%s' instances", t->name);
    return call_native(vm, t->ctor, args, nargs, kw, 0, out);
}

/* The name of parameter (local) i of c. */
static Str *param_name(const Code *c, int i)
{
    return AS(Str, c->program->strings[c->src->localnames[i]]);
}

/* "f() missing 2 required positional arguments: 'a' and 'b'" over the
 * still unbound parameters in [from, to). */
static bool missing_error(VM *vm, const Code *c, Value *args, int from, int to, const char *kind)
{
    int missing = 0;
    for (int i = from; i < to; i++)
        missing += args[i].type == T_UNBOUND;
    StrBuf sb;
    sb_init(&sb);
    int seen = 0;
    for (int i = from; i < to; i++) {
        if (args[i].type != T_UNBOUND)
            continue;
        Str *pname = param_name(c, i);
        if (seen > 0)
            sb_adds(&sb, missing == 2 ? " and " : seen == missing - 1 ? ", and " : ", ");
        sb_addc(&sb, '\'');
        sb_add(&sb, pname->data, pname->len);
        sb_addc(&sb, '\'');
        seen++;
    }
    sb_addc(&sb, '\0');
    vm_raise(vm, EXC_TypeError, "%s() missing %d required %s argument%s: %s", c->qualname->data, missing, kind,
             missing == 1 ? "" : "s", sb.oom ? "?" : sb.data);
    sb_free(&sb);
    return false;
}

/* "f() takes 2 positional arguments but 3 were given"; nkwonly: keyword-only
 * parameters the call gave by name, which CPython's message counts too. */
static bool too_many_positional(VM *vm, const Function *fn, int npos, int nkwonly)
{
    const Code *c = fn->code;
    int ndef = fn->defaults ? (int)fn->defaults->len : 0;
    char takes[64], given[96];
    if (ndef == 0)
        snprintf(takes, sizeof takes, "%d positional argument%s", c->nparams, c->nparams == 1 ? "" : "s");
    else
        snprintf(takes, sizeof takes, "from %d to %d positional arguments", c->nparams - ndef, c->nparams);
    if (nkwonly)
        snprintf(given, sizeof given, "%d positional argument%s (and %d keyword-only argument%s) were", npos,
                 npos == 1 ? "" : "s", nkwonly, nkwonly == 1 ? "" : "s");
    else
        snprintf(given, sizeof given, "%d %s", npos, npos == 1 && ndef == 0 ? "was" : "were");
    return vm_raise(vm, EXC_TypeError, "%s() takes %s but %s given", c->qualname->data, takes, given);
}

/* The parameter named `name` among the first n, or -1. */
static int find_param(const Code *c, int n, const Str *name)
{
    for (int p = 0; p < n; p++)
        if (str_equal(param_name(c, p), name))
            return p;
    return -1;
}

/* Compiled code takes one positional argument per parameter (jit_call). A
 * call with keyword arguments (CALL_KW, or CALL_EX's **; kw NULL: none) or
 * fewer arguments than parameters of a function with plain parameters (no
 * *args, **kwargs or keyword-only ones, at most JIT_MAX_PARAMS: as many as
 * compiled code takes, 16; was 8) is rewritten in place as
 * the positional call it binds to: args[0..nargs) (the positional
 * arguments, then kw's values) becomes the parameters in order, defaults
 * added. Returns the new count, or -1 with nothing changed when the
 * arguments do not bind that simply (an unknown or repeated name, a missing
 * argument): the general binding then raises what it raises. */
enum { KW_POSITIONAL_MAX = JIT_MAX_PARAMS };
static int kw_as_positional(VM *vm, const Function *fn, Value *args, int nargs, const Tuple *kw)
{
    const Code *c = fn->code;
    int np = c->nparams, nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
    if (c->flags || np > KW_POSITIONAL_MAX || npos < 0 || npos > np || args + np > vm->stack_end)
        return -1;
    Value bound[KW_POSITIONAL_MAX];
    for (int p = 0; p < np; p++)
        bound[p] = p < npos ? args[p] : v_unbound();
    for (int k = 0; k < nkw; k++) {
        int p = kw->items[k].type == T_STR ? find_param(c, np, AS(Str, kw->items[k])) : -1;
        if (p < 0 || bound[p].type != T_UNBOUND)
            return -1;
        bound[p] = args[npos + k];
    }
    int ndef = fn->defaults ? (int)fn->defaults->len : 0;
    for (int p = 0; p < np; p++)
        if (bound[p].type == T_UNBOUND) {
            if (p < np - ndef)
                return -1;
            bound[p] = fn->defaults->items[p - (np - ndef)];
        }
    memcpy(args, bound, (size_t)np * sizeof(Value));
    return np;
}

/* The general binding: keyword arguments, keyword-only parameters, *args
 * and **kwargs. args[0..nargs) holds the positional arguments followed by
 * kw->len keyword values (kw may be NULL). The locals are laid out as
 * [positional][keyword-only][*args][**kwargs]. Everything that allocates
 * (the *args tuple, the **kwargs dict) happens first, while the arguments
 * are still where the caller put them (rooted on the stack); the slots are
 * rewritten only after that. */
static bool bind_arguments(VM *vm, Function *fn, Value *args, int nargs, Tuple *kw)
{
    const Code *c = fn->code;
    int nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
    int np = c->nparams, nk = (int)CODE_NKWONLY(c->flags), named = np + nk;
    bool varargs = c->flags & CODE_VARARGS, varkw = c->flags & CODE_VARKW;
    if (nkw > (int)P4B_MAX_LOCALS)
        return vm_raise(vm, EXC_TypeError, "too many keyword arguments");
    if (npos > np && !varargs) {
        int given_kwonly = 0;
        for (int k = 0; k < nkw; k++) {
            int p = find_param(c, named, AS(Str, kw->items[k]));
            given_kwonly += p >= np;
        }
        return too_many_positional(vm, fn, npos, given_kwonly);
    }
    int kwslot[P4B_MAX_LOCALS];
    for (int k = 0; k < nkw; k++) {
        Str *name = AS(Str, kw->items[k]);
        kwslot[k] = find_param(c, named, name);
        if (kwslot[k] < 0 && !varkw)
            return vm_raise(vm, EXC_TypeError, "%s() got an unexpected keyword argument '%s'", c->qualname->data,
                            name->data);
        if (kwslot[k] >= 0 && kwslot[k] < npos && kwslot[k] < np)
            return vm_raise(vm, EXC_TypeError, "%s() got multiple values for argument '%s'", c->qualname->data,
                            name->data);
    }
    Value rest = v_unbound(), extra = v_unbound();
    int nroots = 0;
    if (varargs) {
        int n = npos > np ? npos - np : 0;
        Tuple *t = tuple_new(vm, (uint32_t)n);
        if (!t)
            return false;
        if (n)
            memcpy(t->items, args + np, (size_t)n * sizeof(Value));
        rest = v_obj(t);
        VM_ROOT(vm, rest);
        nroots++;
    }
    if (varkw) {
        Dict *d = dict_new(vm);
        bool ok = d != NULL;
        if (ok) {
            extra = v_obj(d);
            VM_ROOT(vm, extra);
            nroots++;
        }
        for (int k = 0; k < nkw && ok; k++)
            if (kwslot[k] < 0)
                ok = dict_set(vm, d, kw->items[k], args[npos + k]);
        if (!ok) {
            VM_UNROOT(vm, nroots);
            return false;
        }
    }
    /* no allocation from here on */
    VM_UNROOT(vm, nroots);
    Value kwvals[P4B_MAX_LOCALS];
    if (nkw)
        memcpy(kwvals, args + npos, (size_t)nkw * sizeof(Value));
    for (int i = npos < np ? npos : np; i < c->nlocals; i++)
        args[i] = v_unbound();
    for (int k = 0; k < nkw; k++) {
        if (kwslot[k] < 0)
            continue;
        if (args[kwslot[k]].type != T_UNBOUND)
            return vm_raise(vm, EXC_TypeError, "%s() got multiple values for argument '%s'", c->qualname->data,
                            AS(Str, kw->items[k])->data);
        args[kwslot[k]] = kwvals[k];
    }
    int ndef = fn->defaults ? (int)fn->defaults->len : 0;
    for (int i = np - ndef; i < np; i++)
        if (i >= 0 && args[i].type == T_UNBOUND)
            args[i] = fn->defaults->items[i - (np - ndef)];
    for (int i = 0; i < np; i++)
        if (args[i].type == T_UNBOUND)
            return missing_error(vm, c, args, 0, np, "positional");
    for (int i = np; i < named; i++) {
        if (args[i].type != T_UNBOUND || !fn->kwdefaults)
            continue;
        bool found = false;
        Value d;
        if (!dict_get(vm, fn->kwdefaults, v_obj(param_name(c, i)), &d, &found))
            return false;
        if (found)
            args[i] = d;
    }
    for (int i = np; i < named; i++)
        if (args[i].type == T_UNBOUND)
            return missing_error(vm, c, args, np, named, "keyword-only");
    if (varargs)
        args[named] = rest;
    if (varkw)
        args[named + varargs] = extra;
    return true;
}

/* Pushes a frame for a Python function whose arguments are args[0..nargs)
 * on the stack; the result will go to *ret. */
static bool push_frame(VM *vm, Function *fn, Value *args, int nargs, Tuple *kw, Value *ret)
{
    Code *c = fn->code;
    if (vm->nframes >= vm->cfg.max_frames)
        return stack_overflow(vm);
    if (args + c->nlocals + c->maxstack + FRAME_SLACK > vm->stack_end)
        return stack_overflow(vm);
    if ((kw && kw->len) || c->flags) {
        if (!bind_arguments(vm, fn, args, nargs, kw && kw->len ? kw : NULL))
            return false;
    } else {
        if (nargs > c->nparams)
            return too_many_positional(vm, fn, nargs, 0);
        /* Defaults fill the last parameters; anything still missing is an error. */
        int ndef = fn->defaults ? (int)fn->defaults->len : 0;
        if (nargs < c->nparams - ndef) {
            for (int i = nargs; i < c->nparams; i++)
                args[i] = v_unbound();
            return missing_error(vm, c, args, 0, c->nparams - ndef, "positional");
        }
        for (int i = nargs; i < c->nparams; i++)
            args[i] = fn->defaults->items[i - (c->nparams - ndef)];
        for (int i = c->nparams; i < c->nlocals; i++)
            args[i] = v_unbound();
    }
    Frame *f = &vm->frames[vm->nframes++];
    f->code = c;
    f->func = fn;
    f->pc = 0;
    f->base = args;
    f->ret = ret;
    return true;
}

/* ---- closures and star arguments ------------------------------------------ */

static bool unbound_local(VM *vm, const Code *c, uint32_t slot)
{
    Str *name = AS(Str, c->program->strings[c->src->localnames[slot]]);
    return vm_raise(vm, EXC_UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value", name->data);
}

/* Cell k of the running function's closure (NULL and an exception when a
 * hand-made .p4b asks for one it does not have). */
static Cell *free_cell(VM *vm, const Function *fn, uint32_t k)
{
    if (!fn || !fn->closure || k >= fn->closure->len || fn->closure->items[k].type != T_CELL) {
        vm_raise(vm, EXC_RuntimeError, "free variable %lu is not in the function's closure", (unsigned long)k);
        return NULL;
    }
    return AS(Cell, fn->closure->items[k]);
}

/* MAKE_CLOSURE: gives the function fnv (on the stack) its cells. Each item
 * of spec says where cell i comes from: n >= 0 is local slot n of this frame
 * (boxed into a cell now if it is not one yet), n < 0 is cell -n-1 of this
 * frame's own closure. */
static bool make_closure(VM *vm, Frame *f, Value *locals, Value specv, Value fnv)
{
    if (specv.type != T_TUPLE || fnv.type != T_FUNCTION)
        return vm_raise(vm, EXC_RuntimeError, "MAKE_CLOSURE needs a function and a tuple");
    Tuple *spec = AS(Tuple, specv);
    for (uint32_t i = 0; i < spec->len; i++) {
        Value s = spec->items[i];
        if (s.type != T_INT || s.u.i >= (int32_t)f->code->nlocals)
            return vm_raise(vm, EXC_RuntimeError, "MAKE_CLOSURE: bad source");
        if (s.u.i < 0) {
            if (!free_cell(vm, f->func, (uint32_t)(-(s.u.i + 1))))
                return false;
        } else if (locals[s.u.i].type != T_CELL) {
            Cell *cell = gc_alloc(vm, T_CELL, sizeof(Cell));
            if (!cell)
                return false;
            cell->value = locals[s.u.i];
            cell->name = AS(Str, f->code->program->strings[f->code->src->localnames[s.u.i]]);
            locals[s.u.i] = v_obj(cell);
        }
    }
    Tuple *closure = tuple_new(vm, spec->len);
    if (!closure)
        return false;
    for (uint32_t i = 0; i < spec->len; i++) {
        int32_t n = spec->items[i].u.i;
        closure->items[i] = n >= 0 ? locals[n] : f->func->closure->items[-(n + 1)];
    }
    AS(Function, fnv)->closure = closure;
    return true;
}

/* The module a function was defined in, as its __module__ says (vm.h). */
const char *module_of_code(const VM *vm, const Code *code)
{
    if (code->program != vm->program && vm->modules) {
        for (uint32_t i = 0; i < vm->modules->len; i++) {
            const PyModule *m = AS(PyModule, vm->modules->items[i]);
            if (m->program == code->program)
                return m->name;
        }
    }
    return "__main__";
}

/* The name a call's error messages give the callable, qualified as
 * CPython's do: `__main__.f`, `__main__.A.f`, `list.append`, `print`.
 * Written into buf (an error path: no allocation). */
static const char *callable_name(const VM *vm, Value fn, char *buf, size_t size)
{
    switch ((Type)fn.type) {
    case T_FUNCTION: {
        const Code *code = AS(Function, fn)->code;
        snprintf(buf, size, "%s.%s", module_of_code(vm, code), code->qualname->data);
        return buf;
    }
    case T_NATIVE:      return AS(Native, fn)->name;
    case T_BOUNDMETHOD: {
        const BoundMethod *b = AS(BoundMethod, fn);
        const TypeObj *t = b->self.type == T_TYPE ? AS(TypeObj, b->self) : type_of(b->self);
        if (b->method) {
            snprintf(buf, size, "%s.%s", t ? t->name : type_name(b->self), b->method->name);
            return buf;
        }
        if (b->func.type != T_FUNCTION)
            return type_name(b->func);
        const Code *code = AS(Function, b->func)->code;
        snprintf(buf, size, "%s.%s", module_of_code(vm, code), code->qualname->data);
        return buf;
    }
    case T_TYPE: {
        const TypeObj *t = AS(TypeObj, fn);
        if (!type_is_user(t))
            return t->name;
        snprintf(buf, size, "%s.%s", ((const Class *)t)->module->data, ((const Class *)t)->qualname->data);
        return buf;
    }
    default:            return type_name(fn);
    }
}

/* LIST_EXTEND: x must be iterable; CPython names the call for f(*x).
 * Replaces *x (on the stack) by its iterator. */
static bool star_iterator(VM *vm, Value *x, Value fnv)
{
    if (x->type == T_LIST || x->type == T_TUPLE)
        return true;
    Value it;
    if (vm_getiter(vm, *x, &it)) {
        *x = it;
        return true;
    }
    vm->exc = v_unbound();
    char name[160];
    if (fnv.type != T_UNBOUND)
        return vm_raise(vm, EXC_TypeError, "%s() argument after * must be an iterable, not %s",
                        callable_name(vm, fnv, name, sizeof name), type_name(*x));
    return vm_raise(vm, EXC_TypeError, "Value after * must be an iterable, not %s", type_name(*x));
}

/* DICT_UPDATE / DICT_MERGE: d.update(m) for a dict m; for a call's **m
 * (fnv set) keys must be new strings. */
static bool dict_merge(VM *vm, Dict *d, Value m, Value fnv)
{
    bool call = fnv.type != T_UNBOUND;
    char name[160];
    if (instance_native(m).type == T_DICT) /* a dict subclass: its entries, as CPython copies them */
        m = instance_native(m);
    if (m.type == T_INSTANCE) { /* a mapping class: its pairs in a dict first */
        Dict *pairs = dict_new(vm);
        if (!pairs)
            return false;
        bool is_mapping;
        VM_ROOT(vm, v_obj(pairs));
        bool ok = dict_update_mapping(vm, pairs, m, &is_mapping);
        ok = ok && (!is_mapping || dict_merge(vm, d, v_obj(pairs), fnv));
        VM_UNROOT(vm, 1);
        if (!ok || is_mapping)
            return ok;
    }
    if (m.type != T_DICT) {
        if (call)
            return vm_raise(vm, EXC_TypeError, "%s() argument after ** must be a mapping, not %s",
                            callable_name(vm, fnv, name, sizeof name), type_name(m));
        return vm_raise(vm, EXC_TypeError, "'%s' object is not a mapping", type_name(m));
    }
    Dict *src = AS(Dict, m);
    for (uint32_t i = 0; i < src->used; i++) {
        DictEntry e = src->entries[i];
        if (e.key.type == T_UNBOUND)
            continue;
        if (call) {
            if (e.key.type != T_STR)
                return vm_raise(vm, EXC_TypeError, "keywords must be strings");
            bool found = false;
            Value old;
            if (!dict_get(vm, d, e.key, &old, &found))
                return false;
            if (found)
                return vm_raise(vm, EXC_TypeError, "%s() got multiple values for keyword argument '%s'",
                                callable_name(vm, fnv, name, sizeof name), AS(Str, e.key)->data);
        }
        if (!dict_set(vm, d, e.key, e.value))
            return false;
    }
    return true;
}

/* CALL_EX: replaces `fn args [kwargs]` at fnslot by `fn a1..an v1..vm` and
 * returns the keyword names (a new tuple, or NULL for none). */
static bool spread_call(VM *vm, Value *fnslot, uint32_t has_kw, int *nargs, Tuple **names)
{
    Value argsv = fnslot[1];
    Value *items;
    uint32_t npos;
    if (argsv.type == T_TUPLE) {
        items = AS(Tuple, argsv)->items;
        npos = AS(Tuple, argsv)->len;
    } else if (argsv.type == T_LIST) {
        items = AS(List, argsv)->items;
        npos = AS(List, argsv)->len;
    } else {
        return vm_raise(vm, EXC_RuntimeError, "CALL_EX needs a tuple or list of arguments");
    }
    Dict *kw = NULL;
    uint32_t nkw = 0;
    if (has_kw) {
        if (fnslot[2].type != T_DICT)
            return vm_raise(vm, EXC_RuntimeError, "CALL_EX needs a dict of keyword arguments");
        kw = AS(Dict, fnslot[2]);
        nkw = kw->len;
    }
    if (npos + nkw > P4B_MAX_STACK || fnslot + 1 + npos + nkw + FRAME_SLACK > vm->stack_end)
        return stack_overflow(vm);
    *names = NULL;
    if (nkw) {
        Tuple *t = tuple_new(vm, nkw);
        if (!t)
            return false;
        *names = t;
    }
    /* no allocation from here: the arguments replace the tuple and the dict */
    Value *out = fnslot + 1;
    if (npos)
        memmove(out, items, npos * sizeof(Value));
    out += npos;
    uint32_t k = 0;
    for (uint32_t i = 0; kw && i < kw->used; i++) {
        DictEntry e = kw->entries[i];
        if (e.key.type == T_UNBOUND)
            continue;
        if (e.key.type != T_STR) /* DICT_MERGE checked; a hand-made .p4b may not have */
            return vm_raise(vm, EXC_TypeError, "keywords must be strings");
        (*names)->items[k++] = e.key;
        *out++ = e.value;
    }
    *nargs = (int)(npos + nkw);
    return true;
}

/* Runs frames from the innermost down to frames[stop]. entry_sp: the stack
 * top of a resumed generator frame (NULL: the frame's stack is empty). */
static bool run(VM *vm, uint32_t stop, Value *entry_sp);

/* C code calling Python code (a key function, map's function, a special
 * method) runs the interpreter again, nested in C: each nesting holds C
 * stack and the temporary roots (VM_ROOT) of the C code between, and Python
 * code can nest them as deep as its recursion limit (sorted(key=f) where f
 * sorts again). VM_ROOT does not check its bound, so the check is here, at
 * every nesting, as vm_recursion_enter's: RecursionError, not roots written
 * past the array or a stack overflow. */
static bool nested_run_ok(VM *vm)
{
    if (vm_c_stack_low(vm) || vm->nroots + 8 > VM_MAX_ROOTS)
        return stack_overflow(vm);
    return true;
}

bool vm_call_method(VM *vm, Value fn, Value self, Value *args, int nargs, Tuple *kw, Value *out)
{
    /* Lay out [fn] self args on the VM stack, as CALL_METHOD would find them. */
    Value *slot = vm->sp;
    if (slot + nargs + 3 > vm->stack_end)
        return stack_overflow(vm);
    slot[0] = fn;
    slot[1] = self;
    if (nargs)
        memcpy(slot + 2, args, (size_t)nargs * sizeof(Value));
    vm->sp = slot + 2 + nargs;
    bool ok;
    if (fn.type == T_FUNCTION) {
        ok = nested_run_ok(vm) && push_frame(vm, AS(Function, fn), slot + 1, nargs + 1, kw, slot);
        if (ok) {
            ok = run(vm, vm->nframes - 1, NULL);
            if (ok)
                *out = slot[0];
        }
    } else if (fn.type == T_NATIVE) {
        ok = call_native(vm, AS(Native, fn), slot + 1, nargs + 1, kw, 1, out);
    } else {
        ok = vm_call(vm, fn, slot + 1, nargs + 1, kw, out);
    }
    vm->sp = slot;
    return ok;
}

bool vm_resume_frame(VM *vm, Function *fn, Value *base, uint32_t depth, uint32_t pc, Value *out)
{
    Code *c = fn->code;
    if (vm->nframes >= vm->cfg.max_frames || base + c->nlocals + c->maxstack + FRAME_SLACK > vm->stack_end)
        return stack_overflow(vm);
    Frame *f = &vm->frames[vm->nframes++];
    f->code = c;
    f->func = fn;
    f->pc = pc;
    f->base = base;
    f->ret = base - 1;
    vm->sp = base + c->nlocals + depth;
    bool ok = run(vm, vm->nframes - 1, vm->sp);
    if (ok)
        *out = base[-1];
    return ok;
}

bool vm_call(VM *vm, Value fn, Value *args, int nargs, Tuple *kwnames, Value *out)
{
    switch ((Type)fn.type) {
    case T_INSTANCE: {
        Value call;
        if (!class_special(vm, fn, SN___call__, &call))
            return false;
        if (call.type == T_UNBOUND && instance_native(fn).type == T_TYPE) /* a class a subclass of type made */
            return vm_call(vm, instance_native(fn), args, nargs, kwnames, out);
        if (call.type == T_UNBOUND)
            return vm_raise(vm, EXC_TypeError, "'%s' object is not callable", type_name(fn));
        VM_ROOT(vm, call);
        bool ok = vm_recursion_enter(vm, NULL);
        if (ok) {
            ok = vm_call_method(vm, call, fn, args, nargs, kwnames, out);
            vm_recursion_leave(vm);
        }
        VM_UNROOT(vm, 1);
        return ok;
    }
    case T_NATIVE:
        return call_native(vm, AS(Native, fn), args, nargs, kwnames, 0, out);
    case T_TYPE:
        return call_type(vm, AS(TypeObj, fn), args, nargs, kwnames, out);
    case T_FUNCTION:
    case T_BOUNDMETHOD: {
        /* Lay out [fn or self] args on the VM stack, as CALL would find them. */
        Value *slot = vm->sp;
        if (slot + nargs + 2 > vm->stack_end)
            return stack_overflow(vm);
        if (fn.type == T_BOUNDMETHOD && !AS(BoundMethod, fn)->method) {
            BoundMethod *b = AS(BoundMethod, fn);
            return vm_call_method(vm, b->func, b->self, args, nargs, kwnames, out);
        }
        if (fn.type == T_BOUNDMETHOD) {
            BoundMethod *b = AS(BoundMethod, fn);
            slot[0] = fn;
            slot[1] = b->self;
            if (nargs)
                memcpy(slot + 2, args, (size_t)nargs * sizeof(Value));
            vm->sp = slot + 2 + nargs;
            bool ok = call_native(vm, b->method, slot + 1, nargs + 1, kwnames, 1, out);
            vm->sp = slot;
            return ok;
        }
        slot[0] = fn;
        if (nargs)
            memcpy(slot + 1, args, (size_t)nargs * sizeof(Value));
        vm->sp = slot + 1 + nargs;
        if (!nested_run_ok(vm) || !push_frame(vm, AS(Function, fn), slot + 1, nargs, kwnames, slot)) {
            vm->sp = slot;
            return false;
        }
        bool ok = run(vm, vm->nframes - 1, NULL);
        if (ok)
            *out = slot[0];
        vm->sp = slot;
        return ok;
    }
    case T_LIBOBJ: /* weakref.ref and weakref.finalize objects (vm/weakrefmod.c) */
        if (fn.u.obj->aux == LIB_WEAKREF || fn.u.obj->aux == LIB_FINALIZE)
            return weakref_call(vm, fn, args, nargs, kwnames, out);
        if (fn.u.obj->aux == LIB_OPGETTER)
            return operator_getter_call(vm, fn, args, nargs, kwnames, out);
        return vm_raise(vm, EXC_TypeError, "'%s' object is not callable", type_name(fn));
    default:
        return vm_raise(vm, EXC_TypeError, "'%s' object is not callable", type_name(fn));
    }
}

/* ---- the loop --------------------------------------------------------------- */

static bool same_object(Value a, Value b)
{
    if (a.type != b.type)
        return false;
    if (v_is_obj(a))
        return a.u.obj == b.u.obj;
    if (a.type == T_FLOAT)
        return memcmp(&a.u.f, &b.u.f, sizeof(float)) == 0;
    return a.type == T_NONE || a.type == T_UNBOUND || a.u.i == b.u.i;
}

/* ---- the less common instructions, kept out of the loop's registers ------------ */

#if defined(__GNUC__) || defined(__clang__)
#define COLD __attribute__((noinline, cold))
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define COLD
#define UNLIKELY(x) (x)
#endif

static bool make_exception(VM *vm, Value v, Value *out);

/* exc cause at sp[-2], sp[-1]: sets vm->exc (returns false when making them failed) */
static COLD bool op_raise_from(VM *vm, Value *sp)
{
    Value v, cause = sp[-1];
    if (!make_exception(vm, sp[-2], &v))
        return false;
    sp[-2] = v; /* rooted while the cause is made */
    if (cause.type != T_NONE) {
        Value c;
        if (cause.type != T_EXCEPTION && (cause.type != T_TYPE || AS(TypeObj, cause)->exc < 0))
            return vm_raise(vm, EXC_TypeError, "exception causes must derive from BaseException");
        if (!make_exception(vm, cause, &c))
            return false;
        cause = c;
    }
    AS(Exception, v)->cause = cause;
    AS(Exception, v)->suppress_context = true;
    vm->exc = v;
    return true;
}

/* A dict of the frame's bound locals, at *slot (the frame's slack). */
static COLD bool op_locals_dict(VM *vm, Frame *f, Value *slot)
{
    Dict *d = dict_new(vm);
    if (!d)
        return false;
    *slot = v_obj(d); /* rooted while the entries go in */
    vm->sp = slot + 1;
    const P4bCode *src = f->code->src;
    const Program *prog = f->code->program;
    for (uint32_t i = 0; i < f->code->nlocals; i++) {
        Str *name = AS(Str, prog->strings[src->localnames[i]]);
        if (f->base[i].type == T_UNBOUND || name->data[0] == '$')
            continue; /* unset, or the compiler's hidden locals */
        if (!dict_set(vm, d, v_obj(name), f->base[i]))
            return false;
    }
    return true;
}

/* IMPORT_STAR and the NAME instructions (vm/eval.c): how far sp moves, or
 * INT32_MIN when raised. */
static COLD int32_t op_namespace(VM *vm, Frame *f, Program *prog, uint32_t insn, Value *sp)
{
    uint32_t arg = BC_ARG(insn);
    bool body = f->code == AS(Code, prog->codes[0]);
    switch (BC_OP(insn)) {
    case OP_IMPORT_STAR: return eval_import_star(vm, prog, sp[-1]) ? -1 : INT32_MIN;
    case OP_LOAD_NAME:   return eval_load_name(vm, prog, body, arg, sp) ? 1 : INT32_MIN;
    case OP_STORE_NAME:  return eval_store_name(vm, prog, body, arg, sp[-1]) ? -1 : INT32_MIN;
    default:             return eval_delete_name(vm, prog, body, arg) ? 0 : INT32_MIN;
    }
}

/* IMPORT_FROM: `from m import name` reads m.name; a missing name is an
 * ImportError (what `try: from m import x / except ImportError` tests). */
static COLD bool op_import_from(VM *vm, Value module, Str *name, Value *out)
{
    if (vm_load_attr(vm, module, name, out))
        return true;
    if (vm->exc.type != T_EXCEPTION || !exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]))
        return false;
    vm->exc = v_unbound();
    const char *mname = module.type == T_MODULE ? AS(Module, module)->name : type_name(module);
    const char *where = "unknown location";
    if (module.type == T_MODULE && (module.u.obj->flags & MODULE_PY) && AS(PyModule, module)->program->filename)
        where = AS(PyModule, module)->program->filename->data;
    return vm_raise(vm, EXC_ImportError, "cannot import name '%s' from '%s' (%s)", name->data, mname, where);
}

/* mgr at sp[-1] -> exit at sp[-1], mgr.__enter__() at sp[0] */
static COLD bool op_before_with(VM *vm, Value *sp)
{
    Value mgr = sp[-1];
    sp[0] = v_none();
    vm->sp = sp + 1;
    return class_enter(vm, mgr, &sp[-1], &sp[0]);
}

/* exit exc -> exit exc suppress: exit(type(exc), exc, None) */
static COLD bool op_with_except(VM *vm, Value *sp)
{
    Value exc = sp[-1], r;
    Value *a = sp;
    a[0] = exc.type == T_EXCEPTION ? v_obj((void *)AS(Exception, exc)->cls) : v_none();
    a[1] = exc;
    a[2] = v_none();
    vm->sp = sp + 3;
    if (!vm_recursion_enter(vm, NULL))
        return false;
    bool ok = vm_call(vm, sp[-2], a, 3, NULL, &r);
    vm_recursion_leave(vm);
    if (!ok)
        return false;
    bool t;
    sp[0] = r;
    if (!class_truthy(vm, r, &t))
        return false;
    sp[0] = v_bool(t);
    return true;
}

/* Calls a user function bound to its object: self goes in the slot below
 * the arguments (as for CALL_METHOD). Returns 1 with a frame pushed, 0 with
 * the result in *r (another callable), -1 on error. */
static COLD int op_call_bound(VM *vm, BoundMethod *b, Value *args, int nargs, Tuple *kw, Value *fnslot, Value *r)
{
    args[-1] = b->self;
    if (b->func.type == T_FUNCTION)
        return push_frame(vm, AS(Function, b->func), args - 1, nargs + 1, kw, fnslot) ? 1 : -1;
    return vm_call(vm, b->func, args - 1, nargs + 1, kw, r) ? 0 : -1;
}

/* `raise` alone where the function has no handler of its own: the
 * exception being handled (by a caller: the innermost handler running;
 * true), or RuntimeError when there is none (or it is beyond what
 * vm->handling keeps; false). */
static COLD bool reraise_handled(VM *vm)
{
    uint32_t n = vm->nhandling;
    if (n > 0 && n <= VM_MAX_HANDLING && vm->handling[n - 1].type == T_EXCEPTION) {
        vm->exc = vm->handling[n - 1];
        return true;
    }
    vm_raise(vm, EXC_RuntimeError, "No active exception to reraise");
    return false;
}

/* A new exception raised while another is handled: that one is its
 * __context__ (unless set already), and a chain that would loop is cut. */
static COLD void exc_set_context(VM *vm, Exception *e)
{
    uint32_t n = vm->nhandling < VM_MAX_HANDLING ? vm->nhandling : VM_MAX_HANDLING;
    Value top = vm->handling[n - 1];
    if (top.type != T_EXCEPTION || top.u.obj == &e->hdr || e->context.type == T_EXCEPTION)
        return;
    uint32_t steps = 0; /* a loop made by assigning __context__ by hand ends the walk too */
    for (Exception *x = AS(Exception, top); x->context.type == T_EXCEPTION && steps < 10000;
         x = AS(Exception, x->context), steps++) {
        if (x->context.u.obj == &e->hdr) {
            x->context = v_none();
            break;
        }
    }
    e->context = top;
}

/* The truth of a user instance (__bool__, __len__): 1, 0, or -1 on error. */
static COLD int instance_truth(VM *vm, Value v)
{
    bool t;
    return class_truthy(vm, v, &t) ? t : -1;
}

/* The exception `raise v` raises: v itself, or an instance of the class v. */
static bool make_exception(VM *vm, Value v, Value *out)
{
    if (v.type == T_TYPE && AS(TypeObj, v)->exc >= 0) {
        if (type_is_user(AS(TypeObj, v)))
            return class_make_exception(vm, (Class *)AS(TypeObj, v), NULL, 0, true, out);
        Exception *e = exc_new(vm, AS(TypeObj, v), NULL);
        if (!e)
            return false;
        *out = v_obj(e);
        return true;
    }
    if (v.type != T_EXCEPTION)
        return vm_raise(vm, EXC_TypeError, "exceptions must derive from BaseException");
    *out = v;
    return true;
}

static bool exc_class_check(VM *vm, Value cls, Value exc, bool *match)
{
    if (cls.type == T_TUPLE) {
        Tuple *t = AS(Tuple, cls);
        *match = false;
        if (!vm_recursion_enter(vm, NULL)) /* a tuple of tuples of classes, nested by the program */
            return false;
        bool ok = true;
        for (uint32_t i = 0; i < t->len && ok; i++) {
            bool m = false;
            ok = exc_class_check(vm, t->items[i], exc, &m);
            if (m)
                *match = true;
        }
        vm_recursion_leave(vm);
        return ok;
    }
    if (cls.type != T_TYPE || AS(TypeObj, cls)->exc < 0)
        return vm_raise(vm, EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    *match = exc.type == T_EXCEPTION && exc_matches(AS(Exception, exc), AS(TypeObj, cls));
    return true;
}

/* Finds the handler for pc in a code object's exception table. */
static const ExcEntry *find_handler(const Code *c, uint32_t pc)
{
    const P4bCode *src = c->src;
    for (uint32_t i = 0; i < src->nexc; i++)
        if (pc >= src->exc[i].start && pc < src->exc[i].end)
            return &src->exc[i];
    return NULL;
}

static bool range_next(Iter *it, Value *out)
{
    int32_t i = it->i, stop = it->a, step = it->b;
    if (step > 0 ? i >= stop : i <= stop)
        return false;
    *out = v_int(i);
    int32_t next;
    /* past the int32 range the loop is over: park the counter on stop */
    it->i = __builtin_add_overflow(i, step, &next) ? stop : next;
    return true;
}

/* GCC's cross-jumping merges the identical tails of handlers (`sp--;
 * NEXT()` of the int fast paths and POP_TOP): a hot handler then pays a jump
 * to the shared tail and another to the dispatch. Off for this function. */
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-crossjumping")))
#endif
static bool run(VM *vm, uint32_t stop, Value *entry_sp)
{
    Frame *f;
    const uint32_t *code;
    Value *locals, *sp, *consts;
    const uint32_t *ip; /* the next instruction */
    uint32_t insn, arg;
    Program *prog; /* the frame's program: its globals and names (modules have their own) */

#define LOAD_FRAME()                                           \
    do {                                                       \
        f = &vm->frames[vm->nframes - 1];                      \
        prog = f->code->program;                               \
        code = f->code->insns;                                 \
        locals = f->base;                                      \
        consts = f->code->consts->items;                       \
        ip = code + f->pc;                                     \
    } while (0)
#define PC() ((uint32_t)(ip - code)) /* index of the next instruction */
#define JUMP_TO(target) (ip = code + (target))
#define SAVE() (vm->sp = sp, f->pc = PC() - 1)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define CHECK(x) do { if (!(x)) goto error; } while (0)

#if P4_COMPUTED_GOTO
    static const void *const labels[OP__COUNT] = {
#define P4_OP_LABEL(name, kind, pops, pushes, flow) &&L_##name,
        P4_OPCODES(P4_OP_LABEL)
#undef P4_OP_LABEL
    };
#define CASE(name) L_##name:
#define NEXT() do { insn = *ip++; arg = BC_ARG(insn); goto *labels[BC_OP(insn)]; } while (0)
#define DISPATCH() NEXT();
#else
#define CASE(name) case OP_##name:
#define NEXT() goto dispatch
#define DISPATCH() dispatch: insn = *ip++; arg = BC_ARG(insn); switch (BC_OP(insn))
#endif

    LOAD_FRAME();
    sp = entry_sp ? entry_sp : locals + f->code->nlocals;

    for (;;) {
        DISPATCH()
        {
        CASE(NOP) NEXT();
        CASE(POP_TOP) sp--; NEXT();
        CASE(DUP_TOP) { Value v = TOP(); PUSH(v); NEXT(); }
        CASE(DUP_TOP_TWO) { Value a = SECOND(), b = TOP(); PUSH(a); PUSH(b); NEXT(); }
        CASE(ROT_TWO) { Value t = TOP(); TOP() = SECOND(); SECOND() = t; NEXT(); }
        CASE(ROT_THREE) {
            Value t = TOP();
            TOP() = SECOND();
            SECOND() = THIRD();
            THIRD() = t;
            NEXT();
        }

        CASE(LOAD_CONST) PUSH(consts[arg]); NEXT();
        CASE(LOAD_INT) PUSH(v_int(BC_IMM(insn))); NEXT();
        CASE(LOAD_FAST) {
            if (locals[arg].type == T_UNBOUND) {
                SAVE();
                Str *name = AS(Str, prog->strings[f->code->src->localnames[arg]]);
                Value g;
                int r = eval_class_body_global(vm, f->code, name, &g); /* class A: x = x */
                if (r > 0) {
                    PUSH(g);
                    NEXT();
                }
                if (r == 0)
                    vm_raise(vm, EXC_UnboundLocalError,
                             "cannot access local variable '%s' where it is not associated with a value", name->data);
                goto error;
            }
            PUSH(locals[arg]);
            NEXT();
        }
        CASE(STORE_FAST) locals[arg] = POP(); NEXT();
        CASE(LOAD_GLOBAL) {
            Value v = prog->globals[arg];
            if (v.type == T_UNBOUND) {
                v = prog->builtin_of_global[arg];
                if (v.type == T_UNBOUND) {
                    SAVE();
                    const P4bString *name = &prog->p4b->strings[prog->p4b->globals[arg]];
                    vm_raise(vm, EXC_NameError, "name '%s' is not defined", (const char *)name->bytes);
                    goto error;
                }
            }
            PUSH(v);
            NEXT();
        }
        CASE(STORE_GLOBAL)
            prog->globals[arg] = POP();
            if (vm->jit)
                jit_global_stored(vm, prog, arg); /* compiled code may have its old value built in */
            NEXT();
        CASE(LOAD_ATTR) {
            SAVE();
            CHECK(vm_load_attr_cached(vm, TOP(), AS(Str, prog->strings[arg]), ip, &TOP()));
            NEXT();
        }
        CASE(LOAD_METHOD) {
            SAVE();
            Value out[2];
            CHECK(vm_load_method_cached(vm, TOP(), AS(Str, prog->strings[arg]), ip, out));
            TOP() = out[0];
            PUSH(out[1]);
            NEXT();
        }
        CASE(IMPORT_NAME) {
            SAVE(); /* a module's first import runs its body (vm/module.c) */
            Value m;
            CHECK(module_import(vm, AS(Str, prog->strings[arg]), &m));
            PUSH(m);
            NEXT();
        }

        CASE(UNARY_NEG)
        CASE(UNARY_POS)
        CASE(UNARY_NOT)
        CASE(UNARY_INVERT) {
            SAVE();
            CHECK(vm_unary_op(vm, BC_OP(insn), TOP(), &TOP()));
            NEXT();
        }

        CASE(BINARY_ADD)
        CASE(INPLACE_ADD) {
            Value a = SECOND(), b = TOP();
            int32_t r;
            if (a.type == T_INT && b.type == T_INT && !__builtin_add_overflow(a.u.i, b.u.i, &r)) {
                sp--;
                TOP().u.i = r;
                NEXT();
            }
            if (a.type == T_FLOAT && b.type == T_FLOAT) {
                sp--;
                TOP().u.f = a.u.f + b.u.f;
                NEXT();
            }
            goto binary_slow;
        }
        CASE(BINARY_SUB)
        CASE(INPLACE_SUB) {
            Value a = SECOND(), b = TOP();
            int32_t r;
            if (a.type == T_INT && b.type == T_INT && !__builtin_sub_overflow(a.u.i, b.u.i, &r)) {
                sp--;
                TOP().u.i = r;
                NEXT();
            }
            if (a.type == T_FLOAT && b.type == T_FLOAT) {
                sp--;
                TOP().u.f = a.u.f - b.u.f;
                NEXT();
            }
            goto binary_slow;
        }
        CASE(BINARY_MUL)
        CASE(INPLACE_MUL) {
            Value a = SECOND(), b = TOP();
            int32_t r;
            if (a.type == T_INT && b.type == T_INT && !__builtin_mul_overflow(a.u.i, b.u.i, &r)) {
                sp--;
                TOP().u.i = r;
                NEXT();
            }
            if (a.type == T_FLOAT && b.type == T_FLOAT) {
                sp--;
                TOP().u.f = a.u.f * b.u.f;
                NEXT();
            }
            goto binary_slow;
        }
        CASE(BINARY_TRUEDIV)
        CASE(BINARY_FLOORDIV)
        CASE(BINARY_MOD)
        CASE(BINARY_POW)
        CASE(BINARY_LSHIFT)
        CASE(BINARY_RSHIFT)
        CASE(BINARY_AND)
        CASE(BINARY_OR)
        CASE(BINARY_XOR)
        CASE(INPLACE_AND)
        CASE(INPLACE_OR)
        CASE(INPLACE_XOR)
        CASE(BINARY_MATMUL)
        binary_slow: {
            SAVE();
            Value r; /* a /= b: BINARY_TRUEDIV with BINARY_ARG_INPLACE (opcodes.h) */
            CHECK(vm_binary_op(vm, BC_OP(insn) | (BC_ARG(insn) ? VM_OP_INPLACE : 0), SECOND(), TOP(), &r));
            sp--;
            TOP() = r;
            NEXT();
        }

        CASE(COMPARE_LT)
        CASE(COMPARE_LE)
        CASE(COMPARE_EQ)
        CASE(COMPARE_NE)
        CASE(COMPARE_GT)
        CASE(COMPARE_GE) {
            Value a = SECOND(), b = TOP();
            if (a.type == T_INT && b.type == T_INT) {
                bool r;
                switch (BC_OP(insn)) {
                case OP_COMPARE_LT: r = a.u.i < b.u.i; break;
                case OP_COMPARE_LE: r = a.u.i <= b.u.i; break;
                case OP_COMPARE_EQ: r = a.u.i == b.u.i; break;
                case OP_COMPARE_NE: r = a.u.i != b.u.i; break;
                case OP_COMPARE_GT: r = a.u.i > b.u.i; break;
                default:            r = a.u.i >= b.u.i; break;
                }
                sp--;
                TOP() = v_bool(r);
                NEXT();
            }
            SAVE();
            Value r;
            CHECK(vm_compare(vm, BC_OP(insn), a, b, &r));
            sp--;
            TOP() = r;
            NEXT();
        }
        CASE(IS_OP) {
            bool r = same_object(SECOND(), TOP()) != (arg != 0);
            sp--;
            TOP() = v_bool(r);
            NEXT();
        }
        CASE(CONTAINS_OP) {
            SAVE();
            bool r;
            CHECK(vm_contains(vm, TOP(), SECOND(), &r));
            sp--;
            TOP() = v_bool(r != (arg != 0));
            NEXT();
        }

        CASE(BINARY_SUBSCR) {
            Value c = SECOND(), k = TOP();
            if (c.type == T_LIST && k.type == T_INT) {
                List *l = AS(List, c);
                int32_t i = k.u.i < 0 ? k.u.i + (int32_t)l->len : k.u.i;
                if (i >= 0 && (uint32_t)i < l->len) {
                    sp--;
                    TOP() = l->items[i];
                    NEXT();
                }
            }
            if (c.type == T_ARRAY && k.type == T_INT) {
                /* the numeric kernels' case: read the packed element directly */
                Array *arr = AS(Array, c);
                int32_t i = k.u.i < 0 ? k.u.i + (int32_t)arr->len : k.u.i;
                if (i >= 0 && (uint32_t)i < arr->len) {
                    Value r;
                    switch (arr->hdr.aux) {
                    case 'b': r = v_int(((const int8_t *)arr->data)[i]); break;
                    case 'B': r = v_int(arr->data[i]); break;
                    case 'h': { int16_t h; memcpy(&h, arr->data + 2 * (uint32_t)i, 2); r = v_int(h); break; }
                    case 'H': { uint16_t h; memcpy(&h, arr->data + 2 * (uint32_t)i, 2); r = v_int(h); break; }
                    case 'i': { int32_t w; memcpy(&w, arr->data + 4 * (uint32_t)i, 4); r = v_int(w); break; }
                    case 'f': { float f; memcpy(&f, arr->data + 4 * (uint32_t)i, 4); r = v_float(f); break; }
                    default: goto subscr_slow; /* 'I' may not fit an int */
                    }
                    sp--;
                    TOP() = r;
                    NEXT();
                }
            }
        subscr_slow:
            SAVE();
            Value r;
            CHECK(vm_getitem(vm, c, k, &r));
            sp--;
            TOP() = r;
            NEXT();
        }
        CASE(STORE_SUBSCR) {
            Value c = SECOND(), k = TOP(), v = THIRD();
            if (c.type == T_LIST && k.type == T_INT) {
                List *l = AS(List, c);
                int32_t i = k.u.i < 0 ? k.u.i + (int32_t)l->len : k.u.i;
                if (i >= 0 && (uint32_t)i < l->len) {
                    l->items[i] = v;
                    sp -= 3;
                    NEXT();
                }
            }
            if (c.type == T_ARRAY && k.type == T_INT) {
                Array *arr = AS(Array, c);
                int32_t i = k.u.i < 0 ? k.u.i + (int32_t)arr->len : k.u.i;
                if (i >= 0 && (uint32_t)i < arr->len) {
                    if (arr->hdr.aux == 'i' && v.type == T_INT) {
                        memcpy(arr->data + 4 * (uint32_t)i, &v.u.i, 4);
                        sp -= 3;
                        NEXT();
                    }
                    if (arr->hdr.aux == 'f' && v.type == T_FLOAT) {
                        memcpy(arr->data + 4 * (uint32_t)i, &v.u.f, 4);
                        sp -= 3;
                        NEXT();
                    }
                    if (arr->hdr.aux == 'b' && v.type == T_INT && v.u.i >= -128 && v.u.i <= 127) {
                        arr->data[i] = (uint8_t)v.u.i;
                        sp -= 3;
                        NEXT();
                    }
                }
            }
            SAVE();
            CHECK(vm_setitem(vm, c, k, v));
            sp -= 3;
            NEXT();
        }
        CASE(DELETE_SUBSCR) {
            SAVE();
            CHECK(vm_delitem(vm, SECOND(), TOP()));
            sp -= 2;
            NEXT();
        }
        CASE(BUILD_SLICE) {
            SAVE();
            Value step = arg == 3 ? TOP() : v_none();
            Value *base = sp - arg;
            Slice *s = slice_new(vm, base[0], base[1], step);
            CHECK(s);
            sp = base;
            PUSH(v_obj(s));
            NEXT();
        }
        CASE(BUILD_TUPLE) {
            SAVE();
            Tuple *t = tuple_new(vm, arg);
            CHECK(t);
            sp -= arg;
            memcpy(t->items, sp, arg * sizeof(Value));
            PUSH(v_obj(t));
            NEXT();
        }
        CASE(BUILD_LIST) {
            SAVE();
            List *l = list_new(vm, arg);
            CHECK(l);
            sp -= arg;
            if (arg)
                memcpy(l->items, sp, arg * sizeof(Value));
            l->len = arg;
            PUSH(v_obj(l));
            NEXT();
        }
        CASE(BUILD_MAP) {
            SAVE();
            Dict *d = dict_new(vm);
            CHECK(d);
            VM_ROOT(vm, v_obj(d));
            Value *base = sp - 2 * arg;
            for (uint32_t i = 0; i < arg; i++) {
                if (!dict_set(vm, d, base[2 * i], base[2 * i + 1])) {
                    VM_UNROOT(vm, 1);
                    goto error;
                }
            }
            VM_UNROOT(vm, 1);
            sp = base;
            PUSH(v_obj(d));
            NEXT();
        }
        CASE(LIST_APPEND) {
            SAVE();
            Value l = sp[-1 - (int)arg];
            if (l.type != T_LIST) {
                vm_raise(vm, EXC_RuntimeError, "LIST_APPEND on a non-list");
                goto error;
            }
            CHECK(list_append(vm, AS(List, l), TOP()));
            sp--;
            NEXT();
        }
        CASE(UNPACK_SEQUENCE) {
            Value seq = TOP();
            Value *items = NULL;
            uint32_t len = 0;
            if (seq.type == T_TUPLE) {
                items = AS(Tuple, seq)->items;
                len = AS(Tuple, seq)->len;
            } else if (seq.type == T_LIST) {
                items = AS(List, seq)->items;
                len = AS(List, seq)->len;
            }
            if (items && len == arg) {
                sp--;
                for (uint32_t i = arg; i-- > 0;)
                    PUSH(items[i]);
                NEXT();
            }
            /* General case: unpack above the sequence (rooted), then reverse into place. */
            for (uint32_t i = 0; i < arg; i++)
                sp[i] = v_none();
            vm->sp = sp + arg;
            f->pc = PC() - 1;
            CHECK(vm_unpack(vm, seq, arg, sp));
            for (uint32_t i = 0; i < arg / 2; i++) {
                Value t = sp[i];
                sp[i] = sp[arg - 1 - i];
                sp[arg - 1 - i] = t;
            }
            memmove(sp - 1, sp, arg * sizeof(Value));
            /* the sequence's slot is gone and arg items replace it: in two
             * steps, since arg - 1 in unsigned arithmetic is 2^32 - 1 for
             * UNPACK_SEQUENCE 0 (`[] = []`) */
            sp = sp - 1 + arg;
            NEXT();
        }

        CASE(GET_ITER) {
            SAVE();
            CHECK(vm_getiter(vm, TOP(), &TOP()));
            NEXT();
        }
        CASE(FOR_ITER) {
            Value it = TOP();
            if (it.type == T_ITER) {
                Iter *iter = AS(Iter, it);
                if (iter->hdr.aux == ITER_RANGE) {
                    Value v;
                    if (range_next(iter, &v)) {
                        PUSH(v);
                        NEXT();
                    }
                    sp--;
                    JUMP_TO(arg);
                    NEXT();
                }
                if (iter->hdr.aux == ITER_SEQ && iter->src.type == T_LIST) {
                    List *l = AS(List, iter->src);
                    if (iter->i >= 0 && (uint32_t)iter->i < l->len) {
                        PUSH(l->items[iter->i++]);
                        NEXT();
                    }
                    iter->i = INT32_MAX; /* stays exhausted even if the list grows */
                    sp--;
                    JUMP_TO(arg);
                    NEXT();
                }
            }
            SAVE();
            Value v;
            int r = vm_iternext(vm, it, &v);
            if (r < 0)
                goto error;
            if (r > 0) {
                PUSH(v);
            } else {
                sp--;
                JUMP_TO(arg);
            }
            NEXT();
        }
        CASE(JUMP) JUMP_TO(arg); NEXT();
        CASE(POP_JUMP_IF_FALSE) {
            Value v = POP();
            if (v.type == T_BOOL ? !v.u.i : !vm_truthy(v)) {
                JUMP_TO(arg);
            } else if (UNLIKELY(v.type == T_INSTANCE)) { /* __bool__ / __len__ may say false */
                sp++;
                SAVE();
                int t = instance_truth(vm, v);
                CHECK(t >= 0);
                sp--;
                if (!t)
                    JUMP_TO(arg);
            }
            NEXT();
        }
        CASE(POP_JUMP_IF_TRUE) {
            Value v = POP();
            if (v.type == T_BOOL ? v.u.i : vm_truthy(v)) {
                if (UNLIKELY(v.type == T_INSTANCE)) {
                    sp++;
                    SAVE();
                    int t = instance_truth(vm, v);
                    CHECK(t >= 0);
                    sp--;
                    if (!t)
                        NEXT();
                }
                JUMP_TO(arg);
            }
            NEXT();
        }
        CASE(JUMP_IF_FALSE_OR_POP) {
            if (!vm_truthy(TOP())) {
                JUMP_TO(arg);
            } else if (UNLIKELY(TOP().type == T_INSTANCE)) {
                SAVE();
                int t = instance_truth(vm, TOP());
                CHECK(t >= 0);
                if (!t)
                    JUMP_TO(arg);
                else
                    sp--;
            } else {
                sp--;
            }
            NEXT();
        }
        CASE(JUMP_IF_TRUE_OR_POP) {
            if (vm_truthy(TOP())) {
                if (UNLIKELY(TOP().type == T_INSTANCE)) {
                    SAVE();
                    int t = instance_truth(vm, TOP());
                    CHECK(t >= 0);
                    if (!t) {
                        sp--;
                        NEXT();
                    }
                }
                JUMP_TO(arg);
            } else {
                sp--;
            }
            NEXT();
        }

        CASE(CALL)
        CASE(CALL_KW)
        CASE(CALL_METHOD) {
            unsigned op = BC_OP(insn);
            int nargs = (int)arg;
            Tuple *kw = NULL;
            if (op == OP_CALL_KW) {
                Value names = TOP();
                if (names.type != T_TUPLE) {
                    SAVE();
                    vm_raise(vm, EXC_RuntimeError, "CALL_KW without a names tuple");
                    goto error;
                }
                kw = AS(Tuple, names);
                sp--; /* the names tuple is a constant: no need to keep it rooted */
                if (kw->len > (uint32_t)nargs) {
                    SAVE();
                    vm_raise(vm, EXC_RuntimeError, "CALL_KW with more names than arguments");
                    goto error;
                }
            }
            Value *args = sp - nargs;
            Value *fnslot = args - 1;
            int self_args = 0;
            if (op == OP_CALL_METHOD) {
                fnslot = args - 2;
                if (args[-1].type != T_UNBOUND) {
                    args--; /* self becomes the first argument */
                    nargs++;
                    self_args = 1;
                }
            }
            Value fn = *fnslot;
            SAVE();
            if (fn.type == T_FUNCTION) {
                /* (a code the JIT declined or parked: no call into it, jitperf2) */
                if (vm->jit && !(AS(Function, fn)->code->hdr.flags & CODE_JIT_DECLINED)) {
                    bool jit_ok;
                    Value result;
                    if ((kw || nargs < AS(Function, fn)->code->nparams) && jit_may_take(vm, AS(Function, fn))) {
                        /* f(x=1), f(x) with defaults: compiled code too, when it binds positionally */
                        int n = kw_as_positional(vm, AS(Function, fn), args, nargs, kw);
                        if (n >= 0) {
                            nargs = n, kw = NULL;
                            sp = args + nargs;
                            SAVE();
                        }
                    }
                    if (!kw && jit_call(vm, AS(Function, fn), args, nargs, &result, &jit_ok)) {
                        CHECK(jit_ok);
                        *fnslot = result;
                        sp = fnslot + 1;
                        NEXT();
                    }
                }
                /* ([fn] [no self]) args: the callee's locals start at args */
                CHECK(push_frame(vm, AS(Function, fn), args, nargs, kw, fnslot));
                f->pc = PC();
                LOAD_FRAME();
                sp = locals + f->code->nlocals;
                NEXT();
            }
            Value r;
            if (fn.type == T_NATIVE) {
                CHECK(call_native(vm, AS(Native, fn), args, nargs, kw, self_args, &r));
            } else if (UNLIKELY(fn.type == T_BOUNDMETHOD && !AS(BoundMethod, fn)->method)) {
                /* a user function bound to its object: self goes below the
                 * arguments, as for CALL_METHOD, and the frame runs here */
                int pushed = op_call_bound(vm, AS(BoundMethod, fn), args, nargs, kw, fnslot, &r);
                CHECK(pushed >= 0);
                if (pushed) {
                    f->pc = PC();
                    LOAD_FRAME();
                    sp = locals + f->code->nlocals;
                    NEXT();
                }
            } else if (fn.type == T_BOUNDMETHOD) {
                /* The slot just below the arguments (the bound method's own
                 * slot for CALL, the empty self slot for CALL_METHOD)
                 * becomes self; self_args is 0 here because vm_load_method
                 * never pairs a bound method with a self. */
                BoundMethod *b = AS(BoundMethod, fn);
                Value *a = args - 1;
                a[0] = b->self;
                CHECK(call_native(vm, b->method, a, nargs + 1, kw, 1, &r));
            } else if (fn.type == T_TYPE) {
                CHECK(call_type(vm, AS(TypeObj, fn), args, nargs, kw, &r));
            } else {
                CHECK(vm_call(vm, fn, args, nargs, kw, &r)); /* user instances with __call__ */
            }
            sp = fnslot;
            PUSH(r);
            NEXT();
        }
        CASE(RETURN_VALUE) {
            Value r = TOP();
            Frame *done = f;
            *done->ret = r;
            sp = done->ret + 1;
            vm->nframes--;
            if (vm->nframes == stop) {
                vm->sp = sp - 1; /* the caller's view: the result slot is its own */
                return true;
            }
            LOAD_FRAME();
            NEXT();
        }
        CASE(MAKE_FUNCTION) {
            SAVE();
            Value codev = TOP();
            uint32_t ndef = arg & 0xff, has_kwdef = (arg >> 8) & 1;
            if (codev.type != T_CODE) { /* only a hand-made .p4b can get here */
                vm_raise(vm, EXC_TypeError, "MAKE_FUNCTION needs a code object, not '%s'", type_name(codev));
                goto error;
            }
            Value kwdef = has_kwdef ? SECOND() : v_none();
            if (has_kwdef && kwdef.type != T_DICT) {
                vm_raise(vm, EXC_TypeError, "MAKE_FUNCTION needs a dict of keyword-only defaults");
                goto error;
            }
            Tuple *defaults = NULL;
            if (ndef) {
                defaults = tuple_new(vm, ndef);
                CHECK(defaults);
                memcpy(defaults->items, sp - 1 - has_kwdef - ndef, ndef * sizeof(Value));
                VM_ROOT(vm, v_obj(defaults));
            }
            Function *fn = gc_alloc(vm, T_FUNCTION, sizeof(Function));
            if (ndef)
                VM_UNROOT(vm, 1);
            CHECK(fn);
            fn->code = AS(Code, codev);
            fn->defaults = defaults;
            fn->kwdefaults = has_kwdef ? AS(Dict, kwdef) : NULL;
            sp -= ndef + has_kwdef + 1;
            PUSH(v_obj(fn));
            NEXT();
        }
        CASE(MAKE_CLOSURE) {
            SAVE();
            CHECK(make_closure(vm, f, locals, consts[arg], TOP()));
            NEXT();
        }
        CASE(LOAD_DEREF) {
            Value v = locals[arg];
            if (v.type == T_CELL)
                v = AS(Cell, v)->value;
            if (v.type == T_UNBOUND) {
                SAVE();
                unbound_local(vm, f->code, arg);
                goto error;
            }
            PUSH(v);
            NEXT();
        }
        CASE(STORE_DEREF) {
            if (locals[arg].type == T_CELL)
                AS(Cell, locals[arg])->value = POP();
            else
                locals[arg] = POP();
            NEXT();
        }
        CASE(DELETE_FAST)
        CASE(DELETE_DEREF) {
            Value *slot = &locals[arg];
            if (BC_OP(insn) == OP_DELETE_DEREF && slot->type == T_CELL)
                slot = &AS(Cell, *slot)->value;
            if (slot->type == T_UNBOUND) {
                SAVE();
                unbound_local(vm, f->code, arg);
                goto error;
            }
            *slot = v_unbound();
            NEXT();
        }
        CASE(LOAD_FREE)
        CASE(STORE_FREE)
        CASE(DELETE_FREE) {
            SAVE();
            Cell *cell = free_cell(vm, f->func, arg);
            CHECK(cell);
            unsigned op = BC_OP(insn);
            if (op == OP_STORE_FREE) {
                cell->value = POP();
                NEXT();
            }
            if (cell->value.type == T_UNBOUND) {
                vm_raise(vm, EXC_NameError,
                         "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                         cell->name ? cell->name->data : "?");
                goto error;
            }
            if (op == OP_LOAD_FREE)
                PUSH(cell->value);
            else
                cell->value = v_unbound();
            NEXT();
        }
        CASE(DELETE_GLOBAL) {
            if (prog->globals[arg].type == T_UNBOUND) {
                SAVE();
                const P4bString *name = &prog->p4b->strings[prog->p4b->globals[arg]];
                vm_raise(vm, EXC_NameError, "name '%s' is not defined", (const char *)name->bytes);
                goto error;
            }
            prog->globals[arg] = v_unbound();
            if (vm->jit)
                jit_global_stored(vm, prog, arg);
            NEXT();
        }
        CASE(GET_LEN) {
            SAVE();
            int32_t n;
            CHECK(vm_len(vm, TOP(), &n));
            TOP() = v_int(n);
            NEXT();
        }
        CASE(MATCH_SEQUENCE) TOP() = v_bool(match_is_sequence(TOP())); NEXT();
        CASE(MATCH_MAPPING) TOP() = v_bool(match_is_mapping(TOP())); NEXT();
        CASE(MATCH_KEYS) {
            SAVE();
            CHECK(match_keys(vm, sp - 2));
            sp--;
            NEXT();
        }
        CASE(MATCH_CLASS) {
            SAVE();
            CHECK(match_class(vm, arg, sp - 3));
            sp -= 2;
            NEXT();
        }
        CASE(IMPORT_FROM) {
            SAVE();
            Value v;
            CHECK(op_import_from(vm, TOP(), AS(Str, prog->strings[arg]), &v));
            PUSH(v);
            NEXT();
        }
        CASE(IMPORT_STAR)
        CASE(LOAD_NAME)
        CASE(STORE_NAME)
        CASE(DELETE_NAME) { /* from m import *, and code run by exec/eval (eval.c) */
            SAVE();
            int32_t moved = op_namespace(vm, f, prog, insn, sp);
            CHECK(moved != INT32_MIN);
            sp += moved;
            NEXT();
        }
        CASE(LIST_EXTEND) {
            SAVE();
            uint32_t depth = arg & 0xffff;
            Value l = sp[-1 - (int)depth];
            if (l.type != T_LIST) {
                vm_raise(vm, EXC_RuntimeError, "LIST_EXTEND on a non-list");
                goto error;
            }
            /* arg & 0x10000: f(*x), the function just below the list */
            CHECK(star_iterator(vm, &TOP(), arg & 0x10000 ? sp[-2 - (int)depth] : v_unbound()));
            CHECK(list_extend(vm, AS(List, l), TOP()));
            sp--;
            NEXT();
        }
        CASE(LIST_TO_TUPLE) {
            SAVE();
            if (TOP().type != T_LIST) {
                vm_raise(vm, EXC_RuntimeError, "LIST_TO_TUPLE on a non-list");
                goto error;
            }
            List *l = AS(List, TOP());
            Tuple *t = tuple_new(vm, l->len);
            CHECK(t);
            if (l->len)
                memcpy(t->items, l->items, l->len * sizeof(Value));
            TOP() = v_obj(t);
            NEXT();
        }
        CASE(DICT_UPDATE)
        CASE(DICT_MERGE) {
            SAVE();
            Value d = sp[-1 - (int)arg];
            if (d.type != T_DICT) {
                vm_raise(vm, EXC_RuntimeError, "DICT_UPDATE on a non-dict");
                goto error;
            }
            Value fnv = BC_OP(insn) == OP_DICT_MERGE ? sp[-3 - (int)arg] : v_unbound();
            CHECK(dict_merge(vm, AS(Dict, d), TOP(), fnv));
            sp--;
            NEXT();
        }
        CASE(UNPACK_EX) {
            /* the sequence as a list above it, then the middle list above that (both rooted) */
            uint32_t before = arg & 0xff, after = arg >> 8;
            SAVE();
            List *all = list_new(vm, 0);
            CHECK(all);
            sp[0] = v_obj(all);
            vm->sp = sp + 1;
            CHECK(list_extend(vm, all, TOP()));
            if (all->len < before + after) {
                vm_raise(vm, EXC_ValueError, "not enough values to unpack (expected at least %lu, got %lu)",
                         (unsigned long)(before + after), (unsigned long)all->len);
                goto error;
            }
            uint32_t nmid = all->len - before - after;
            List *mid = list_new(vm, nmid);
            CHECK(mid);
            if (nmid)
                memcpy(mid->items, all->items + before, nmid * sizeof(Value));
            mid->len = nmid;
            /* no allocation from here: overwrite the sequence's slot upwards */
            Value *items = all->items;
            uint32_t len = all->len;
            Value *out = sp - 1;
            for (uint32_t i = len; i-- > len - after;)
                *out++ = items[i];
            *out++ = v_obj(mid);
            for (uint32_t i = before; i-- > 0;)
                *out++ = items[i];
            sp = out;
            NEXT();
        }
        CASE(CALL_EX) {
            Value *fnslot = sp - 2 - (int)arg;
            SAVE();
            int nargs = 0;
            Tuple *names = NULL;
            CHECK(spread_call(vm, fnslot, arg, &nargs, &names));
            Value *args = fnslot + 1;
            Value fn = *fnslot;
            sp = args + nargs;
            SAVE();
            if (names)
                VM_ROOT(vm, v_obj(names));
            if (fn.type == T_FUNCTION && jit_may_take(vm, AS(Function, fn))) { /* f(*a, **k): as CALL, CALL_KW */
                bool jit_ok;
                Value result;
                int n = names || nargs < AS(Function, fn)->code->nparams
                            ? kw_as_positional(vm, AS(Function, fn), args, nargs, names) : nargs;
                if (n >= 0) {
                    if (names)
                        VM_UNROOT(vm, 1);
                    nargs = n, names = NULL;
                    sp = args + nargs;
                    SAVE();
                    if (jit_call(vm, AS(Function, fn), args, nargs, &result, &jit_ok)) {
                        CHECK(jit_ok);
                        *fnslot = result;
                        sp = fnslot + 1;
                        NEXT();
                    }
                }
            }
            if (fn.type == T_FUNCTION) {
                bool ok = push_frame(vm, AS(Function, fn), args, nargs, names, fnslot);
                if (names)
                    VM_UNROOT(vm, 1);
                CHECK(ok);
                f->pc = PC();
                LOAD_FRAME();
                sp = locals + f->code->nlocals;
                NEXT();
            }
            Value r;
            bool ok = vm_call(vm, fn, args, nargs, names, &r);
            if (names)
                VM_UNROOT(vm, 1);
            CHECK(ok);
            sp = fnslot;
            PUSH(r);
            NEXT();
        }

        CASE(RAISE) {
            SAVE();
            Value v;
            CHECK(make_exception(vm, TOP(), &v));
            vm->exc = v;
            goto error;
        }
        CASE(RAISE_FROM) {
            SAVE();
            CHECK(op_raise_from(vm, sp));
            goto error;
        }
        CASE(PUSH_EXC_INFO) {
            if (vm->nhandling < VM_MAX_HANDLING)
                vm->handling[vm->nhandling] = TOP();
            vm->nhandling++;
            NEXT();
        }
        CASE(POP_EXCEPT) {
            if (vm->nhandling > 0)
                vm->nhandling--;
            NEXT();
        }
        CASE(STORE_ATTR) {
            SAVE();
            CHECK(vm_store_attr_cached(vm, TOP(), AS(Str, prog->strings[arg]), ip, SECOND()));
            sp -= 2;
            NEXT();
        }
        CASE(DELETE_ATTR) {
            SAVE();
            CHECK(vm_delete_attr(vm, TOP(), AS(Str, prog->strings[arg])));
            sp--;
            NEXT();
        }
        CASE(BUILD_CLASS) {
            SAVE();
            /* b1..bn [kw] ns name -> class; arg & 0x100: a dict of class keywords */
            uint32_t nb = arg & 0xff, haskw = arg >> 8 & 1;
            sp -= nb + haskw + 2;
            CHECK(class_build_stmt(vm, sp[nb + haskw + 1], sp, (int)nb, haskw ? sp[nb] : v_unbound(), sp[nb + haskw],
                                   sp));
            sp++;
            NEXT();
        }
        CASE(RETURN_LOCALS) {
            SAVE();
            CHECK(op_locals_dict(vm, f, sp));
            *f->ret = *sp; /* then as RETURN_VALUE */
            sp = f->ret + 1;
            vm->nframes--;
            if (vm->nframes == stop) {
                vm->sp = sp - 1;
                return true;
            }
            LOAD_FRAME();
            NEXT();
        }
        CASE(BEFORE_WITH) {
            SAVE();
            CHECK(op_before_with(vm, sp));
            sp++;
            NEXT();
        }
        CASE(WITH_EXCEPT) {
            SAVE();
            CHECK(op_with_except(vm, sp));
            sp++;
            NEXT();
        }
        CASE(RERAISE) {
            SAVE();
            if (TOP().type == T_NONE) { /* a bare raise outside the function's handlers */
                if (reraise_handled(vm))
                    goto unwind; /* as CPython: the traceback gets the callers, not this line */
                goto error;
            }
            if (TOP().type != T_EXCEPTION) {
                vm_raise(vm, EXC_TypeError, "exceptions must derive from BaseException");
                goto error;
            }
            vm->exc = TOP();
            goto unwind; /* its traceback already has this frame */
        }
        CASE(CHECK_EXC_MATCH) {
            SAVE();
            bool m;
            CHECK(exc_class_check(vm, TOP(), SECOND(), &m));
            TOP() = v_bool(m);
            NEXT();
        }
        CASE(ASSERT_FAIL) {
            SAVE();
            Tuple *args = tuple_new(vm, arg);
            CHECK(args);
            if (arg)
                args->items[0] = TOP();
            Exception *e = exc_new(vm, &exc_types[EXC_AssertionError], args);
            CHECK(e);
            vm->exc = v_obj(e);
            goto error;
        }
        CASE(RETURN_GENERATOR) {
            /* The arguments are bound: the frame becomes a generator, which
             * the call returns. The generator starts at the next instruction. */
            SAVE();
            if (!f->func) {
                vm_raise(vm, EXC_SyntaxError, "'yield' outside function");
                goto error;
            }
            Gen *g = gen_new(vm, f->func, locals, (uint32_t)(sp - locals), PC());
            CHECK(g);
            *f->ret = v_obj(g);
            sp = f->ret + 1;
            vm->nframes--;
            if (vm->nframes == stop) {
                vm->sp = sp - 1;
                return true;
            }
            LOAD_FRAME();
            NEXT();
        }
        CASE(YIELD_VALUE) {
            SAVE();
            Gen *g = vm->gen_running;
            if (!g || vm->nframes - 1 != stop || stop != vm->gen_frame) { /* only a hand-made .p4b */
                vm_raise(vm, EXC_RuntimeError, "yield outside a running generator");
                goto error;
            }
            /* the frame's locals and stack go to the generator; the value to
             * whoever resumed it (vm_gen_resume reads it from the result slot) */
            Value v = POP();
            uint32_t nvalues = (uint32_t)(sp - locals);
            memcpy(g->saved, locals, nvalues * sizeof(Value));
            g->depth = nvalues - f->code->nlocals;
            g->pc = PC();
            g->hdr.aux = GEN_SUSPENDED;
            *f->ret = v;
            vm->nframes--;
            vm->sp = f->ret;
            return true;
        }
        CASE(GET_YIELD_FROM_ITER) {
            SAVE();
            if (TOP().type != T_GEN)
                CHECK(vm_getiter(vm, TOP(), &TOP()));
            NEXT();
        }
        CASE(SEND) {
            SAVE();
            Value it = SECOND(), v = TOP(), r = v_none(), stop = v_none();
            int rc;
            if (it.type == T_GEN) {
                rc = gen_send(vm, AS(Gen, it), v, &r);
                stop = r;
            } else if (v.type == T_NONE) {
                rc = vm_iternext_stop(vm, it, &r, &stop);
            } else { /* a value sent into another iterator: its send method (PEP 380) */
                rc = gen_call_delegate(vm, it, "send", &TOP(), 1, &r);
                if (rc == 2)
                    vm_raise(vm, EXC_AttributeError, "'%s' object has no attribute 'send'", type_name(it));
                if (rc < 0 && vm->exc.type == T_EXCEPTION &&
                    exc_matches(AS(Exception, vm->exc), &exc_types[EXC_StopIteration])) {
                    Tuple *a = AS(Exception, vm->exc)->args; /* it finished: its value */
                    stop = a->len ? a->items[0] : v_none();
                    vm->exc = v_unbound();
                    rc = 0;
                }
                if (rc == 2)
                    goto error;
            }
            if (rc < 0)
                goto error;
            if (rc > 0) {
                TOP() = r;
                NEXT();
            }
            sp--;
            TOP() = stop;
            JUMP_TO(arg);
            NEXT();
        }
        /* coroutines: vm/coro.c */
        CASE(GET_AWAITABLE) {
            SAVE();
            CHECK(coro_awaitable(vm, &TOP()));
            NEXT();
        }
        CASE(BEFORE_ASYNC_WITH) {
            SAVE();
            CHECK(coro_before_async_with(vm, sp));
            sp++;
            NEXT();
        }
        CASE(ASYNC_WITH_EXCEPT) {
            SAVE();
            CHECK(coro_with_except(vm, sp));
            sp++;
            NEXT();
        }
        CASE(GET_AITER) {
            SAVE();
            CHECK(coro_aiter(vm, &TOP()));
            NEXT();
        }
        CASE(GET_ANEXT) {
            SAVE();
            Value r;
            CHECK(coro_anext(vm, TOP(), &r));
            PUSH(r);
            NEXT();
        }
        CASE(END_ASYNC_FOR) {
            SAVE();
            if (!coro_ends_loop(TOP())) {
                vm->exc = TOP();
                goto unwind; /* raised again, as RERAISE: its traceback has this frame */
            }
            sp -= 2;
            NEXT();
        }
        CASE(BUILD_SET) {
            SAVE();
            Value s;
            uint32_t n = BUILD_SET_COUNT(arg);
            CHECK(set_build(vm, sp - n, n, (arg & BUILD_SET_FOLDED) != 0, &s));
            sp -= n;
            PUSH(s);
            NEXT();
        }
        CASE(SET_ADD) {
            SAVE();
            Value s = sp[-1 - (int)arg];
            if (s.type != T_SET) {
                vm_raise(vm, EXC_RuntimeError, "SET_ADD on a non-set");
                goto error;
            }
            CHECK(set_add(vm, AS(Set, s), TOP()));
            sp--;
            NEXT();
        }
        CASE(MAP_ADD) {
            SAVE();
            Value d = sp[-2 - (int)arg];
            if (d.type != T_DICT) {
                vm_raise(vm, EXC_RuntimeError, "MAP_ADD on a non-dict");
                goto error;
            }
            CHECK(dict_set(vm, AS(Dict, d), SECOND(), TOP()));
            sp -= 2;
            NEXT();
        }
        CASE(FORMAT_VALUE) {
            SAVE();
            StrBuf sb;
            sb_init(&sb);
            bool ok;
            if (arg == 1) {
                Value spec = TOP();
                if (spec.type != T_STR) {
                    sb_free(&sb);
                    vm_raise(vm, EXC_TypeError, "format spec must be a str");
                    goto error;
                }
                ok = fmt_format(vm, &sb, SECOND(), AS(Str, spec)->data, AS(Str, spec)->len);
            } else {
                ok = arg == 2 ? fmt_repr(vm, &sb, TOP())
                   : arg == 4 ? add_ascii_repr(vm, &sb, TOP()) /* f"{x!a}" */
                   : arg == 0 && TOP().type == T_INSTANCE ? fmt_format(vm, &sb, TOP(), "", 0) /* __format__ */
                   : fmt_str(vm, &sb, TOP());
            }
            if (!ok) {
                sb_free(&sb);
                goto error;
            }
            Str *s = sb_to_str(vm, &sb);
            CHECK(s);
            if (arg == 1)
                sp--;
            TOP() = v_obj(s);
            NEXT();
        }
        CASE(BUILD_STRING) {
            SAVE();
            StrBuf sb;
            sb_init(&sb);
            for (uint32_t i = 0; i < arg; i++) {
                Value s = sp[(int)i - (int)arg];
                if (s.type == T_STR)
                    sb_add(&sb, AS(Str, s)->data, AS(Str, s)->len);
            }
            Str *s = sb_to_str(vm, &sb);
            CHECK(s);
            sp -= arg;
            PUSH(v_obj(s));
            NEXT();
        }
        }
#if !P4_COMPUTED_GOTO
        /* unknown opcodes cannot reach here: the loader verified every word */
        continue;
#endif

    error:
        /* A new exception at f->pc: record this frame in its traceback. */
        if (vm->exc.type == T_EXCEPTION) {
            exc_add_traceback(vm, AS(Exception, vm->exc), f->code, f->pc);
            if (UNLIKELY(vm->nhandling != 0))
                exc_set_context(vm, AS(Exception, vm->exc));
        }
    unwind:
        for (;;) {
            const ExcEntry *h = find_handler(f->code, f->pc);
            if (h) {
                sp = locals + f->code->nlocals + h->depth;
                PUSH(vm->exc);
                vm->exc = v_unbound();
                JUMP_TO(h->handler);
                break;
            }
            vm->nframes--;
            if (vm->nframes == stop) {
                vm->sp = f->ret;
                return false;
            }
            LOAD_FRAME();
            /* the caller's pc is past its CALL: report the call's line */
            f->pc = PC() - 1;
            if (vm->exc.type == T_EXCEPTION)
                exc_add_traceback(vm, AS(Exception, vm->exc), f->code, f->pc);
        }
    }
}

/* ---- generators ------------------------------------------------------------ */

int vm_gen_resume(VM *vm, Gen *g, enum GenResume mode, Value sent, Value *out)
{
    *out = v_none();
    switch ((enum GenState)g->hdr.aux) {
    case GEN_RUNNING:
        vm_raise(vm, EXC_ValueError, "generator already executing");
        return -1;
    case GEN_DONE:
        return mode == RESUME_THROW ? -1 : 0; /* a thrown exception just propagates */
    case GEN_CREATED:
        if (mode == RESUME_THROW) { /* raised before the first line: nothing can catch it */
            g->hdr.aux = GEN_DONE;
            g->saved = NULL;
            return -1;
        }
        mode = RESUME_CONTINUE; /* nothing waits for a sent value yet */
        break;
    case GEN_SUSPENDED:
        break;
    }
    Code *c = g->func->code;
    Value *slot = vm->sp;
    if (vm->nframes >= vm->cfg.max_frames ||
        slot + 1 + c->nlocals + c->maxstack + FRAME_SLACK > vm->stack_end) {
        stack_overflow(vm);
        return -1;
    }
    if (!vm_recursion_enter(vm, NULL)) /* generators resumed from generators nest in C */
        return -1;
    /* [result slot] locals stack (sent value) */
    uint32_t nvalues = c->nlocals + g->depth;
    slot[0] = v_none();
    memcpy(slot + 1, g->saved, nvalues * sizeof(Value));
    Value *sp = slot + 1 + nvalues;
    if (mode == RESUME_SEND)
        *sp++ = sent;
    vm->sp = sp;
    uint32_t pc = g->pc;
    bool ok = true;
    if (mode == RESUME_THROW) {
        /* the exception appears at the suspended YIELD_VALUE: unwound here,
         * so that run() has no entry into its error path (that cost the
         * numeric handlers registers) */
        pc = g->pc - 1;
        if (vm->exc.type == T_EXCEPTION)
            exc_add_traceback(vm, AS(Exception, vm->exc), c, pc);
        const ExcEntry *h = find_handler(c, pc);
        if (h) {
            sp = slot + 1 + c->nlocals + h->depth;
            *sp++ = vm->exc;
            vm->exc = v_unbound();
            vm->sp = sp;
            pc = h->handler;
        } else {
            ok = false; /* not handled: it leaves the generator at once */
        }
    }
    /* The exceptions its handlers were handling when it yielded are being
     * handled again while it runs, and only then (CPython's gi_exc_state):
     * otherwise one would be the __context__ of the caller's next error. */
    uint32_t handling_base = vm->nhandling;
    if (g->handled.type == T_TUPLE) {
        Tuple *h = AS(Tuple, g->handled);
        for (uint32_t i = 0; i < h->len; i++, vm->nhandling++)
            if (vm->nhandling < VM_MAX_HANDLING)
                vm->handling[vm->nhandling] = h->items[i];
        g->handled = v_none();
    }
    if (ok) {
        Frame *f = &vm->frames[vm->nframes++];
        f->code = c;
        f->func = g->func;
        f->pc = pc;
        f->base = slot + 1;
        f->ret = slot;
        g->hdr.aux = GEN_RUNNING;
        Gen *outer = vm->gen_running;
        uint32_t outer_frame = vm->gen_frame;
        vm->gen_running = g;
        vm->gen_frame = vm->nframes - 1;
        ok = run(vm, vm->nframes - 1, sp);
        vm->gen_running = outer;
        vm->gen_frame = outer_frame;
    }
    vm_recursion_leave(vm);
    if (ok && g->hdr.aux == GEN_SUSPENDED && vm->nhandling > handling_base) {
        vm->sp = slot + 1; /* the yielded value stays rooted */
        Tuple *h = tuple_new(vm, vm->nhandling - handling_base);
        if (!h) {
            ok = false;
        } else {
            for (uint32_t i = 0; i < h->len && handling_base + i < VM_MAX_HANDLING; i++)
                h->items[i] = vm->handling[handling_base + i];
            g->handled = v_obj(h);
        }
    }
    vm->nhandling = handling_base;
    vm->sp = slot;
    if (ok) {
        *out = slot[0];
        if (g->hdr.aux == GEN_SUSPENDED)
            return 1;
    }
    /* returned or raised: finished for good */
    g->hdr.aux = GEN_DONE;
    g->saved = NULL;
    if (ok)
        return 0;
    if (vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_StopIteration])) {
        Value stop = vm->exc; /* PEP 479: raise RuntimeError(...) from the StopIteration */
        VM_ROOT(vm, stop);
        vm_raise(vm, EXC_RuntimeError, "generator raised StopIteration");
        if (vm->exc.type == T_EXCEPTION && vm->exc.u.obj != stop.u.obj) { /* (not when out of memory) */
            AS(Exception, vm->exc)->cause = AS(Exception, vm->exc)->context = stop;
            AS(Exception, vm->exc)->suppress_context = true;
        }
        VM_UNROOT(vm, 1);
    }
    return -1;
}

bool vm_run_program(VM *vm)
{
    Program *p = vm->program;
    Code *c = AS(Code, p->codes[0]);
    Value *slot = vm->stack;
    if (slot + 1 + c->nlocals + c->maxstack + FRAME_SLACK > vm->stack_end)
        return stack_overflow(vm);
    slot[0] = v_none();
    for (uint32_t i = 0; i < c->nlocals; i++)
        slot[1 + i] = v_unbound();
    vm->sp = slot + 1 + c->nlocals;
    Frame *f = &vm->frames[vm->nframes++];
    f->code = c;
    f->func = NULL;
    f->pc = 0;
    f->base = slot + 1;
    f->ret = slot;
    bool ok = run(vm, vm->nframes - 1, NULL);
    vm_flush(vm);
    return ok;
}
