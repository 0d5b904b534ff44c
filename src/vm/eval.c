/*
 * eval.c - exec(), eval(), compile(), globals(), locals().
 *
 * The source is compiled on the device (the compiler the command line sets
 * with module_set_compiler) into a program of its own, as an imported
 * module is. The compiler gives every module-level name a global slot; here
 * the program's LOAD_GLOBAL, STORE_GLOBAL and DELETE_GLOBAL become
 * LOAD_NAME, STORE_NAME and DELETE_NAME, which look the slot's name up in
 * the namespace exec() was given (Program.ns_globals, ns_locals): a dict, or
 * a module's Program, whose own slots are used by name (and, for names the
 * module has no slot for, its extra_names dict). So code run by exec sees and
 * changes the live variables of the module that runs it, functions it
 * defines keep that namespace, and the interpreter's own global paths stay
 * as they are. Such code is never compiled by the JIT (it refuses the
 * NAME instructions), and no .p4b file holds them.
 *
 * compile() keeps the .p4b image (a bytes object in a LibObj): each exec of
 * it loads a fresh program bound to that exec's namespace.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit.h"
#include "lang/compile.h"
#include "vm/libobj.h"
#include "vm/p4b.h"
#include "vm/vm.h"

#define EXEC_FILENAME "<string>"

/* ---- namespaces ------------------------------------------------------------- */

/* The module (not an exec program) whose globals() dict d is, or NULL. */
static Program *program_of_dict(VM *vm, Value d)
{
    if (d.type != T_DICT)
        return NULL;
    if (vm->program && vm->program->globals_dict == AS(Dict, d))
        return vm->program;
    for (uint32_t i = 0; vm->modules && i < vm->modules->len; i++) {
        Program *p = AS(PyModule, vm->modules->items[i])->program;
        if (p && p->globals_dict == AS(Dict, d))
            return p;
    }
    return NULL;
}

/* name in namespace ns (a dict or a Program): 1 found, 0 not, -1 raised */
static int ns_get(VM *vm, Value ns, Str *name, Value *out)
{
    bool found = false;
    if (ns.type == T_DICT) {
        if (!dict_get(vm, AS(Dict, ns), v_obj(name), out, &found))
            return -1;
        return found;
    }
    if (ns.type != T_PROGRAM)
        return 0;
    Program *p = AS(Program, ns);
    int32_t g = module_global_slot(p, name);
    if (g >= 0 && p->globals[g].type != T_UNBOUND) {
        *out = p->globals[g];
        return 1;
    }
    if (p->extra_names && !dict_get(vm, p->extra_names, v_obj(name), out, &found))
        return -1;
    return found;
}

static bool ns_set(VM *vm, Value ns, Str *name, Value v)
{
    if (ns.type == T_DICT)
        return dict_set(vm, AS(Dict, ns), v_obj(name), v);
    Program *p = AS(Program, ns);
    int32_t g = module_global_slot(p, name);
    if (g >= 0) {
        p->globals[g] = v;
        if (vm->jit)
            jit_global_stored(vm, p, (uint32_t)g); /* compiled code may have its old value built in */
        return true;
    }
    if (!p->extra_names) {
        VM_ROOT(vm, v);
        p->extra_names = dict_new(vm);
        VM_UNROOT(vm, 1);
        if (!p->extra_names)
            return false;
    }
    return dict_set(vm, p->extra_names, v_obj(name), v);
}

/* 1 deleted, 0 not there, -1 raised */
static int ns_delete(VM *vm, Value ns, Str *name)
{
    Value old;
    int r = ns_get(vm, ns, name, &old);
    if (r <= 0)
        return r;
    if (ns.type == T_DICT)
        return dict_delete(vm, AS(Dict, ns), v_obj(name)) ? 1 : -1;
    Program *p = AS(Program, ns);
    int32_t g = module_global_slot(p, name);
    if (g >= 0 && p->globals[g].type != T_UNBOUND) {
        p->globals[g] = v_unbound();
        if (vm->jit)
            jit_global_stored(vm, p, (uint32_t)g);
        return 1;
    }
    return dict_delete(vm, p->extra_names, v_obj(name)) ? 1 : -1;
}

