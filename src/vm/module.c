/*
 * module.c - `import name` of modules from files.
 *
 * A module is NAME.py (compiled at import, when the build has the compiler)
 * or NAME.p4b, looked for in the main program's directory, then each
 * directory of the search path (-X path=, or P4JIT_PATH on the host). The first
 * import loads it into a Program of its own (its own globals), registers it
 * (so a circular import sees the module being initialised, as in CPython)
 * and runs its body once; later imports return the same object.
 *
 * Built-in modules (math, array, p4 and the native modules of src/nn) come
 * first and cannot be shadowed by a file. The Python modules of lib/std and
 * the inference library lib/p4nn (frozen into vm/frozen_lib.c: no file
 * system, no semihosting) come last: a file of the name shadows
 * them, as a program's own module shadows CPython's standard library.
 * Where the build compiled them to .p4b images (P4_FROZEN_P4B, vm/frozen.h)
 * import reads those in place and keeps the source text (also const) only
 * for traceback lines: no compiling at import, and no copy of either.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit.h"
#include "nn/p4nn.h"
#include "port/port.h"
#include "vm/frozen.h"
#include "vm/p4b.h"
#include "vm/vm.h"

#define PATH_MAX_LEN 1024
/* hdr.flags: the module's body raised; the next import tries again (as
 * CPython drops it from sys.modules). It stays listed so that
 * module_release_all frees its program. */
#define MODULE_FAILED 0x02

static char search_path[PATH_MAX_LEN];
static ModuleCompileFn compile_hook;

void module_set_path(const char *path)
{
    snprintf(search_path, sizeof search_path, "%s", path ? path : "");
}

void module_set_compiler(ModuleCompileFn fn) { compile_hook = fn; }
ModuleCompileFn module_compiler(void) { return compile_hook; }
const char *module_compile_error_kind;

/* Frees what an imported program owns outside the heap. */
static void release_program(Program *p)
{
    if (p->p4b) {
        p4b_free(p->p4b);
        free(p->p4b);
        p->p4b = NULL;
    }
    if (!(p->hdr.flags & PROGRAM_CONST_SOURCE))
        free((void *)p->source);
    p->source = NULL;
}

static const Module *native_module(const char *name, uint32_t len)
{
    const Module *m = module_find(name, len);
    if (m)
        return m;
    if (len == strlen(module_p4nn_model.name) && memcmp(name, module_p4nn_model.name, len) == 0)
        return &module_p4nn_model;
    return NULL;
}

static PyModule *already_imported(VM *vm, const Str *name)
{
    if (!vm->modules)
        return NULL;
    for (uint32_t i = 0; i < vm->modules->len; i++) {
        PyModule *m = AS(PyModule, vm->modules->items[i]);
        if (!(m->base.hdr.flags & MODULE_FAILED) && strlen(m->name) == name->len && memcmp(m->name, name->data, name->len) == 0)
            return m;
    }
    return NULL;
}

/* Tries DIR/NAME.py and DIR/NAME.p4b; on success the file's bytes (malloc'd)
 * and its path. dir "" is the current directory. */
static bool try_dir(const char *dir, size_t dirlen, const Str *name, char *path, size_t pathlen,
                    char **data, size_t *len)
{
    static const char *const suffixes[] = {".py", ".p4b"};
    for (int k = 0; k < 2; k++) {
        int n = dirlen ? snprintf(path, pathlen, "%.*s/%s%s", (int)dirlen, dir, name->data, suffixes[k])
                       : snprintf(path, pathlen, "%s%s", name->data, suffixes[k]);
        if (n < 0 || (size_t)n >= pathlen)
            continue;
        char err[64];
        if (port_read_file(path, data, len, err, sizeof err) == 0)
            return true;
    }
    return false;
}

/* The module's .p4b image, if the build froze one. */
static const uint8_t *frozen_image(const Str *name, size_t *len)
{
#if P4_FROZEN_P4B
    for (const FrozenImage *f = module_frozen_images; f->name; f++)
        if (strlen(f->name) == name->len && memcmp(f->name, name->data, name->len) == 0) {
            *len = f->len;
            return f->image;
        }
#else
    (void)name, (void)len; /* this build has the source text only */
#endif
    return NULL;
}

/* Finds NAME's bytes: a file's (malloc'd), or a frozen image (const:
 * *frozen is set and the caller must not free it). */
