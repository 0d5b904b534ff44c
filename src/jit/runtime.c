/*
 * runtime.c - what compiled code calls at run time: a failed check (the
 * interpreter's way of raising, jit_rt_fail), helpers for operations it
 * does not inline, and deoptimisation: rebuilding the interpreter's frame
 * from a site's map and the registers, and resuming the bytecode there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit_int.h"
#include "port/port.h"
#include "vm/bytecode.h"
#include "vm/class.h"
#include "vm/p4b.h"

static JitState *rt_state; /* the state of the running compiled code (jit_rt_swap) */

JitState *jit_rt_swap(JitState *js)
{
    JitState *was = rt_state;
    rt_state = js;
    return was;
}

/* ---- called from compiled code -------------------------------------------------------- */

static Value witness_value(const JitType *t, uint32_t bits)
{
    switch ((IrType)t->ty) {
    case TY_BOOL: return v_bool(bits != 0);
    case TY_FLOAT: { float f; memcpy(&f, &bits, 4); return v_float(f); }
    case TY_PTR: return v_obj((void *)(uintptr_t)bits);
    default: return v_int((int32_t)bits);
    }
}

/* A check failed at a site: run the bytecode operation the interpreter's
 * way on the same operands, which raises the exception it would have. */
int32_t jit_rt_fail(uint32_t x, uint32_t y, uint32_t z, uint32_t site)
{
    JitState *js = rt_state;
    VM *vm = js->vm;
    const JitSite *s = &js->sites[site];
    uint32_t bits[3] = {x, y, z};
    Value w[3], out;
    for (int i = 0; i < 3; i++)
        w[i] = i < s->nw ? witness_value(&s->w[i], bits[i]) : v_int(0);
    unsigned op = BC_OP(s->code->insns[s->pc]);
    bool raised;
    if (s->native)
        raised = !s->native->fn(vm, w, s->nw, NULL, &out);
    else if (s->irop == IR_CALL) /* its one check, the recursion budget: CALL, CALL_METHOD (self.f(...)), a class call */
        raised = !vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
    else if (op == OP_BINARY_SUBSCR)
        raised = !vm_getitem(vm, w[0], w[1], &out);
    else if (op == OP_STORE_SUBSCR)
        raised = !vm_setitem(vm, w[0], w[1], w[2]); /* an index check has no value witness: 0 */
    else if (op == OP_UNARY_NEG)
        raised = !vm_unary_op(vm, op, w[0], &out);
    else
        raised = !vm_binary_op(vm, op, w[0], w[1], &out);
    /* An int result beyond 32 bits (a long) is not an error: its check
     * deoptimises instead of coming here, and the emitter refuses a
     * function where such a check has no deopt map (emit.c, may_overflow). */
    if (!raised && out.type == T_LONG)
        vm_raise(vm, EXC_RuntimeError, "JIT: an int overflow check without a deopt map (a JIT bug)");
    else if (!raised)
        vm_raise(vm, EXC_RuntimeError, "JIT: a check failed where the interpreter succeeds (a JIT bug)");
    if (vm->exc.type == T_EXCEPTION)
        exc_add_traceback(vm, AS(Exception, vm->exc), s->code, s->pc);
    return 1;
}

/* bytearray(n) from compiled code: the new array, kept alive on the value
 * stack until the outermost compiled call returns (jit_call), as compiled
 * code holds it where the collector does not look. 0 when it raised (the
 * code then unwinds, like a failed call). */
uint32_t jit_rt_bytearray(int32_t n)
{
    VM *vm = rt_state->vm;
    Value arg = v_int(n), out;
    if (vm->sp >= vm->stack_end) {
        vm_raise(vm, EXC_MemoryError, "JIT: too many arrays allocated by one compiled call");
        return 0;
    }
    if (!bi_bytearray.fn(vm, &arg, 1, NULL, &out))
        return 0;
    *vm->sp++ = out;
    return (uint32_t)(uintptr_t)out.u.obj;
}

/* float // and % (b != 0: compiled code checks first), the interpreter's way */
float jit_rt_ffloordiv(float a, float b) { return float_floor_mod(a, b, false); }
float jit_rt_fmod(float a, float b) { return float_floor_mod(a, b, true); }
int32_t jit_rt_fpow_bad(float a, float b) { return float_pow_raises(a, b); }