static Str *name_of_slot(Program *p, uint32_t arg) { return AS(Str, p->strings[p->p4b->globals[arg]]); }

/* The module namespace of p's code: exec's, else (a hand-made .p4b with
 * NAME instructions) p's own slots. */
static Value globals_of(Program *p) { return p->ns_globals.type != T_UNBOUND ? p->ns_globals : v_obj(p); }

bool eval_load_name(VM *vm, Program *p, bool in_body, uint32_t arg, Value *out)
{
    Str *name = name_of_slot(p, arg);
    int r = 0;
    if (in_body && p->ns_locals.type != T_UNBOUND)
        r = ns_get(vm, p->ns_locals, name, out);
    if (r == 0)
        r = ns_get(vm, globals_of(p), name, out);
    if (r < 0)
        return false;
    if (r > 0)
        return true;
    if (p->builtin_of_global[arg].type != T_UNBOUND) {
        *out = p->builtin_of_global[arg];
        return true;
    }
    if (name->len == 8 && memcmp(name->data, "__name__", 8) == 0) {
        /* a module's namespace names it; a dict without the key falls back
         * to the builtins module's name, as in CPython */
        const char *mod = "builtins";
        if (p->ns_globals.type == T_PROGRAM) {
            mod = "__main__";
            for (uint32_t i = 0; vm->modules && i < vm->modules->len; i++)
                if (AS(PyModule, vm->modules->items[i])->program == AS(Program, p->ns_globals))
                    mod = AS(PyModule, vm->modules->items[i])->name;
        }
        Str *s = str_from_cstr(vm, mod);
        if (!s)
            return false;
        *out = v_obj(s);
        return true;
    }
    return vm_raise(vm, EXC_NameError, "name '%s' is not defined", name->data);
}

int eval_class_body_global(VM *vm, const Code *code, Str *name, Value *out)
{
    bool class_body = false; /* only class bodies have RETURN_LOCALS (compile.c) */
    for (uint32_t pc = 0; pc < code->ninsns && !class_body; pc++)
        class_body = BC_OP(code->insns[pc]) == OP_RETURN_LOCALS;
    if (!class_body)
        return 0;
    int r = ns_get(vm, globals_of(code->program), name, out);
    if (r != 0)
        return r;
    for (uint32_t i = 0; i < builtin_count; i++) {
        if (strlen(builtin_table[i].name) == name->len && memcmp(builtin_table[i].name, name->data, name->len) == 0) {
            *out = v_obj((void *)builtin_table[i].obj);
            return 1;
        }
    }
    vm_raise(vm, EXC_NameError, "name '%s' is not defined", name->data);
    return -1;
}

bool eval_store_name(VM *vm, Program *p, bool in_body, uint32_t arg, Value v)
{
    Str *name = name_of_slot(p, arg);
    if (in_body && p->ns_locals.type != T_UNBOUND)
        return ns_set(vm, p->ns_locals, name, v);
    return ns_set(vm, globals_of(p), name, v);
}

bool eval_delete_name(VM *vm, Program *p, bool in_body, uint32_t arg)
{
    Str *name = name_of_slot(p, arg);
    int r = ns_delete(vm, in_body && p->ns_locals.type != T_UNBOUND ? p->ns_locals : globals_of(p), name);
    if (r == 0)
        return vm_raise(vm, EXC_NameError, "name '%s' is not defined", name->data);
    return r > 0;
}

void eval_program_release(Program *p)
{
    if (p->p4b) {
        p4b_free(p->p4b);
        free(p->p4b);
        p->p4b = NULL;
    }
}

/* ---- the caller's namespace ----------------------------------------------------- */

/* The innermost Python frame (a native has none of its own). */
static Frame *caller_frame(VM *vm) { return vm->nframes ? &vm->frames[vm->nframes - 1] : NULL; }

static bool frame_is_body(const Frame *f) { return f->code == AS(Code, f->code->program->codes[0]); }

