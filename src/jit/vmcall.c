/*
 * vmcall.c - calls from compiled code into the interpreter (docs/jit.md,
 * "Calls into the interpreter").
 *
 * A call whose callee compiled code cannot run (a function the JIT
 * refuses, a built-in such as print, a class) is an ordinary IR_CALL whose
 * callee is a *call stub*: a JitSpec with vm_callee set, made here per call
 * site, never entered from the interpreter. The emitter loads the stub's
 * address into t0 and calls rv32/retired.c's second trampoline, which
 * saves a0-a7 and fa0-fa7 and calls jit_rt_vm_call. That boxes the
 * arguments from the stub's parameter types onto the VM's value stack
 * (where the collector sees them while the call runs), makes the call as
 * the interpreter's CALL_FUNCTION would (vm_call), and returns like a
 * deoptimised callee: the result's bits when it has the type the caller
 * was compiled for, else the result through JitState.deopt_result, and
 * the caller deoptimises at the next instruction with it on its stack; an
 * exception goes to the caller's exception return point, which adds the
 * caller's traceback entry. So compiled code needs nothing new to receive
 * the result, the exception or the traceback.
 *
 * The stubs live until the code is dropped (jit_vm_calls_free).
 */
#include <stdlib.h>
#include <string.h>

#include "jit/jit_int.h"
#include "vm/class.h"

JitSpec *jit_vm_call_stub(JitState *js, const void *callee, const Code *code, const JitType *params, uint32_t n,
                          JitType ret)
{
    if (n > JIT_MAX_PARAMS || !jit_vm_call_trampoline(js))
        return NULL;
    JitSpec *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->vm_callee = callee;
    s->code = code;
    s->nparams = (uint8_t)n;
    memcpy(s->params, params, n * sizeof *params);
    s->ret = ret;
    s->state = SPEC_COMPILED;
    s->frame_bytes = 80;                /* the trampoline's frame (the interpreter checks its own C stack) */
    s->slots_per_call = n + 2;          /* the boxed arguments */
    s->next = js->vm_calls;
    js->vm_calls = s;
    return s;
}

void jit_vm_calls_free(JitState *js)
{
    for (JitSpec *s = js->vm_calls, *n; s; s = n) {
        n = s->next;
        free(s);
    }
    js->vm_calls = NULL;
    js->vm_call_tramp = 0;
}

/* Results of another type than guessed (build.c interp_call), by call
 * site: the caller's next compilation takes the type seen. A small table;
 * a site that finds it full keeps its guess. */
static struct {
    const Code *code;
    uint32_t pc;
    JitType t;
} observed[64];

bool jit_vm_observed(const Code *code, uint32_t pc, JitType *t)
{
    for (size_t i = 0; i < sizeof observed / sizeof observed[0] && observed[i].code; i++)
        if (observed[i].code == code && observed[i].pc == pc) {
            *t = observed[i].t;
            return true;
        }
    return false;
}

static void observe(JitSpec *stub, Value result)
{
    JitType t = {TY_VOID, 0, 0, NULL};
    switch ((Type)result.type) {
    case T_INT: t.ty = TY_INT; break;
    case T_BOOL: t.ty = TY_BOOL; break;
    case T_FLOAT: t.ty = TY_FLOAT; break;
    case T_NONE: t.ty = TY_NONE; break;
    default:
        if (!v_is_obj(result))
            return; /* (a long int: no type compiled code has) */
        t.ty = TY_PTR, t.tc = JIT_TC_BOXED;
        if (result.type == T_INSTANCE)
            t.cls = AS(Instance, result)->cls;
        break;
    }
    size_t i = 0;
    while (i < sizeof observed / sizeof observed[0] && observed[i].code &&
           !(observed[i].code == stub->code && observed[i].pc == stub->vm_pc))
        i++;
    if (i == sizeof observed / sizeof observed[0])
        return;
    bool again = observed[i].code != NULL; /* seen before: a type that changes, no recompilation */
    observed[i].code = stub->code, observed[i].pc = stub->vm_pc, observed[i].t = t;
    /* the caller is compiled again at its next entry from the interpreter
     * (jit.c's recompilation, as for a widened merge; at most
     * JIT_MAX_WIDENED times, which bounds a type that keeps changing) */
    JitSpec *c = stub->vm_caller;
    if (!again && c && c->fate == JIT_FATE_NONE && !c->retired && c->nfloat_merges < JIT_MAX_WIDENED)
        c->fate = JIT_RECOMPILE, c->fate_pc = stub->vm_pc, c->fate_op = IR_CALL;
}

