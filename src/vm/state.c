/*
 * state.c - the VM's life cycle and its console output.
 */
#include <string.h>

#include "port/port.h"
#include "jit/jit.h"
#include "vm/vm.h"

#define MARK_STACK 4096u /* grey-stack entries; overflow only costs a rescan */

/* ---- VM life cycle --------------------------------------------------------- */

void vm_config_default(VMConfig *cfg)
{
    cfg->heap_size = VM_DEFAULT_HEAP;
    cfg->stack_slots = VM_DEFAULT_STACK;
    cfg->max_frames = VM_DEFAULT_FRAMES;
    cfg->gc_stress = false;
}

VM *vm_new(const VMConfig *cfg)
{
    VM *vm = port_alloc(sizeof(VM));
    if (!vm)
        return NULL;
    memset(vm, 0, sizeof *vm);
    vm->cfg = *cfg;
    size_t heap_size = cfg->heap_size & ~(size_t)7; /* blocks are 8-byte aligned */
    if (heap_size < 4096 || heap_size > 0x7ff00000u || cfg->stack_slots < 64 || cfg->max_frames < 1) {
        port_free(vm);
        return NULL;
    }
    /* 16 bytes past the heap's end stay readable: a PIE vector of 8 lanes
     * (jit/vector.c) loads 16 bytes, up to 15 past an array's last element */
    vm->heap.base = port_alloc(heap_size + 16);
    vm->stack = port_alloc((size_t)cfg->stack_slots * sizeof(Value));
    vm->frames = port_alloc((size_t)(cfg->max_frames + 1) * sizeof(Frame));
    vm->heap.mark_stack = port_alloc(MARK_STACK * sizeof(Obj *));
    if (!vm->heap.base || !vm->stack || !vm->frames || !vm->heap.mark_stack) {
        vm_free(vm);
        return NULL;
    }
    vm->heap.end = vm->heap.base + heap_size;
    vm->heap.top = vm->heap.base;
    vm->heap.mark_cap = MARK_STACK;
    gc_init_arena(vm);
    vm->stack_end = vm->stack + cfg->stack_slots;
    vm->sp = vm->stack;
    vm->exc = v_unbound();
    vm_recursion_init(vm);

    /* MemoryError must be raisable when nothing else can be allocated. It
     * is a root from the moment it exists: the next allocation may collect. */
    Exception *me = gc_alloc(vm, T_EXCEPTION, sizeof(Exception));
    if (!me) {
        vm_free(vm);
        return NULL;
    }
    me->cls = &exc_types[EXC_MemoryError];
    vm->memory_error = me;
    Tuple *noargs = tuple_new(vm, 0);
    if (!noargs) {
        vm_free(vm);
        return NULL;
    }
    me->args = noargs;
    return vm;
}

void vm_free(VM *vm)
{
    if (!vm)
        return;
    jit_free(vm);
    vm_release_program(vm);
    if (vm->heap.base)
        gc_release_arena(vm);
    port_free(vm->heap.base);
    port_free(vm->stack);
    port_free(vm->frames);
    port_free(vm->heap.mark_stack);
    port_free(vm);
}

void vm_write(VM *vm, int fd, const char *data, size_t len)
{
    if (fd != 1) {
        vm_flush(vm);
        if (vm->write)
            vm->write(vm->write_ctx, fd, data, len);
        else
            port_write(fd, data, len);
        return;
    }
    if (vm->outlen + len > sizeof vm->outbuf) {
        vm_flush(vm);
        if (len >= sizeof vm->outbuf) {
            if (vm->write)
                vm->write(vm->write_ctx, 1, data, len);
            else
                port_write(1, data, len);
            return;
        }
    }
    memcpy(vm->outbuf + vm->outlen, data, len);
    vm->outlen += (uint32_t)len;
#if P4_FIRMWARE
    /* under p4sim or QEMU the firmware may stop at a trap, or the simulator
     * be killed at a time limit: a printed line must already be out */
    if (memchr(data, '\n', len))
        vm_flush(vm);
#endif
}

void vm_flush(VM *vm)
{
    if (vm->outlen == 0)
        return;
    if (vm->write)
        vm->write(vm->write_ctx, 1, vm->outbuf, vm->outlen);
    else
        port_write(1, vm->outbuf, vm->outlen);
    vm->outlen = 0;
}