/* A dict of a function frame's bound locals (cells read through). */
static bool frame_locals(VM *vm, Frame *f, Value *out)
{
    Dict *d = dict_new(vm);
    if (!d)
        return false;
    *out = v_obj(d);
    VM_ROOT(vm, *out);
    const P4bCode *src = f->code->src;
    const Program *prog = f->code->program;
    bool ok = true;
    for (uint32_t i = 0; i < f->code->nlocals && ok; i++) {
        Str *name = AS(Str, prog->strings[src->localnames[i]]);
        Value v = f->base[i];
        if (v.type == T_CELL)
            v = AS(Cell, v)->value;
        if (v.type == T_UNBOUND || name->data[0] == '$')
            continue; /* unset, or the compiler's hidden locals */
        ok = dict_set(vm, d, v_obj(name), v);
    }
    VM_UNROOT(vm, 1);
    return ok;
}

/* The module-level namespace of the code running in frame f: the one exec
 * gave it, or its own program. */
static Value frame_globals(Frame *f)
{
    Program *p = f->code->program;
    return p->ns_globals.type != T_UNBOUND ? p->ns_globals : v_obj(p);
}

/* __name__ in the globals() dict of a module whose code never names it (so
 * it has no slot): the name it was imported as, "__main__" for the main
 * program; nothing for exec's programs. */
static bool add_module_name(VM *vm, Program *p, Dict *d)
{
    const char *name = p == vm->program ? "__main__" : NULL;
    for (uint32_t i = 0; !name && vm->modules && i < vm->modules->len; i++)
        if (AS(PyModule, vm->modules->items[i])->program == p)
            name = AS(PyModule, vm->modules->items[i])->name;
    if (!name)
        return true;
    Str *key = str_from_cstr(vm, "__name__");
    if (!key)
        return false;
    VM_ROOT(vm, v_obj(key));
    Value old;
    bool found = false, ok = dict_get(vm, d, v_obj(key), &old, &found);
    Str *value = ok && !found ? str_from_cstr(vm, name) : NULL;
    ok = ok && (found || (value && dict_set(vm, d, v_obj(key), v_obj(value))));
    VM_UNROOT(vm, 1);
    return ok;
}

/* A module's globals() dict, refreshed from its slots at each call (the
 * same dict each time, so exec() recognises it). It carries DICT_MODULE_NS:
 * d[k] = v and del d[k] on it reach the module too (eval_module_dict_store). */
bool eval_program_globals(VM *vm, Program *p, Value *out)
{
    if (!p->globals_dict && !(p->globals_dict = dict_new(vm)))
        return false;
    Dict *d = p->globals_dict;
    d->hdr.flags |= DICT_MODULE_NS;
    d->len = d->used = d->cap = d->mask = 0; /* emptied as dict.clear() does */
    d->entries = NULL;
    d->index = NULL;
    for (uint32_t g = 0; g < p->nglobals; g++)
        if (p->globals[g].type != T_UNBOUND && !dict_set(vm, d, p->strings[p->p4b->globals[g]], p->globals[g]))
            return false;
    Dict *x = p->extra_names;
    for (uint32_t i = 0; x && i < x->used; i++)
        if (x->entries[i].key.type != T_UNBOUND && !dict_set(vm, d, x->entries[i].key, x->entries[i].value))
            return false;
    *out = v_obj(d);
    return add_module_name(vm, p, d);
}

bool eval_module_dict_store(VM *vm, Dict *d, Value key, Value value)
{
    if (value.type == T_UNBOUND ? !dict_delete(vm, d, key) : !dict_set(vm, d, key, value))
        return false;
    Program *p = program_of_dict(vm, v_obj(d));
    if (!p || key.type != T_STR)
        return true; /* a name that is not an identifier lives in the dict only, as in CPython */
    return module_program_store(vm, p, AS(Str, key), value) >= 0;
}

static bool same_value(Value a, Value b)
{
    return a.type == b.type && (v_is_obj(a) ? a.u.obj == b.u.obj : a.u.i == b.u.i);
}

/* Before a dict method (update, pop, setdefault, popitem, |=) changes a
 * module's globals() dict d: the module's names as they are now into it.
 * The dict holds them as of the last globals() call; the sync after the
 * method would take a name stored since (x = 2, or a function's global
 * store) for one the method changed and put the old value back, and would
 * unbind a name bound since (g = globals() itself). Keys that are not the
 * module's (d[1] = 2) stay. */
