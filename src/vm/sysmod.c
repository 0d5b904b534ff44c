/*
 * sysmod.c - the `sys` module: argv, exit, stdout/stderr, and facts about
 * the implementation; SystemExit's code and the exit status it gives.
 */
#include <stdio.h>
#include <string.h>

#include "vm/vm.h"
#include "vm/libobj.h"

static int sys_argc;
static char **sys_argv;

void sys_set_argv(int argc, char **argv)
{
    sys_argc = argc;
    sys_argv = argv;
}

/* ---- SystemExit ------------------------------------------------------------- */

bool sysexit_code(VM *vm, Exception *e, Value *out)
{
    (void)vm;
    Tuple *a = e->args;
    *out = !a || a->len == 0 ? v_none() : a->len == 1 ? a->items[0] : v_obj(a);
    return true;
}

int vm_exit_status(VM *vm, Value exc)
{
    if (exc.type != T_EXCEPTION || !exc_matches(AS(Exception, exc), &exc_types[EXC_SystemExit]))
        return -1;
    Value code;
    sysexit_code(vm, AS(Exception, exc), &code);
    vm_flush(vm);
    if (code.type == T_NONE)
        return 0;
    if (v_is_intlike(code))
        return code.u.i & 0xff; /* what a POSIX exit status keeps */
    /* anything else is printed (str of it) and the status is 1, as CPython */
    VM_ROOT(vm, exc);
    Str *s = vm_str(vm, code);
    VM_UNROOT(vm, 1);
    if (s) {
        vm_write(vm, 2, s->data, s->len);
        vm_write(vm, 2, "\n", 1);
    }
    return 1;
}

/* CPython raises SystemExit with the argument as its args: none for None,
 * the items of a tuple */
static bool sys_exit_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Tuple *t = nargs && args[0].type == T_TUPLE ? AS(Tuple, args[0])
                                                : tuple_new(vm, nargs && args[0].type != T_NONE);
    if (!t)
        return false;
    if (t->len && args[0].type != T_TUPLE)
        t->items[0] = args[0];
    Exception *e = exc_new(vm, &exc_types[EXC_SystemExit], t);
    if (!e)
        return false;
    vm->exc = v_obj(e);
    return false;
}
static NATIVE(sys_exit, "exit", sys_exit_fn, 0, 1);

/* ---- sys.stdout / sys.stderr ---------------------------------------------- */

static bool stdio_write_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (AS(LibObj, args[0])->slots[0].u.i == 0)
        return vm_raise(vm, EXC_OSError, "not writable"); /* sys.stdin (CPython: io.UnsupportedOperation) */
    if (args[1].type != T_STR)
        return vm_raise(vm, EXC_TypeError, "write() argument must be str, not %s", type_name(args[1]));
    Str *s = AS(Str, args[1]);
    vm_write(vm, AS(LibObj, args[0])->slots[0].u.i, s->data, s->len);
    *out = v_int((int32_t)str_charlen(s));
    return true;
}
static NATIVE(stdio_write, "write", stdio_write_fn, 2, 2);

static bool stdio_flush_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    vm_flush(vm);
    *out = v_none();
    return true;
}
static NATIVE(stdio_flush, "flush", stdio_flush_fn, 1, 1);

static bool stdio_fileno_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = AS(LibObj, args[0])->slots[0];
    return true;
}
static NATIVE(stdio_fileno, "fileno", stdio_fileno_fn, 1, 1);

static const Native *const stdio_list[] = {&stdio_write, &stdio_flush, &stdio_fileno};
const LibMethods stdio_methods = {stdio_list, 3, NULL};

static bool make_stdio(VM *vm, int fd, Value *out)
{
    LibObj *o = libobj_new(vm, LIB_STDIO, 1);
    if (!o)
        return false;
    o->slots[0] = v_int(fd);
    *out = v_obj(o);
    return true;
}
static bool make_stdin(VM *vm, Value *out) { return make_stdio(vm, 0, out); }
static bool make_stdout(VM *vm, Value *out) { return make_stdio(vm, 1, out); }
static bool make_stderr(VM *vm, Value *out) { return make_stdio(vm, 2, out); }
static bool get_stdin(VM *vm, Value *out) { return libstate_get(vm, "sys.stdin", make_stdin, out); }
static bool get_stdout(VM *vm, Value *out) { return libstate_get(vm, "sys.stdout", make_stdout, out); }
static bool get_stderr(VM *vm, Value *out) { return libstate_get(vm, "sys.stderr", make_stderr, out); }

/* ---- data ------------------------------------------------------------------- */

