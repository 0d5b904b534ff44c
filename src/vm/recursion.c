/*
 * recursion.c - the bound on C recursion over user data.
 *
 * hash() of a tuple, str() of an exception holding an exception, a chain of
 * iterators, an except clause's nested tuple of classes: each level of the
 * data is a level of C recursion, and the data can be nested as deep as the
 * heap allows. Python calls never recurse in C (interp.c), so nothing else
 * bounds these. Each such recursion asks vm_recursion_enter first: past the
 * recursion limit (CPython counts these levels against the same limit), when
 * the C stack comes near its end (port_stack_limit: on the firmware the
 * linker's stack region, on ESP-IDF the task's stack, on the host the main
 * thread's), or when the temporary roots run short, it raises RecursionError.
 */
#include "vm/vm.h"
#include "port/port.h"

void vm_recursion_init(VM *vm)
{
    vm->c_depth = 0;
    vm->c_stack_limit = port_stack_limit();
}

bool vm_recursion_enter(VM *vm, const char *while_doing)
{
    if (vm->c_depth >= vm->cfg.max_frames || vm_c_stack_low(vm) || vm->nroots + 8 > VM_MAX_ROOTS)
        return vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded%s%s",
                        while_doing ? " " : "", while_doing ? while_doing : "");
    vm->c_depth++;
    return true;
}