uint64_t jit_rt_vm_call(JitSpec *stub, const uint32_t *args, int32_t depth_left)
{
    JitState *js = jit_rt_state();
    VM *vm = js->vm;
    uint32_t n = stub->nparams;
    Value *argv = jit_box_args(vm, stub->params, n, args);
    if (!argv)
        return 1;
    uint32_t max_frames;
    Value result = v_none();
    bool ok;
    if (stub->vm_tuple) { /* a tuple of the arguments (build.c: a tuple display that escapes) */
        Tuple *t = tuple_new(vm, n);
        if ((ok = t != NULL)) {
            memcpy(t->items, argv, n * sizeof *argv);
            result = v_obj(t);
        }
    } else if ((ok = jit_enter_interpreter(vm, jit_compiled_frames(depth_left), &max_frames))) {
        ok = vm_call(vm, v_obj((void *)stub->vm_callee), argv, (int)n, NULL, &result);
        jit_leave_interpreter(vm, max_frames);
    }
    vm->sp = argv;
    if (!ok)
        return 1;
    uint32_t bits = 0;
    bool fits;
    switch ((IrType)stub->ret.ty) {
    case TY_VOID: fits = true; break; /* the caller drops the result */
    case TY_INT: fits = result.type == T_INT; bits = (uint32_t)result.u.i; break;
    case TY_BOOL: fits = result.type == T_BOOL; bits = result.u.i != 0; break;
    case TY_FLOAT: fits = result.type == T_FLOAT; memcpy(&bits, &result.u.f, 4); break;
    case TY_PTR: fits = v_is_obj(result); bits = (uint32_t)(uintptr_t)result.u.obj; break; /* the caller roots it */
    default: fits = result.type == T_NONE; break;
    }
    if (!fits) { /* the caller deoptimises after the call, with the result on its stack */
        observe(stub, result);
        return jit_leave_with(js, result);
    }
    if (js->drop_pending && !stub->vm_tuple) /* the callee assigned a global built into compiled code */
        return jit_leave_with(js, result);
    return (uint64_t)bits << 32;
}

/* An operator compiled code makes on an object (build_call.c
 * object_operator), called like any callee through a call stub: args[0]
 * the opcode, then the operands, and the interpreter's own code does the
 * rest (special methods, reflected forms, NotImplemented, errors). */
static bool operator_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    unsigned op = (unsigned)args[0].u.i;
    if (op == OP_STORE_SUBSCR && nargs == 4) {
        *out = v_none();
        return vm_setitem(vm, args[1], args[2], args[3]);
    }
    if (op == OP_BINARY_SUBSCR)
        return vm_getitem(vm, args[1], args[2], out);
    if (op >= OP_COMPARE_LT && op <= OP_COMPARE_GE)
        return vm_compare(vm, op, args[1], args[2], out);
    return vm_binary_op(vm, op, args[1], args[2], out);
}
NATIVE(jit_operator, "operator", operator_fn, 3, 4);

/* Root slots (build.c, "What the collector sees"): a compiled function
 * that holds objects across calls (results of calls into the interpreter,
 * instances read from attributes) gets n Values on the VM's value stack at
 * its entry, all None, and before each call stores there the objects still
 * used after it; the collector scans the value stack. A return pops them;
 * an exception or a deoptimisation leaves them to the interpreter's
 * boundary below (jit_call, jit_rt_vm_call), which resets the stack. The
 * recursion budget counts them (JitSpec.slots_per_call), so they fit. */
uint32_t jit_rt_roots(uint32_t n)
{
    VM *vm = jit_rt_state()->vm;
    Value *base = vm->sp;
    if (base + n > vm->stack_end) { /* cannot happen: jit_call's budget counts them */
        static Value spare[64];
        return (uint32_t)(uintptr_t)spare;
    }
    for (uint32_t i = 0; i < n; i++)
        base[i] = v_none();
    vm->sp = base + n;
    return (uint32_t)(uintptr_t)base;
}

uint32_t jit_rt_unroot(uint32_t base)
{
    VM *vm = jit_rt_state()->vm;
    Value *b = (Value *)(uintptr_t)base;
    if (b >= vm->stack && b <= vm->sp)
        vm->sp = b;
    return 0;
}
