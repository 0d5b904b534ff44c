/*
 * pie_exec.h - p4sim's execution of the ESP32-P4 PIE (128-bit SIMD) and
 * hardware-loop (esp.lp.*) instructions.
 *
 * Every semantic choice lives in pie_exec.c and is explained, one row per
 * instruction, in docs/pie-semantics.md. The run loop reaches PIE through
 * one handler (H_PIE) and the hardware loops through H_LP (setup) and
 * H_LPEND (the marked last instruction of a loop body); see sim.c.
 */
#ifndef P4_SIM_PIE_EXEC_H
#define P4_SIM_PIE_EXEC_H

#include <stdbool.h>
#include <stdint.h>

#include "rv32/rv32.h"

struct P4Sim;
struct SimOp;

/* Cycle-model scoreboard of the PIE registers (the core's table in cycle.h
 * covers only x and f): q0..q7, then QACC, XACC. */
enum { PIE_RDY_QACC = 8, PIE_RDY_XACC = 9, PIE_RDY_COUNT = 10 };

/* Fills the PIE part of a decode-cache entry from a decoded PIE or esp.lp.*
 * instruction of revision rev: the packed operands, the cycle class, the x
 * register scoreboard ids and the result latency. */
void pie_pack(const RvInsn *in, RvRev rev, struct SimOp *o);

/* Executes the PIE instruction o at the current pc. model: account q
 * register dependencies in the cycle model, `now` being the cycle count
 * before this instruction; *extra receives the stall cycles. Returns 0, or a
 * trap cause (load/store misaligned or access fault) with *tval the address;
 * on a trap no state has changed (precise). */
unsigned pie_exec(struct P4Sim *s, const struct SimOp *o, bool model, uint64_t now, unsigned *extra,
                  uint32_t *tval);

/* Executes an esp.lp.* instruction at pc (loop registers only). */
void pie_lp_exec(struct P4Sim *s, const struct SimOp *o, uint32_t pc);

/* The last instruction of a loop body, at end_pc, retired and fell through:
 * returns true with *start when the loop goes round again (the count
 * register is decremented in any case). Loop 0 is tried before loop 1, so a
 * nested pair ending on the same instruction works with loop 0 inside. */
bool pie_lp_back(struct P4Sim *s, uint32_t end_pc, uint32_t *start);

/* Whether pc is the last instruction of a loop that still has iterations
 * (its decode-cache entry must then be marked H_LPEND). */
bool pie_lp_is_end(const struct P4Sim *s, uint32_t pc);

#endif