static bool make_argv(VM *vm, Value *out)
{
    List *l = list_new(vm, (uint32_t)sys_argc);
    if (!l)
        return false;
    VM_ROOT(vm, v_obj(l));
    bool ok = true;
    for (int i = 0; i < sys_argc && ok; i++) {
        Str *s = str_from_cstr(vm, sys_argv[i]);
        ok = s && list_append(vm, l, v_obj(s));
    }
    if (ok && sys_argc == 0) { /* no command line (embedded): [''] as CPython's -c */
        Str *s = str_new(vm, "", 0);
        ok = s && list_append(vm, l, v_obj(s));
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(l);
    return ok;
}
static bool get_argv(VM *vm, Value *out) { return libstate_get(vm, "sys.argv", make_argv, out); }

static bool make_path(VM *vm, Value *out)
{
    List *l = list_new(vm, 4);
    if (!l)
        return false;
    VM_ROOT(vm, v_obj(l));
    bool ok = module_search_dirs(vm, l);
    VM_UNROOT(vm, 1);
    *out = v_obj(l);
    return ok;
}
static bool get_path(VM *vm, Value *out) { return libstate_get(vm, "sys.path", make_path, out); }

static bool make_modules(VM *vm, Value *out)
{
    Dict *d = dict_new(vm);
    if (!d)
        return false;
    *out = v_obj(d);
    return true;
}
static bool get_modules(VM *vm, Value *out) { return libstate_get(vm, "sys.modules", make_modules, out); }

/* The language level P4JIT follows: CPython 3.11 */
static bool get_version_info(VM *vm, Value *out)
{
    Tuple *t = tuple_new(vm, 5);
    if (!t)
        return false;
    VM_ROOT(vm, v_obj(t));
    Str *rel = str_from_cstr(vm, "final");
    VM_UNROOT(vm, 1);
    if (!rel)
        return false;
    t->items[0] = v_int(3);
    t->items[1] = v_int(11);
    t->items[2] = v_int(0);
    t->items[3] = v_obj(rel);
    t->items[4] = v_int(0);
    *out = v_obj(t);
    return true;
}

/* sys.implementation: a namespace with .name and .version */
static bool make_implementation(VM *vm, Value *out)
{
    LibObj *o = libobj_new(vm, LIB_NAMESPACE, 1);
    if (!o)
        return false;
    VM_ROOT(vm, v_obj(o));
    Dict *d = dict_new(vm);
    bool ok = d != NULL;
    if (ok) {
        o->slots[0] = v_obj(d);
        Str *name = str_from_cstr(vm, "p4jit");
        Value ver;
        ok = name && dict_set_cstr(vm, d, "name", v_obj(name)) && get_version_info(vm, &ver) &&
             dict_set_cstr(vm, d, "version", ver);
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(o);
    return ok;
}
static bool get_implementation(VM *vm, Value *out)
{
    return libstate_get(vm, "sys.implementation", make_implementation, out);
}

static bool get_str(VM *vm, const char *s, Value *out)
{
    Str *r = str_from_cstr(vm, s);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}
static bool get_byteorder(VM *vm, Value *out)
{
    const uint16_t one = 1;
    return get_str(vm, *(const uint8_t *)&one ? "little" : "big", out);
}
static bool get_platform(VM *vm, Value *out)
{
#if P4_FIRMWARE
    return get_str(vm, "esp32p4", out);
#else
    return get_str(vm, "linux", out);
#endif
}
static bool get_version(VM *vm, Value *out) { return get_str(vm, "3.11.0 (P4JIT)", out); }

/* sys.print_exception(exc, file=None) (MicroPython's): the traceback CPython
 * prints for an uncaught exception, for the exception given, on stderr or
 * through file.write(). A file that is no stream is an OSError, as in
 * MicroPython (which looks at it first). */
static bool sys_print_exception_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value file = nargs > 1 ? args[1] : v_none();
    if (file.type != T_NONE && file.type != T_LIBOBJ && file.type != T_FILE && file.type != T_INSTANCE)
        return vm_raise(vm, EXC_OSError, "stream operation not supported");
    if (args[0].type != T_EXCEPTION)
        return vm_raise(vm, EXC_TypeError, "print_exception() argument must be an exception, not '%s'",
                        type_name(args[0]));
    *out = v_none();
    if (file.type == T_NONE) {
        vm_print_exception(vm, args[0]);
        return true;
    }
    StrBuf sb;
    sb_init(&sb);
    vm_format_exception(vm, args[0], &sb);
    bool ok = sb.oom ? vm_raise_oom(vm) : lib_print_to(vm, file, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return ok;
}
static NATIVE(sys_print_exception, "print_exception", sys_print_exception_fn, 1, 2);

/* sys.getsizeof(obj): the bytes obj takes in P4JIT's heap, header included,
 * with the blocks of item storage it alone owns (a list's items, a dict's
 * entries and index, a set's table, an array's or bytearray's elements),
 * not the objects it refers to. A value held in its slot (a small int, a
 * float, None, a bool) is the 8 bytes of a slot; an object outside the heap
 * (the runtime's own constants) its header. */
static size_t block_of(VM *vm, const void *payload)
{
    return payload && gc_in_heap(vm, (const Obj *)payload - 1) ? gc_raw_size(payload) + sizeof(Obj) : 0;
}

static bool sys_getsizeof_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value v = args[0];
    if (!v_is_obj(v)) {
        *out = v_int((int32_t)sizeof(Value));
        return true;
    }
    size_t n = block_of(vm, (const Obj *)v.u.obj + 1);
    if (n == 0)
        n = sizeof(Obj);
    switch ((Type)v.type) {
    case T_LIST: n += block_of(vm, AS(List, v)->items); break;
    case T_DICT: n += block_of(vm, AS(Dict, v)->entries) + block_of(vm, AS(Dict, v)->index); break;
    case T_SET: case T_FROZENSET: n += block_of(vm, AS(Set, v)->table); break;
    case T_ARRAY: case T_BYTEARRAY: n += block_of(vm, AS(Array, v)->data); break;
    default: break;
    }
    *out = v_int((int32_t)n);
    return true;
}
static NATIVE(sys_getsizeof, "getsizeof", sys_getsizeof_fn, 1, 1);

/* sys._main_globals(): the main program's globals() wherever it is called
 * from (the unittest module finds the test classes there; CPython's reads
 * sys.modules['__main__']). */
static bool sys_main_globals_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!vm->program)
        return vm_raise(vm, EXC_RuntimeError, "no main program");
    Function body = {0};
    body.code = AS(Code, vm->program->codes[0]);
    return eval_function_globals(vm, &body, out);
}
static NATIVE(sys_main_globals, "_main_globals", sys_main_globals_fn, 0, 0);