bool eval_module_dict_refresh(VM *vm, Dict *d)
{
    Program *p = program_of_dict(vm, v_obj(d));
    if (!p)
        return true;
    Value old;
    bool found;
    for (uint32_t g = 0; g < p->nglobals; g++) {
        Value name = p->strings[p->p4b->globals[g]];
        if (p->globals[g].type != T_UNBOUND) {
            if (!dict_set(vm, d, name, p->globals[g]))
                return false;
        } else if (!dict_get(vm, d, name, &old, &found) || (found && !dict_delete(vm, d, name))) {
            return false;
        }
    }
    Dict *x = p->extra_names;
    for (uint32_t i = 0; x && i < x->used; i++)
        if (x->entries[i].key.type != T_UNBOUND && !dict_set(vm, d, x->entries[i].key, x->entries[i].value))
            return false;
    return true;
}

/* A dict method (update, pop, setdefault, popitem, clear, |=) changed a
 * module's globals() dict d: the module's names become the dict's. Only the
 * names that changed are stored, so compiled code that built in a global's
 * value keeps it unless that global changed. */
bool eval_module_dict_sync(VM *vm, Dict *d)
{
    Program *p = program_of_dict(vm, v_obj(d));
    if (!p)
        return true;
    Value v;
    bool found;
    for (uint32_t g = 0; g < p->nglobals; g++) { /* names gone from the dict leave the module */
        if (p->globals[g].type == T_UNBOUND)
            continue;
        if (!dict_get(vm, d, p->strings[p->p4b->globals[g]], &v, &found))
            return false;
        if (!found) {
            p->globals[g] = v_unbound();
            if (vm->jit)
                jit_global_stored(vm, p, g);
        }
    }
    Dict *x = p->extra_names;
    for (uint32_t i = 0; x && i < x->used; i++) {
        Value k = x->entries[i].key;
        if (k.type == T_UNBOUND)
            continue;
        if (!dict_get(vm, d, k, &v, &found) || (!found && !dict_delete(vm, x, k)))
            return false;
    }
    for (uint32_t i = 0; i < d->used; i++) { /* a name that is not an identifier lives in the dict only */
        Value k = d->entries[i].key, old;
        if (k.type != T_STR)
            continue;
        int r = ns_get(vm, v_obj(p), AS(Str, k), &old);
        if (r < 0)
            return false;
        if ((r == 0 || !same_value(old, d->entries[i].value)) &&
            module_program_store(vm, p, AS(Str, k), d->entries[i].value) < 0)
            return false;
    }
    return true;
}

/* globals() of the code running in f */
static bool globals_dict(VM *vm, Frame *f, Value *out)
{
    Value ns = frame_globals(f);
    if (ns.type == T_DICT) {
        *out = ns;
        return true;
    }
    return eval_program_globals(vm, AS(Program, ns), out);
}

bool eval_function_globals(VM *vm, Function *fn, Value *out)
{
    Frame f = {0};
    f.code = AS(Code, fn->code->program->codes[0]);
    return globals_dict(vm, &f, out);
}

static bool globals_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Frame *f = caller_frame(vm);
    if (!f)
        return vm_raise(vm, EXC_RuntimeError, "globals(): no frame");
    return globals_dict(vm, f, out);
}
NATIVE(bi_globals, "globals", globals_fn, 0, 0);

static bool locals_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Frame *f = caller_frame(vm);
    if (!f)
        return vm_raise(vm, EXC_RuntimeError, "locals(): no frame");
    if (!frame_is_body(f))
        return frame_locals(vm, f, out);
    Program *p = f->code->program;
    if (p->ns_locals.type == T_DICT) {
        *out = p->ns_locals;
        return true;
    }
    if (p->ns_locals.type == T_PROGRAM) {
        Frame body = *f;
        body.code = AS(Code, AS(Program, p->ns_locals)->codes[0]);
        return globals_dict(vm, &body, out);
    }
    return globals_dict(vm, f, out);
}
NATIVE(bi_locals, "locals", locals_fn, 0, 0);

/* ---- compiling ------------------------------------------------------------------- */

static const char *const mode_names[] = {"exec", "eval", "single"};
static const int mode_values[] = {P4_MODE_EXEC, P4_MODE_EVAL, P4_MODE_SINGLE};