int32_t jit_rt_unwind(uint32_t site)
{
    JitState *js = rt_state;
    const JitSite *s = &js->sites[site];
    if (js->deopt_result_pending && s->dmap)
        return 0; /* the callee's result is of another type: this caller deoptimises too, with it */
    if (js->deopt_result_pending) {
        /* a callee deoptimised and its interpreted rest returned a value
         * of another type than its compiled code returns, and this call
         * site has no deopt map to leave with */
        js->deopt_result_pending = false;
        vm_raise(js->vm, EXC_RuntimeError, "JIT: a deoptimised call returned %s into compiled code (not supported yet)",
                 type_name(js->deopt_result));
        if (js->vm->exc.type == T_EXCEPTION)
            exc_add_traceback(js->vm, AS(Exception, js->vm->exc), s->code, s->pc);
        return 1;
    }
    if (js->vm->exc.type == T_EXCEPTION)
        exc_add_traceback(js->vm, AS(Exception, js->vm->exc), s->code, s->pc);
    return 1;
}

/* ---- deoptimisation ---------------------------------------------------------------------- */

static uint64_t return_bits(JitState *js, const JitSpec *spec, Value result);

static uint32_t read_varint(const uint8_t **p)
{
    uint32_t v = 0;
    for (unsigned shift = 0; shift < 35; shift += 7) {
        uint8_t c = *(*p)++;
        v |= (uint32_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            break;
    }
    return v;
}

/* The bits of one value of an encoded map (JitSite.dmap, DL_*). */
static uint32_t read_location(const uint8_t **p, const uint32_t *regs, const uint8_t *frame)
{
    uint8_t c = *(*p)++;
    uint32_t bits, slot;
    if (c < 64)
        return regs[c];
    if (c < 0x80 || c == DL_SLOT16) {
        slot = c < 0x80 ? c - 64u : (uint32_t)(*p)[0] | (uint32_t)(*p)[1] << 8;
        if (c == DL_SLOT16)
            *p += 2;
        memcpy(&bits, frame + 4 * slot, 4);
        return bits;
    }
    if (c == DL_INT) {
        uint32_t z = read_varint(p);
        return (z >> 1) ^ (0u - (z & 1));
    }
    memcpy(&bits, *p, 4); /* DL_FLOAT */
    *p += 4;
    return bits;
}

/* One slot of the frame from its kind and values (iterators are made here:
 * compiled code keeps a counter and a bound where the interpreter has an
 * object). false: out of memory (raised). */
static bool rebuild_slot(VM *vm, JitState *js, unsigned kind, uint32_t extra, uint32_t *x, Value *out)
{
    float f;
    switch (kind) {
    case DM_INT: *out = v_int((int32_t)x[0]); return true;
    case DM_BOOL: *out = v_bool(x[0] != 0); return true;
    case DM_FLOAT: memcpy(&f, &x[0], 4); *out = v_float(f); return true;
    case DM_NONE: *out = v_none(); return true;
    case DM_PTR: *out = v_obj((void *)(uintptr_t)x[0]); return true;
    case DM_OBJ: *out = js->dobjs[extra]; return true;
    case DM_RANGE_IT: case DM_COUNTED_IT: {
        if (extra & 1) /* the current item (and iterations left before it): one step on, as for_item does */
        {
            x[0] += kind == DM_RANGE_IT ? 1u : x[2];
            x[1] -= kind == DM_COUNTED_IT;
        }
        Iter *it = iter_new(vm, ITER_RANGE, v_none());
        if (!it)
            return false;
        it->i = (int32_t)x[0];
        if (kind == DM_RANGE_IT)
            it->a = (int32_t)x[1], it->b = 1;
        else {
            /* next value, iterations left, step: a stop the interpreter's
             * range_next gives exactly that many more values for */
            int32_t step = (int32_t)x[2];
            int64_t stop = (int64_t)(int32_t)x[0] + (int64_t)(int32_t)x[1] * step;
            it->a = stop > INT32_MAX ? INT32_MAX : stop < INT32_MIN ? INT32_MIN : (int32_t)stop;
            it->b = step;
        }
        *out = v_obj(it);
        return true;
    }
    case DM_ARRAY_IT: {
        Iter *it = iter_new(vm, ITER_SEQ, v_obj((void *)(uintptr_t)x[1]));
        if (!it)
            return false;
        it->i = (int32_t)(x[0] + (extra & 1));
        *out = v_obj(it);
        return true;
    }
    case DM_RESULT: *out = js->deopt_result; return true;
    case DM_NOSELF: default: *out = v_unbound(); return true;
    }
}

/* A specialisation deoptimised JIT_DEOPT_LIMIT times within a window of
 * JIT_DEOPT_WINDOW entries: it is no longer entered, from the interpreter
 * or (retired.c) from compiled callers. Its guard that deoptimised most says what
 * next: a merge whose int type a float path kept leaving (a variable int on
 * one path and float on another) is compiled again with that merge a float
 * (the int paths leave instead: worth it when the float path is the common
 * one), once per merge; anything else stays interpreted: an int beyond 32
 * bits has no wider type in compiled code, and a call that returns another
 * type, or a merge widened already, would deoptimise again. */
static void retire(JitState *js, JitSpec *spec)
{
    spec->retired = true;
    spec->redirected = jit_redirect_retired(js, spec); /* compiled callers too (retired.c) */
    const JitSite *top = NULL;
    for (uint32_t i = 0; i < js->nsites; i++)
        if (js->sites[i].spec == spec && js->sites[i].dmap && (!top || js->sites[i].deopts > top->deopts))
            top = &js->sites[i];
    if (!top)
        return;
    spec->fate_op = top->irop, spec->fate_pc = top->pc, spec->fate_count = top->deopts;
    bool widened = false;
    for (uint32_t i = 0; i < spec->nfloat_merges; i++)
        widened |= spec->float_merges[i] == top->pc;
    spec->fate = top->to_float && !widened && spec->nfloat_merges < JIT_MAX_WIDENED ? JIT_RECOMPILE : JIT_INTERPRETED;
}

/* The interpreter runs a frame for compiled code (a deoptimised frame, a
 * retired callee's call) with `below` compiled frames under it, which it
 * does not see: its recursion limit is lowered by that many while it runs,
 * so RecursionError comes at the depth where it would without the JIT, and
 * a C stack too low for another run() raises it too (compiled code, its
 * deopt stub and run() nest on the machine stack). false: raised. */
static bool enter_interpreter(VM *vm, uint32_t below, uint32_t *saved_max)
{
    if (!vm_recursion_enter(vm, NULL))
        return false;
    *saved_max = vm->cfg.max_frames;
    vm->cfg.max_frames = below < *saved_max ? *saved_max - below : 0;
    return true;
}

static void leave_interpreter(VM *vm, uint32_t saved_max)
{
    vm->cfg.max_frames = saved_max;
    vm_recursion_leave(vm);
}

/* Compiled frames active, from s11 (DEPTH): jit_call's budget jit_rt_depth
 * less one per prologue of a function that makes calls, so at such a
 * function's body it is jit_rt_depth - (frames - 1). */
static uint32_t compiled_frames(int32_t s11)
{
    int32_t n = jit_rt_depth - s11 + 1;
    return n > 0 ? (uint32_t)n : 0;
}

/* for vmcall.c (calls into the interpreter) */
JitState *jit_rt_state(void) { return rt_state; }
bool jit_enter_interpreter(VM *vm, uint32_t below, uint32_t *saved_max) { return enter_interpreter(vm, below, saved_max); }
void jit_leave_interpreter(VM *vm, uint32_t saved_max) { leave_interpreter(vm, saved_max); }
uint32_t jit_compiled_frames(int32_t s11) { return compiled_frames(s11); }

Value *jit_box_args(VM *vm, const JitType *params, uint32_t n, const uint32_t *args)
{
    uint32_t nx = 0, nf = 0, ns = 0;
    Value *argv = vm->sp;
    if (argv + n + 2 > vm->stack_end) {
        vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++) {
        JitType t = params[i];
        /* (the ninth of a class and after: on the stack, rv32/emit.c) */
        uint32_t bits = t.ty == TY_FLOAT ? (nf < 8 ? args[8 + nf++] : args[JIT_TRAMP_STACK_ARGS + ns++])
                                         : (nx < 8 ? args[nx++] : args[JIT_TRAMP_STACK_ARGS + ns++]);
        float x;
        switch ((IrType)t.ty) {
        case TY_INT: argv[i] = v_int((int32_t)bits); break;
        case TY_BOOL: argv[i] = v_bool(bits != 0); break;
        case TY_FLOAT: memcpy(&x, &bits, 4); argv[i] = v_float(x); break;
        default: argv[i] = v_obj((void *)(uintptr_t)bits); break;
        }
    }
    vm->sp = argv + n;
    return argv;
}

/* A retired specialisation's compiled callers (and its own recursive
 * calls) jump into its body; retired.c turns the body's first instruction
 * into a jump to the trampoline that brings them here instead: the call
 * runs in the interpreter, or in the specialisation compiled to replace
 * it (jit_call decides, as for a call from the interpreter). The result
 * goes back as jit_rt_deopt's does: bits that fit the retired code's
 * return type, else js->deopt_result for the caller to deoptimise with. */
uint64_t jit_rt_retired_call(uint32_t body, const uint32_t *args, int32_t depth_left)
{
    JitState *js = rt_state;
    VM *vm = js->vm;
    uint32_t off = body - (uint32_t)(uintptr_t)js->code;
    JitSpec *spec = js->last_retired;
    if (!spec || spec->body != off) {
        spec = NULL;
        for (JitFunc *f = js->all; f && !spec; f = f->next_all)
            for (JitSpec *s = f->specs; s && !spec; s = s->next)
                if (s->redirected && s->body == off)
                    spec = s;
    }
    if (!spec || !spec->fn) { /* cannot happen: only a retired body jumps here */
        vm_raise(vm, EXC_RuntimeError, "JIT: a call of retired code that is not known (a JIT bug)");
        return 1;
    }
    js->last_retired = spec;
    spec->retired_calls++;
    uint32_t n = spec->nparams;
    Value *argv = jit_box_args(vm, spec->params, n, args);
    if (!argv)
        return 1;
    /* every compiled frame active is below the call (s11 as the caller left it) */
    uint32_t max_frames;
    Value result;
    bool ok = enter_interpreter(vm, compiled_frames(depth_left), &max_frames);
    if (ok) {
        /* jit_call only where compiled code replaces it (typing the
         * arguments again would cost every call of one left interpreted) */
        bool replaced = spec->fate == JIT_RECOMPILE || spec->fate == JIT_RECOMPILED;
        if (!replaced || !jit_call(vm, (Function *)spec->fn, argv, (int)n, &result, &ok))
            ok = vm_call(vm, v_obj(spec->fn), argv, (int)n, NULL, &result);
        leave_interpreter(vm, max_frames);
    }
    vm->sp = argv;
    if (!ok)
        return 1;
    return return_bits(js, spec, result);
}

/* A guard failed: the interpreter's frame is rebuilt from the deopt map and
 * runs from the guard's bytecode instruction, which it executes again on
 * the same operands (raising, or computing what compiled code could not). */
uint64_t jit_rt_deopt(uint32_t site, const uint32_t *regs, const uint8_t *frame)
{
    JitState *js = rt_state;
    VM *vm = js->vm;
    const JitSite *s = &js->sites[site];
    JitSpec *spec = s->spec;
    const Code *code = s->code;
    spec->deopts++;
    spec->window_deopts++;
    spec->deopts_retired += spec->retired;
    spec->deopt_pc = s->pc, spec->deopt_op = s->irop;
    js->deopts++;
    js->sites[site].deopts++;
    if (js->cfg.deopt_stress) /* forced (tests): the next one N guards on; never retired */
        jit_deopt_countdown = js->cfg.deopt_stress;
    else if (spec->window_deopts >= JIT_DEOPT_LIMIT && !spec->retired)
        retire(js, spec); /* nothing enters it any more (jit_call, retired.c) */
    const uint8_t *p = js->dmaps + (s->dmap - 1);
    uint32_t nslots = read_varint(&p), nl = code->nlocals;
    Value *saved_sp = vm->sp, *base = vm->sp + 1;
    if (base + nslots + code->maxstack + 2 > vm->stack_end) {
        vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
        if (vm->exc.type == T_EXCEPTION)
            exc_add_traceback(vm, AS(Exception, vm->exc), code, s->pc);
        return 1;
    }
    /* rooted while iterators are made: every slot holds something valid
     * (a call site's last slot, the callee's result, first of all) */
    for (uint32_t i = 0; i <= nslots; i++)
        base[(int32_t)i - 1] = v_none();
    bool call = s->irop == IR_CALL;
    if (call && nslots) /* (its DM_RESULT slot; a map without one fills it below) */
        base[nslots - 1] = js->deopt_result;
    if (call)
        js->deopt_result_pending = false;
    vm->sp = base + nslots;
    /* two passes: the iterators, which allocate, after every other slot
     * (an object only compiled code held, build.c's JIT_TC_BOXED, is then
     * in its slot when a collection runs) */
    const uint8_t *slots = p;
    for (uint32_t i = 0, pass = 0; pass < 2; i++) {
        if (i == nslots) {
            i = UINT32_MAX, p = slots, pass++;
            continue;
        }
        unsigned kind = *p++;
        bool has_extra = kind == DM_OBJ || kind == DM_UNBOUND || kind == DM_RANGE_IT || kind == DM_COUNTED_IT ||
                         kind == DM_ARRAY_IT;
        uint32_t extra = has_extra ? read_varint(&p) : 0, x[3] = {0, 0, 0};
        if (kind == DM_UNBOUND) { /* a run of them */
            for (uint32_t k = 0; k < extra && i < nslots; k++, i++)
                base[i] = v_unbound();
            i--;
            continue;
        }
        for (unsigned j = 0; j < dm_nvalues(kind); j++)
            x[j] = read_location(&p, regs, frame);
        bool iter = kind == DM_RANGE_IT || kind == DM_COUNTED_IT || kind == DM_ARRAY_IT;
        if (iter != (pass == 1))
            continue;
        if (!rebuild_slot(vm, js, kind, extra, x, &base[i])) {
            vm->sp = saved_sp;
            if (vm->exc.type == T_EXCEPTION)
                exc_add_traceback(vm, AS(Exception, vm->exc), code, s->pc);
            return 1;
        }
    }
    /* the compiled frames below this one (it counted itself in its
     * prologue if it makes calls; a leaf entered by jit_call has none) */
    uint32_t below = !jit_rt_depth ? 0 : compiled_frames((int32_t)regs[JIT_DEPTH_REG]);
    below = below > spec->makes_calls ? below - spec->makes_calls : 0;
    uint32_t max_frames;
    Value result;
    bool ok = enter_interpreter(vm, below, &max_frames);
    if (ok && !spec->fn) { /* cannot happen: an entered specialisation has a live function object (jit_call, resolve) */
        vm_raise(vm, EXC_RuntimeError, "JIT: a deoptimisation without its function (a JIT bug)");
        leave_interpreter(vm, max_frames);
        ok = false;
    } else if (ok) {
        ok = vm_resume_frame(vm, (Function *)spec->fn, base, nslots - nl, s->pc + call, &result);
        leave_interpreter(vm, max_frames);
    }
    vm->sp = saved_sp;
    if (!ok)
        return 1;
    return return_bits(js, spec, result);
}

/* A result for compiled code expecting spec's return type: its bits << 32,
 * or 1 with the value in js->deopt_result when it is of another type (jit_call
 * takes it, or a compiled caller's unwind stub deoptimises the caller). */
static uint64_t return_bits(JitState *js, const JitSpec *spec, Value result)
{
    if (js->drop_pending) /* a global built into compiled code changed: every compiled caller leaves */
        return jit_leave_with(js, result);
    uint32_t bits = 0;
    bool fits;
    switch ((IrType)spec->ret.ty) {
    case TY_INT: fits = result.type == T_INT; bits = (uint32_t)result.u.i; break;
    case TY_BOOL: fits = result.type == T_BOOL; bits = result.u.i != 0; break;
    case TY_FLOAT: fits = result.type == T_FLOAT; memcpy(&bits, &result.u.f, 4); break;
    case TY_PTR: fits = v_is_obj(result); bits = (uint32_t)(uintptr_t)result.u.obj; break; /* an object */
    default: fits = result.type == T_NONE; break;
    }
    if (!fits) /* jit_call takes it (or a compiled caller's unwind stub deoptimises the caller) */
        return jit_leave_with(js, result);
    return (uint64_t)bits << 32;
}

/* A result compiled code is not to continue with: it goes through
 * js->deopt_result to the caller's exception return point, where a compiled
 * caller deoptimises with it (its call-site map) and jit_call returns it.
 * Also when the result fits but a global compiled code has built in was
 * assigned while it ran (drop_pending): so each compiled frame on the
 * machine stack leaves at its call, and none reads the old value again. */
uint64_t jit_leave_with(JitState *js, Value result)
{
    js->deopt_result = result;
    js->deopt_result_pending = true;
    return 1;
}