static bool find_module(VM *vm, const Str *name, char *path, size_t pathlen, char **data, size_t *len,
                        bool *frozen_p4b)
{
    *frozen_p4b = false;
    /* the main program's directory */
    const Str *main = vm->program->filename;
    size_t dirlen = main->len;
    while (dirlen > 0 && main->data[dirlen - 1] != '/')
        dirlen--;
    if (try_dir(main->data, dirlen ? dirlen - 1 : 0, name, path, pathlen, data, len))
        return true;
    for (const char *p = search_path; *p;) {
        const char *end = strchr(p, ':');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > 0 && try_dir(p, n, name, path, pathlen, data, len))
            return true;
        p += n + (end != NULL);
    }
    /* last, the modules frozen into the runtime (lib/std: unittest, ...;
     * lib/p4nn: p4nn, recalibrate) */
    snprintf(path, pathlen, "<frozen %s>", name->data);
    const uint8_t *image = frozen_image(name, len);
    if (image) {
        *data = (char *)image;
        *frozen_p4b = true;
        return true;
    }
    const char *frozen = module_frozen_source(name->data, name->len, len);
    if (!frozen || !(*data = malloc(*len + 1)))
        return false;
    memcpy(*data, frozen, *len + 1);
    return true;
}

/* sys.path: the directories find_module tries, in its order ("" is the
 * current directory). */
bool module_search_dirs(VM *vm, List *out)
{
    const Str *main = vm->program ? vm->program->filename : NULL;
    size_t dirlen = main ? main->len : 0;
    while (dirlen > 0 && main->data[dirlen - 1] != '/')
        dirlen--;
    /* the program's directory; "." for one run from the current directory,
     * so that sys.path[0] + "/f" names a file as CPython's (absolute) does */
    Str *s = main && !dirlen ? str_new(vm, ".", 1) : str_new(vm, main ? main->data : "", dirlen ? (uint32_t)dirlen - 1 : 0);
    if (!s || !list_append(vm, out, v_obj(s)))
        return false;
    for (const char *p = search_path; *p;) {
        const char *end = strchr(p, ':');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > 0 && (!(s = str_new(vm, p, (uint32_t)n)) || !list_append(vm, out, v_obj(s))))
            return false;
        p += n + (end != NULL);
    }
    return true;
}

/* The module's bytecode: data is .p4b bytes, or source compiled here. On
 * success *source is data when it is source text (kept for tracebacks).
 * Frees data unless it is a frozen image. */
static bool read_module(VM *vm, const char *path, char *data, size_t len, bool frozen_p4b, P4bModule *m,
                        char **source)
{
    char err[200];
    *source = NULL;
    size_t pl = strlen(path);
    bool is_p4b = (len >= 4 && memcmp(data, P4B_MAGIC, 4) == 0) || (pl > 4 && strcmp(path + pl - 4, ".p4b") == 0);
    if (is_p4b) {
        int rc = frozen_p4b ? p4b_read_frozen((const uint8_t *)data, len, m, err, sizeof err) /* validated by the build */
                            : p4b_read((const uint8_t *)data, len, m, err, sizeof err);
        if (!frozen_p4b)
            free(data);
        if (rc != 0)
            return vm_raise(vm, EXC_ImportError, "%s: invalid .p4b file: %s", path, err);
        return true;
    }
    if (!compile_hook) {
        free(data);
        return vm_raise(vm, EXC_ImportError, "%s: this build has no source compiler; import a .p4b file", path);
    }
    uint8_t *image;
    size_t image_len;
    int line = 0, col = 0;
    if (compile_hook(data, len, path, 0, &image, &image_len, err, sizeof err, &line, &col) != 0) {
        free(data);
        /* CPython's str(SyntaxError), with the column added */
        if (col > 0)
            return vm_raise(vm, EXC_SyntaxError, "%s (%s, line %d, column %d)", err, path, line, col);
        return vm_raise(vm, EXC_SyntaxError, "%s (%s, line %d)", err, path, line);
    }
    int rc = p4b_read(image, image_len, m, err, sizeof err);
    free(image);
    if (rc != 0) {
        free(data);
        return vm_raise(vm, EXC_ImportError, "%s: the compiler produced an invalid module: %s", path, err);
    }
    *source = data;
    return true;
}

/* The compiler starts a body that mentions __name__ with
 * `__name__ = "__main__"` (LOAD_CONST, STORE_GLOBAL). An imported module's
 * __name__ is its own name: set it, and make those two instructions NOPs. */