/* A SyntaxError as CPython's compile() raises it: str() is
 * "msg (file, line N)", and msg, filename, lineno, offset, text are attributes. */
static bool raise_syntax_error(VM *vm, const char *src, size_t len, const char *filename, int mode,
                               const char *msg, int line, int col)
{
    const char *kind = module_compile_error_kind ? module_compile_error_kind : "SyntaxError";
    if (strcmp(kind, "MemoryError") == 0)
        return vm_raise_oom(vm);
    vm_raise(vm, strcmp(kind, "TabError") == 0 ? EXC_TabError
                 : strcmp(kind, "IndentationError") == 0 ? EXC_IndentationError
                                                          : EXC_SyntaxError,
             "%s (%s, line %d)", msg, filename, line);
    if (vm->exc.type != T_EXCEPTION)
        return false;
    Value exc = vm->exc;
    VM_ROOT(vm, exc);
    Exception *e = AS(Exception, exc);
    Dict *d = e->dict ? e->dict : dict_new(vm);
    bool ok = d != NULL;
    if (ok)
        e->dict = d;
    /* the line's text, as CPython gives it (with its newline) */
    const char *s = src, *end = src + len;
    for (int l = 1; l < line && s < end; s++)
        if (*s == '\n' || (*s == '\r' && (s + 1 >= end || s[1] != '\n')))
            l++;
    const char *e_end = s;
    while (e_end < end && *e_end != '\n' && *e_end != '\r')
        e_end++;
    struct {
        const char *key;
        Value v;
    } attrs[5] = {{"msg", v_none()}, {"filename", v_none()}, {"lineno", v_int(line)},
                  {"offset", v_int(col > 0 ? col : 1)}, {"text", v_none()}};
    for (int i = 0; i < 5 && ok; i++) {
        Str *v = NULL;
        if (i == 0)
            ok = (v = str_from_cstr(vm, msg)) != NULL;
        else if (i == 1)
            ok = (v = str_from_cstr(vm, filename)) != NULL;
        else if (i == 4 && line > 0) {
            /* with its line end: exec's text always has one, eval's as written */
            char text[256];
            size_t n = (size_t)(e_end - s) < sizeof text - 1 ? (size_t)(e_end - s) : sizeof text - 2;
            memcpy(text, s, n);
            if (mode != P4_MODE_EVAL || e_end < end)
                text[n++] = '\n';
            ok = (v = str_new(vm, text, (uint32_t)n)) != NULL;
        }
        if (v)
            attrs[i].v = v_obj(v);
        if (!ok)
            break;
        VM_ROOT(vm, attrs[i].v);
        Str *k = str_from_cstr(vm, attrs[i].key);
        ok = k && dict_set(vm, d, v_obj(k), attrs[i].v);
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    if (ok)
        vm->exc = exc;
    return false;
}

/* The source text of exec/eval/compile's first argument. */
static bool source_text(VM *vm, Value src, const char *fn, const char **data, size_t *len)
{
    if (src.type == T_STR || src.type == T_BYTES) {
        *data = AS(Str, src)->data;
        *len = AS(Str, src)->len;
    } else if (src.type == T_BYTEARRAY || src.type == T_MEMVIEW) { /* any byte buffer but an array */
        const uint8_t *bytes;
        uint32_t n;
        if (!byte_buffer(src, &bytes, &n))
            return vm_raise(vm, EXC_ValueError, "operation on a released memoryview");
        *data = (const char *)bytes;
        *len = n;
    } else {
        return vm_raise(vm, EXC_TypeError, "%s() arg 1 must be a string, bytes or code object", fn);
    }
    if (memchr(*data ? *data : "", 0, *len))
        return vm_raise(vm, EXC_SyntaxError, "source code string cannot contain null bytes");
    return true;
}

/* Compiles text in mode to a .p4b image (a bytes object). */
static bool compile_image(VM *vm, const char *data, size_t len, const char *filename, int mode, Value *out)
{
    ModuleCompileFn compiler = module_compiler();
    if (!compiler)
        return vm_raise(vm, EXC_RuntimeError, "this build has no source compiler: exec, eval and compile need it");
    if (mode == P4_MODE_EVAL) /* eval() ignores leading spaces and tabs */
        while (len > 0 && (*data == ' ' || *data == '\t'))
            data++, len--;
    /* the compiler may keep pointers into the text: a copy of our own, as
     * the heap may move nothing but could collect the source's owner */
    char *copy = malloc(len + 1);
    if (!copy)
        return vm_raise_oom(vm);
    memcpy(copy, data, len);
    copy[len] = '\0';
    uint8_t *image;
    size_t image_len;
    char msg[200];
    int line = 0, col = 0;
    if (compiler(copy, len, filename, mode, &image, &image_len, msg, sizeof msg, &line, &col) != 0) {
        raise_syntax_error(vm, copy, len, filename, mode, msg, line, col);
        free(copy);
        return false;
    }
    free(copy);
    Str *b = image_len <= 0xffffffffu ? bytes_new(vm, image, (uint32_t)image_len) : NULL;
    free(image);
    if (!b)
        return false;
    *out = v_obj(b);
    return true;
}

/* A program loaded from image, its names bound to the namespaces. */
static bool load_image(VM *vm, const Str *image, Value globals, Value locals, Program **out)
{
    P4bModule *m = calloc(1, sizeof *m);
    if (!m)
        return vm_raise_oom(vm);
    char err[200];
    if (p4b_read((const uint8_t *)image->data, image->len, m, err, sizeof err) != 0) {
        free(m);
        return vm_raise(vm, EXC_RuntimeError, "exec(): the compiler produced an invalid module: %s", err);
    }
    for (uint32_t i = 0; i < m->ncodes; i++)
        for (uint32_t k = 0; k < m->codes[i].ninsns; k++) {
            uint32_t w = m->codes[i].insns[k];
            unsigned op = BC_OP(w);
            if (op == OP_LOAD_GLOBAL)
                op = OP_LOAD_NAME;
            else if (op == OP_STORE_GLOBAL)
                op = OP_STORE_NAME;
            else if (op == OP_DELETE_GLOBAL)
                op = OP_DELETE_NAME;
            else
                continue;
            m->codes[i].insns[k] = BC_MAKE(op, BC_ARG(w));
        }
    Program *p = program_load(vm, m, NULL, 0);
    if (!p)
        return false;
    p->hdr.flags |= PROGRAM_EXEC;
    p->ns_globals = globals;
    p->ns_locals = locals;
    *out = p;
    return true;
}

/* ---- the built-ins ------------------------------------------------------------- */

static int parse_mode(VM *vm, Value m)
{
    if (m.type != T_STR) {
        vm_raise(vm, EXC_TypeError, "compile() argument 'mode' must be str, not %s", type_name(m));
        return -1;
    }
    for (int i = 0; i < 3; i++)
        if (strcmp(AS(Str, m)->data, mode_names[i]) == 0)
            return mode_values[i];
    vm_raise(vm, EXC_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    return -1;
}

static bool compile_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize", NULL};
    Value *found[6];
    int npos;
    if (!lib_kwargs(vm, args, nargs, kw, "compile", names, found, &npos))
        return false;
    Value a[3];
    for (int i = 0; i < 3; i++) {
        a[i] = npos > i ? args[i] : found[i] ? *found[i] : v_unbound();
        if (a[i].type == T_UNBOUND)
            return vm_raise(vm, EXC_TypeError, "compile() missing required argument '%s' (pos %d)", names[i], i + 1);
    }
    if (a[1].type != T_STR)
        return vm_raise(vm, EXC_TypeError, "compile() argument 'filename' must be str, not %s", type_name(a[1]));
    if (a[0].type == T_LIBOBJ && AS(LibObj, a[0])->hdr.aux == LIB_CODE) {
        *out = a[0];
        return true;
    }
    int mode = parse_mode(vm, a[2]);
    const char *data;
    size_t len;
    if (mode < 0 || !source_text(vm, a[0], "compile", &data, &len))
        return false;
    LibObj *code = libobj_new(vm, LIB_CODE, 2);
    if (!code)
        return false;
    VM_ROOT(vm, v_obj(code));
    code->slots[1] = v_int(mode);
    bool ok = compile_image(vm, data, len, AS(Str, a[1])->data, mode, &code->slots[0]);
    VM_UNROOT(vm, 1);
    if (ok)
        *out = v_obj(code);
    return ok;
}
NATIVE_WITH_KW(bi_compile, "compile", compile_fn, 1, 6);

/* exec and eval: run source or a compiled code object with the namespaces
 * args[1] (globals) and args[2] (locals). */
static bool run_source(VM *vm, Value *args, int nargs, int mode, const char *fn, Value *out)
{
    Value g = nargs > 1 ? args[1] : v_none(), l = nargs > 2 ? args[2] : v_none();
    bool eval = mode == P4_MODE_EVAL;
    if (g.type != T_NONE && g.type != T_DICT)
        return eval ? vm_raise(vm, EXC_TypeError, "globals must be a %sdict%s",
                               l.type == T_NONE ? "" : "real ", l.type == T_NONE ? "" : "; try eval(expr, {}, mapping)")
                    : vm_raise(vm, EXC_TypeError, "exec() globals must be a dict, not %s", type_name(g));
    if (l.type != T_NONE && l.type != T_DICT)
        return eval ? vm_raise(vm, EXC_TypeError, "locals must be a mapping")
                    : vm_raise(vm, EXC_TypeError, "locals must be a mapping or None, not %s", type_name(l));
    Frame *f = caller_frame(vm);
    if (!f)
        return vm_raise(vm, EXC_RuntimeError, "%s(): no frame", fn);
    /* The namespaces: a module's globals() dict means the module itself. */
    Value globals, locals = v_unbound();
    Program *gp = program_of_dict(vm, g), *lp = program_of_dict(vm, l);
    if (g.type == T_NONE) {
        globals = frame_globals(f);
        if (l.type == T_NONE) {
            if (!frame_is_body(f)) { /* a function: a snapshot of its locals, as CPython's locals() */
                if (!frame_locals(vm, f, &locals))
                    return false;
            } else {
                locals = f->code->program->ns_locals;
            }
        }
    } else {
        globals = gp ? v_obj(gp) : g;
    }
    if (l.type != T_NONE)
        locals = lp ? v_obj(lp) : l;
    if (locals.type == globals.type && locals.u.obj == globals.u.obj)
        locals = v_unbound();
    VM_ROOT(vm, globals);
    VM_ROOT(vm, locals);
    Value image = v_unbound();
    bool ok;
    if (args[0].type == T_LIBOBJ && AS(LibObj, args[0])->hdr.aux == LIB_CODE) {
        image = AS(LibObj, args[0])->slots[0];
        ok = true;
    } else {
        const char *data;
        size_t len;
        ok = source_text(vm, args[0], fn, &data, &len) && compile_image(vm, data, len, EXEC_FILENAME, mode, &image);
    }
    VM_ROOT(vm, image);
    Program *p = NULL;
    Function *body = NULL;
    if (ok)
        ok = load_image(vm, AS(Str, image), globals, locals, &p);
    if (ok) {
        VM_ROOT(vm, v_obj(p));
        ok = (body = gc_alloc(vm, T_FUNCTION, sizeof(Function))) != NULL;
        VM_UNROOT(vm, 1);
    }
    if (ok) {
        body->code = AS(Code, p->codes[0]);
        Value none = v_none();
        VM_ROOT(vm, v_obj(body));
        ok = vm_call(vm, v_obj(body), &none, 0, NULL, out);
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 3);
    return ok;
}

static bool exec_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value r;
    if (!run_source(vm, args, nargs, P4_MODE_EXEC, "exec", &r))
        return false;
    *out = v_none();
    return true;
}
NATIVE(bi_exec, "exec", exec_fn, 1, 3);