/* The exception being handled (the innermost except/finally/with handler
 * running, in this frame or a caller), or None. */
static Value handled_exception(VM *vm)
{
    uint32_t n = vm->nhandling;
    if (n > 0 && n <= VM_MAX_HANDLING && vm->handling[n - 1].type == T_EXCEPTION)
        return vm->handling[n - 1];
    return v_none();
}

/* sys.exc_info(): (type, value, traceback); P4JIT has no traceback
 * objects, so the third is None (language.md). */
static bool sys_exc_info_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value e = handled_exception(vm);
    Tuple *t = tuple_new(vm, 3);
    if (!t)
        return false;
    t->items[0] = e.type == T_EXCEPTION ? v_obj((void *)AS(Exception, e)->cls) : v_none();
    t->items[1] = e;
    t->items[2] = v_none();
    *out = v_obj(t);
    return true;
}
static NATIVE(sys_exc_info, "exc_info", sys_exc_info_fn, 0, 0);

/* sys.exception() (3.11): the exception being handled, or None. */
static bool sys_exception_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = handled_exception(vm);
    return true;
}
static NATIVE(sys_exception, "exception", sys_exception_fn, 0, 0);

static Value get_exc_info(void) { return v_obj((void *)&sys_exc_info); }
static Value get_exception(void) { return v_obj((void *)&sys_exception); }
static Value get_print_exception(void) { return v_obj((void *)&sys_print_exception); }
static Value get_getsizeof(void) { return v_obj((void *)&sys_getsizeof); }
static Value get_main_globals(void) { return v_obj((void *)&sys_main_globals); }
static Value get_maxsize(void) { return v_int(INT32_MAX); } /* ints are 32-bit */
static Value get_exit(void) { return v_obj((void *)&sys_exit); }
/* attributes made at run time: a Native the module lookup calls */
#define GETTER(name, fn)                                                          \
    static bool name##_call(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) \
    {                                                                             \
        return fn(vm, out);                                                       \
    }                                                                             \
    static const Native name##_native = {{0, T_NATIVE, NATIVE_GETTER, 0}, #name, name##_call, 0, 0}; \
    static Value name##_attr(void) { return v_obj((void *)&name##_native); }
GETTER(argv, get_argv)
GETTER(stdin, get_stdin)
GETTER(stdout, get_stdout)
GETTER(stderr, get_stderr)
GETTER(path, get_path)
GETTER(modules, get_modules)
GETTER(version_info, get_version_info)
GETTER(version, get_version)
GETTER(implementation, get_implementation)
GETTER(byteorder, get_byteorder)
GETTER(platform, get_platform)

static const ModuleAttr sys_attrs[] = {
    {"argv", argv_attr},
    {"exit", get_exit},
    {"stdin", stdin_attr},
    {"stdout", stdout_attr},
    {"stderr", stderr_attr},
    {"path", path_attr},
    {"modules", modules_attr},
    {"maxsize", get_maxsize},
    {"version_info", version_info_attr},
    {"version", version_attr},
    {"implementation", implementation_attr},
    {"byteorder", byteorder_attr},
    {"platform", platform_attr},
    {"print_exception", get_print_exception},
    {"getsizeof", get_getsizeof},
    {"exc_info", get_exc_info},
    {"exception", get_exception},
    {"_main_globals", get_main_globals},
};

const Module module_sys = {{0, T_MODULE, 0, 0}, "sys", sys_attrs, sizeof sys_attrs / sizeof sys_attrs[0]};
