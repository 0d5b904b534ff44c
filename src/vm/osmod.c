/*
 * osmod.c - the `os` module: what programs that write files need to clean
 * up after themselves (remove, rename; the bare-metal firmware's picolibc
 * has no rename: OSError there). Through C stdio like files
 * (file.c): the host's libc, semihosting in the firmware (the host's file
 * system, through p4sim or QEMU), ESP-IDF's VFS.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "vm/libobj.h"
#include "vm/vm.h"

static bool path_arg(VM *vm, Value v, const char **out)
{
    if (v.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(v));
    if (strlen(AS(Str, v)->data) != AS(Str, v)->len)
        return vm_raise(vm, EXC_ValueError, "embedded null byte");
    *out = AS(Str, v)->data;
    return true;
}

static bool os_error(VM *vm, int err, const char *path)
{
    if (err == 0 || err == ENOENT)
        return vm_raise(vm, EXC_FileNotFoundError, "[Errno 2] No such file or directory: '%s'", path);
    return vm_raise(vm, EXC_OSError, "[Errno %d] %s: '%s'", err, strerror(err), path);
}

static bool remove_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    const char *path = NULL;
    if (!path_arg(vm, args[0], &path))
        return false;
    errno = 0;
    if (remove(path) != 0)
        return os_error(vm, errno, path);
    *out = v_none();
    return true;
}
static NATIVE(os_remove, "remove", remove_fn, 1, 1);
static NATIVE(os_unlink, "unlink", remove_fn, 1, 1);

static bool rename_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    const char *from = NULL, *to = NULL;
    if (!path_arg(vm, args[0], &from) || !path_arg(vm, args[1], &to))
        return false;
#if P4_FIRMWARE /* picolibc's semihosting has no rename */
    (void)to;
    return vm_raise(vm, EXC_OSError, "[Errno 38] rename() is not available in the bare-metal firmware: '%s'", from);
#else
    errno = 0;
    if (rename(from, to) != 0)
        return os_error(vm, errno, from);
#endif
    *out = v_none();
    return true;
}
static NATIVE(os_rename, "rename", rename_fn, 2, 2);

/* os.uname(): CPython's posix.uname_result, a named tuple (made by
 * lib/std/_namedtuple.py) describing the system P4JIT runs on. */
static bool uname_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    static const char *const values[] = {
#if P4_FIRMWARE
        "esp32p4", "esp32p4", "3.11.0", "P4JIT", "ESP32-P4",
#else
        "linux", "host", "3.11.0", "P4JIT",
#if defined(__x86_64__)
        "x86_64",
#elif defined(__aarch64__)
        "aarch64",
#else
        "host",
#endif
#endif
    };
    /* hold: namedtuple, its three arguments, the keyword's name, the class, then the values */
    Tuple *hold = tuple_new(vm, 6 + 5);
    if (!hold)
        return false;
    VM_ROOT(vm, v_obj(hold));
    static const char *const made_of[] = {"uname_result", "sysname nodename release version machine", "posix"};
    bool ok = lib_py_attr(vm, "_namedtuple", "namedtuple", &hold->items[0]);
    for (int i = 0; i < 3 && ok; i++) {
        Str *str = str_from_cstr(vm, made_of[i]);
        ok = str != NULL;
        if (ok)
            hold->items[1 + i] = v_obj(str);
    }
    Tuple *names = ok ? tuple_new(vm, 1) : NULL;
    ok = names != NULL;
    if (ok) {
        hold->items[4] = v_obj(names);
        Str *key = str_from_cstr(vm, "module");
        ok = key != NULL;
        if (ok) {
            names->items[0] = v_obj(key);
            ok = vm_call(vm, hold->items[0], &hold->items[1], 3, names, &hold->items[5]);
        }
    }
    for (int i = 0; i < 5 && ok; i++) {
        Str *str = str_from_cstr(vm, values[i]);
        ok = str != NULL;
        if (ok)
            hold->items[6 + i] = v_obj(str);
    }
    if (ok)
        ok = vm_call(vm, hold->items[5], &hold->items[6], 5, NULL, out);
    VM_UNROOT(vm, 1);
    return ok;
}
static NATIVE(os_uname, "uname", uname_fn, 0, 0);

static Value get_remove(void) { return v_obj((void *)&os_remove); }
static Value get_uname(void) { return v_obj((void *)&os_uname); }
static Value get_unlink(void) { return v_obj((void *)&os_unlink); }
static Value get_rename(void) { return v_obj((void *)&os_rename); }

static const ModuleAttr os_attrs[] = {
    {"remove", get_remove}, {"unlink", get_unlink}, {"rename", get_rename}, {"uname", get_uname},
};

const Module module_os = {{0, T_MODULE, 0, 0}, "os", os_attrs, sizeof os_attrs / sizeof os_attrs[0]};