static bool eval_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    /* a code object of any mode runs; only eval's gives a value */
    return run_source(vm, args, nargs, P4_MODE_EVAL, "eval", out);
}
NATIVE(bi_eval, "eval", eval_fn, 1, 3);

/* `$display(v)`: what an expression statement of compile(..., 'single')
 * does with its value (sys.displayhook without `_`). */
static bool display_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    if (args[0].type == T_NONE)
        return true;
    Value r;
    if (!vm_call(vm, v_obj((void *)&bi_repr), args, 1, NULL, &r))
        return false;
    VM_ROOT(vm, r);
    vm_write(vm, 1, AS(Str, r)->data, AS(Str, r)->len);
    vm_write(vm, 1, "\n", 1);
    VM_UNROOT(vm, 1);
    return true;
}
NATIVE(bi_display, "$display", display_fn, 1, 1);

/* __import__(name): the module `import name` binds (no packages). */
static bool import_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type != T_STR)
        return vm_raise(vm, EXC_TypeError, "__import__() argument 1 must be str, not %s", type_name(args[0]));
    Str *name = AS(Str, args[0]);
    if (name->len == 0)
        return vm_raise(vm, EXC_ValueError, "Empty module name");
    if (memchr(name->data, '.', name->len))
        return vm_raise(vm, EXC_ModuleNotFoundError, "No module named '%s' (P4JIT has no packages)", name->data);
    return module_import(vm, name, out);
}
NATIVE_WITH_KW(bi___import__, "__import__", import_fn, 1, 5);

