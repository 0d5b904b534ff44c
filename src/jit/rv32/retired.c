/*
 * retired.c - how compiled callers stop entering a retired specialisation
 * (docs/jit.md, "Deoptimisation": retired code).
 *
 * Compiled code calls a callee's body directly (`jal ra, body`, emit.c
 * emit_call; a self-call jumps to its own body label). When runtime.c retires a
 * specialisation, every such call would run the retired code again and
 * deoptimise again. Instead the first 4 bytes of the retired body become
 * `jal t0, trampoline`: callers keep their code, and the trampoline runs
 * the call in the interpreter (runtime.c jit_rt_retired_call, which also takes
 * a recompiled specialisation through jit_call).
 *
 * Why the body's first 4 bytes may be overwritten: the body label is bound
 * before early_return and the prologue, and every block label after them,
 * so only calls (and the entry stub, which jit_call no longer runs for a
 * retired specialisation) reach those bytes; no suspended activation
 * returns into them (a call comes after the prologue's stores or the early
 * test). A specialisation that retires has a guard, so its body is longer
 * than 4 bytes.
 */
#include <string.h>

#include "jit/jit_int.h"
#include "port/port.h"
#include "rv32/asm.h"

enum { ZERO = 0, RA = 1, SP = 2, T0 = 5, A0 = 10, A1 = 11, A2 = 12, FA0 = 10, DEPTH = JIT_DEPTH_REG };
enum { FRAME = 80, RA_AT = 76, FARGS_AT = 32 };
_Static_assert(FRAME == 4 * JIT_TRAMP_STACK_ARGS, "jit_box_args finds a caller's stack arguments above the frame");

static void put(RvAsm *a, RvOp op, unsigned rd, unsigned rs1, unsigned rs2, int32_t imm)
{
    RvInsn in;
    memset(&in, 0, sizeof in);
    in.op = (uint16_t)op, in.len = 4, in.rd = (uint8_t)rd, in.rs1 = (uint8_t)rs1, in.rs2 = (uint8_t)rs2;
    in.imm = imm;
    rv_asm_emit(a, &in);
}

/* The trampoline, one per code buffer's life (js->retired_tramp), reached
 * by `jal t0` from a retired body with the call's arguments in a0-a7 and
 * fa0-fa7, ra the caller's exception return point:
 *
 *     addi sp,sp,-80; sw ra,76(sp); sw a0-a7,0..28(sp); fsw fa0-fa7,32..60(sp)
 *     addi a0,t0,-4; mv a1,sp; mv a2,s11; call jit_rt_retired_call
 *     lw ra,76(sp); addi sp,sp,80
 *     bnez a0,1f; mv a0,a1; fmv.w.x fa0,a1; jalr zero,4(ra)   (returned)
 * 1:  jalr zero,0(ra)                                          (raised)
 */
static bool make_trampoline(JitState *js, uint32_t *slot, int32_t t0_adjust, const void *target)
{
    if (*slot)
        return true;
    if (!jit_code_buffer(js))
        return false;
    uint32_t at = (js->code_used + 3) & ~3u;
    if (at >= js->cfg.code_size)
        return false;
    RvAsm a;
    rv_asm_init(&a, js->code + at, js->cfg.code_size - at, (uint32_t)(uintptr_t)(js->code + at), true);
    put(&a, RV_ADDI, SP, SP, 0, -FRAME);
    put(&a, RV_SW, 0, SP, RA, RA_AT);
    for (unsigned i = 0; i < 8; i++) {
        put(&a, RV_SW, 0, SP, A0 + i, (int32_t)(4 * i));
        put(&a, RV_FSW, 0, SP, FA0 + i, (int32_t)(FARGS_AT + 4 * i));
    }
    put(&a, RV_ADDI, A0, T0, 0, t0_adjust);
    put(&a, RV_ADDI, A1, SP, 0, 0);
    put(&a, RV_ADDI, A2, DEPTH, 0, 0);
    rv_asm_call(&a, (uint32_t)(uintptr_t)target);
    put(&a, RV_LW, RA, SP, 0, RA_AT);
    put(&a, RV_ADDI, SP, SP, 0, FRAME);
    uint32_t raised = rv_asm_new_label(&a);
    rv_asm_branch(&a, RV_BNE, A0, ZERO, raised);
    put(&a, RV_ADDI, A0, A1, 0, 0);
    put(&a, RV_FMV_W_X, FA0, A1, 0, 0);
    put(&a, RV_JALR, ZERO, RA, 0, 4);
    rv_asm_bind(&a, raised);
    put(&a, RV_JALR, ZERO, RA, 0, 0);
    int st = rv_asm_finish(&a);
    size_t len = a.len;
    rv_asm_free(&a);
    if (st != RV_ASM_OK)
        return false;
    port_sync_code(js->code + at, len);
    *slot = at + 1;
    js->code_used = (uint32_t)((at + len + 3) & ~(size_t)3);
    return true;
}

/* The same trampoline for calls into the interpreter (vmcall.c): the
 * caller puts its call stub in t0 (`li t0, stub; call tramp`) and the
 * trampoline passes it on to jit_rt_vm_call. Made at the first such call
 * compiled (also on the host, whose listings show the calls). */
bool jit_vm_call_trampoline(JitState *js)
{
    return make_trampoline(js, &js->vm_call_tramp, 0, (const void *)jit_rt_vm_call);
}

bool jit_redirect_retired(JitState *js, JitSpec *spec)
{
    if (!js->code_exec || spec->state != SPEC_COMPILED || spec->body + 4 > spec->code_off + spec->code_len ||
        !make_trampoline(js, &js->retired_tramp, -4, (const void *)jit_rt_retired_call))
        return false;
    int32_t dist = (int32_t)(js->retired_tramp - 1) - (int32_t)spec->body;
    if (dist < -(1 << 20) || dist >= (1 << 20))
        return false;
    RvInsn j;
    memset(&j, 0, sizeof j);
    j.op = RV_JAL, j.len = 4, j.rd = T0, j.imm = dist;
    uint32_t w;
    if (!rv_encode(&j, &w))
        return false;
    memcpy(js->code + spec->body, &w, 4);
    port_sync_code(js->code + spec->body, 4);
    return true;
}
