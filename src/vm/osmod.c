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

static Value get_remove(void) { return v_obj((void *)&os_remove); }
static Value get_unlink(void) { return v_obj((void *)&os_unlink); }
static Value get_rename(void) { return v_obj((void *)&os_rename); }

static const ModuleAttr os_attrs[] = {
    {"remove", get_remove}, {"unlink", get_unlink}, {"rename", get_rename},
};

const Module module_os = {{0, T_MODULE, 0, 0}, "os", os_attrs, sizeof os_attrs / sizeof os_attrs[0]};