/* ---- from m import * ------------------------------------------------------------ */

/* Binds name (a str) to the value of module.name in p's module namespace. */
static bool star_bind(VM *vm, Program *p, Value module, Value name)
{
    Value v;
    if (name.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "Item in %s.__all__ must be str, not %s", "module", type_name(name));
    if (!vm_load_attr(vm, module, AS(Str, name), &v))
        return false;
    VM_ROOT(vm, v);
    Value ns = p->ns_globals.type == T_UNBOUND ? v_obj(p)
               : p->ns_locals.type != T_UNBOUND ? p->ns_locals
                                                : p->ns_globals;
    bool ok = ns_set(vm, ns, AS(Str, name), v);
    VM_UNROOT(vm, 1);
    return ok;
}

static bool public_name(const char *s) { return s[0] != '_'; }

bool eval_import_star(VM *vm, Program *p, Value module)
{
    if (module.type != T_MODULE)
        return vm_raise(vm, EXC_ImportError, "from-import-* of a '%s' is not supported by P4JIT", type_name(module));
    Str *all = str_from_cstr(vm, "__all__");
    if (!all)
        return false;
    VM_ROOT(vm, v_obj(all));
    bool ok = true;
    if (module.u.obj->flags & MODULE_PY) {
        Program *mp = AS(PyModule, module)->program;
        Value names;
        int r = ns_get(vm, v_obj(mp), all, &names);
        if (r > 0) { /* __all__: any iterable of names */
            Value it, name;
            VM_ROOT(vm, names);
            ok = vm_getiter(vm, names, &it);
            if (ok) {
                VM_ROOT(vm, it);
                int k;
                while ((k = vm_iternext(vm, it, &name)) > 0) {
                    VM_ROOT(vm, name);
                    ok = star_bind(vm, p, module, name);
                    VM_UNROOT(vm, 1);
                    if (!ok)
                        break;
                }
                ok = ok && k == 0;
                VM_UNROOT(vm, 1);
            }
            VM_UNROOT(vm, 1);
        } else {
            ok = r == 0;
            for (uint32_t g = 0; ok && g < mp->nglobals; g++) {
                Value name = mp->strings[mp->p4b->globals[g]];
                if (mp->globals[g].type != T_UNBOUND && public_name(AS(Str, name)->data))
                    ok = star_bind(vm, p, module, name);
            }
            Dict *x = mp->extra_names; /* (its entries may move as p's grow when p == mp) */
            for (uint32_t i = 0; ok && x && i < x->used; i++) {
                Value name = x->entries[i].key;
                if (name.type == T_STR && public_name(AS(Str, name)->data))
                    ok = star_bind(vm, p, module, name);
            }
        }
    } else {
        const Module *m = AS(Module, module);
        for (uint32_t i = 0; ok && i < m->nattrs; i++) {
            if (!public_name(m->attrs[i].name))
                continue;
            Str *name = str_from_cstr(vm, m->attrs[i].name);
            ok = name != NULL;
            if (ok) {
                VM_ROOT(vm, v_obj(name));
                name->hdr.aux = qid_lookup(name->data, name->len);
                ok = star_bind(vm, p, module, v_obj(name));
                VM_UNROOT(vm, 1);
            }
        }
    }
    VM_UNROOT(vm, 1);
    return ok;
}