static bool set_module_name(VM *vm, PyModule *mod)
{
    Program *p = mod->program;
    Code *body = AS(Code, p->codes[0]);
    uint32_t *insns = p->p4b->codes[0].insns;
    int32_t slot = -1;
    for (uint32_t g = 0; g < p->nglobals; g++) {
        const P4bString *s = &p->p4b->strings[p->p4b->globals[g]];
        if (s->len == 8 && memcmp(s->bytes, "__name__", 8) == 0)
            slot = (int32_t)g;
    }
    if (slot < 0)
        return true;
    Str *name = str_from_cstr(vm, mod->name);
    if (!name)
        return false;
    p->globals[slot] = v_obj(name);
    if (body->ninsns >= 2 && BC_OP(insns[0]) == OP_LOAD_CONST && BC_OP(insns[1]) == OP_STORE_GLOBAL &&
        BC_ARG(insns[1]) == (uint32_t)slot && BC_ARG(insns[0]) < body->consts->len) {
        Value k = body->consts->items[BC_ARG(insns[0])];
        if (k.type == T_STR && AS(Str, k)->len == 8 && memcmp(AS(Str, k)->data, "__main__", 8) == 0)
            insns[0] = insns[1] = BC_MAKE(OP_NOP, 0);
    }
    return true;
}

/* The main program as a module object (`import __main__`): made at the
 * first import and kept in vm->libstate; never listed in vm->modules, since
 * the main program is released by vm_release_program. */
static bool make_main_module(VM *vm, Value *out)
{
    PyModule *mod = gc_alloc(vm, T_MODULE, sizeof(PyModule) + sizeof "__main__");
    if (!mod)
        return false;
    mod->base.hdr.flags = MODULE_PY;
    memcpy(mod->name, "__main__", sizeof "__main__");
    mod->base.name = mod->name;
    mod->program = vm->program;
    *out = v_obj(mod);
    return true;
}

static bool main_module(VM *vm, Value *out)
{
    if (!libstate_get(vm, "__main__", make_main_module, out))
        return false;
    if (AS(PyModule, *out)->program == vm->program)
        return true;
    /* a later program run in the same VM: its own module */
    Str *key = str_from_cstr(vm, "__main__");
    if (!key)
        return false;
    VM_ROOT(vm, v_obj(key));
    bool ok = make_main_module(vm, out);
    if (ok) {
        VM_ROOT(vm, *out);
        ok = dict_set(vm, vm->libstate, v_obj(key), *out);
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    return ok;
}

bool module_import(VM *vm, Str *name, Value *out)
{
    if (vm->program && name->len == 8 && memcmp(name->data, "__main__", 8) == 0)
        return main_module(vm, out);
    const Module *builtin = native_module(name->data, name->len);
    if (builtin) {
        *out = v_obj((void *)builtin);
        return true;
    }
    PyModule *done = already_imported(vm, name);
    if (done) {
        *out = v_obj(done);
        return true;
    }
    char path[PATH_MAX_LEN + 64];
    char *data, *source;
    size_t len, source_len;
    bool frozen_p4b;
    if (!vm->program || !find_module(vm, name, path, sizeof path, &data, &len, &frozen_p4b))
        return vm_raise(vm, EXC_ModuleNotFoundError, "No module named '%s'", name->data);
    P4bModule *m = calloc(1, sizeof *m);
    if (!m) {
        if (!frozen_p4b)
            free(data);
        return vm_raise_oom(vm);
    }
    if (!read_module(vm, path, data, len, frozen_p4b, m, &source)) {
        free(m);
        return false;
    }
    source_len = source ? len : 0;
    if (frozen_p4b) /* traceback lines from the frozen source, read in place */
        source = (char *)module_frozen_source(name->data, name->len, &source_len);
    Program *prog = program_load(vm, m, source, source_len);
    if (!prog) {
        if (!frozen_p4b)
            free(source);
        return false;
    }
    if (frozen_p4b)
        prog->hdr.flags |= PROGRAM_CONST_SOURCE;
    /* From here the program owns its source: module_release_all frees it. */
    VM_ROOT(vm, v_obj(prog));
    PyModule *mod = NULL;
    if ((vm->modules || (vm->modules = list_new(vm, 4)) != NULL))
        mod = gc_alloc(vm, T_MODULE, sizeof(PyModule) + name->len + 1);
    if (!mod) {
        VM_UNROOT(vm, 1);
        release_program(prog);
        return false;
    }
    mod->base.hdr.flags = MODULE_PY;
    memcpy(mod->name, name->data, name->len + 1);
    mod->base.name = mod->name;
    mod->program = prog;
    VM_UNROOT(vm, 1);
    VM_ROOT(vm, v_obj(mod));
    Function *body = NULL;
    bool listed = list_append(vm, vm->modules, v_obj(mod));
    bool ok = listed && set_module_name(vm, mod) &&
              (body = gc_alloc(vm, T_FUNCTION, sizeof(Function))) != NULL;
    if (ok) {
        body->code = AS(Code, prog->codes[0]);
        Value none = v_none(), ignored;
        ok = vm_call(vm, v_obj(body), &none, 0, NULL, &ignored);
    }
    if (!ok)
        mod->base.hdr.flags |= MODULE_FAILED;
    if (!listed) /* nothing else will free the program */
        release_program(prog);
    VM_UNROOT(vm, 1);
    if (ok)
        *out = v_obj(mod);
    return ok;
}

int32_t module_global_slot(const Program *p, const Str *name)
{
    const P4bModule *b = p->p4b;
    for (uint32_t g = 0; g < p->nglobals; g++) {
        const P4bString *s = &b->strings[b->globals[g]];
        if (s->len == name->len && memcmp(s->bytes, name->data, name->len) == 0)
            return (int32_t)g;
    }
    return -1;
}

bool module_py_attr(VM *vm, PyModule *m, const Str *name, Value *out)
{
    const Program *p = m->program;
    int32_t g = module_global_slot(p, name);
    if (g >= 0 && p->globals[g].type != T_UNBOUND) {
        *out = p->globals[g];
        return true;
    }
    if (name->len == 8 && memcmp(name->data, "__dict__", 8) == 0) /* its globals() */
        return eval_program_globals(vm, m->program, out);
    bool found = false; /* a name `from x import *` gave it beyond its slots (vm/eval.c) */
    if (p->extra_names && !dict_get(vm, p->extra_names, v_obj((Str *)name), out, &found))
        return false;
    if (found)
        return true;
    if (name->hdr.aux == Q___name__) {
        Str *s = str_from_cstr(vm, m->name);
        if (!s)
            return false;
        *out = v_obj(s);
        return true;
    }
    if (name->len == 7 && memcmp(name->data, "__doc__", 7) == 0) { /* its docstring (format 1.8), or None */
        const Code *body = AS(Code, p->codes[0]);
        *out = body->doc ? v_obj(body->doc) : v_none();
        return true;
    }
    return vm_raise(vm, EXC_AttributeError, "module '%s' has no attribute '%s'", m->name, name->data);
}

/* name = value in program p's namespace (value T_UNBOUND: del name), for
 * m.name = value and for stores into its globals() dict. A name the module
 * has a slot for changes the slot; another goes to extra_names, where
 * attribute loads (module_py_attr) and exec'd code find it. 1 stored, 0 a
 * deleted name was not there, -1 raised. */
int module_program_store(VM *vm, Program *p, const Str *name, Value value)
{
    int32_t g = module_global_slot(p, name);
    if (g >= 0 && !(value.type == T_UNBOUND && p->globals[g].type == T_UNBOUND)) {
        /* (a del of a name that is not set may be one in extra_names) */
        p->globals[g] = value;
        if (vm->jit)
            jit_global_stored(vm, p, (uint32_t)g); /* compiled code may have its old value built in */
        return 1;
    }
    bool found = false;
    Value old;
    if (value.type == T_UNBOUND) {
        if (!p->extra_names || !dict_get(vm, p->extra_names, v_obj((Str *)name), &old, &found))
            return p->extra_names ? -1 : 0;
        if (!found)
            return 0;
        return dict_delete(vm, p->extra_names, v_obj((Str *)name)) ? 1 : -1;
    }
    if (!p->extra_names) {
        VM_ROOT(vm, value);
        p->extra_names = dict_new(vm);
        VM_UNROOT(vm, 1);
        if (!p->extra_names)
            return -1;
    }
    return dict_set(vm, p->extra_names, v_obj((Str *)name), value) ? 1 : -1;
}

/* m.name = value (value T_UNBOUND: del m.name). */
bool module_py_store(VM *vm, PyModule *m, const Str *name, Value value)
{
    int r = module_program_store(vm, m->program, name, value);
    if (r == 0)
        return vm_raise(vm, EXC_AttributeError, "module '%s' has no attribute '%s'", m->name, name->data);
    return r > 0;
}

void module_release_all(VM *vm)
{
    if (!vm->modules)
        return;
    for (uint32_t i = 0; i < vm->modules->len; i++)
        release_program(AS(PyModule, vm->modules->items[i])->program);
    vm->modules = NULL;
}
