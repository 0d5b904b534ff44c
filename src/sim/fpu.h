/* fpu.h - RV32F operations on raw binary32 bits; flags use the fflags layout. */
#ifndef P4_SIM_FPU_H
#define P4_SIM_FPU_H
#include <stdbool.h>
#include <stdint.h>
enum { FPU_ADD, FPU_SUB, FPU_MUL, FPU_DIV, FPU_SQRT, FPU_MADD, FPU_MSUB, FPU_NMSUB, FPU_NMADD };
/* rm: 0..4 (already resolved from DYN) */
uint32_t fpu_arith(int op, uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *flags);
uint32_t fpu_cvt_w(uint32_t a, int rm, bool unsig, unsigned *flags);
uint32_t fpu_cvt_s(uint32_t a, int rm, bool unsig, unsigned *flags);
uint32_t fpu_minmax(uint32_t a, uint32_t b, bool max, unsigned *flags);
uint32_t fpu_cmp(int op, uint32_t a, uint32_t b, unsigned *flags); /* 0 eq, 1 lt, 2 le */
uint32_t fpu_class(uint32_t a);
#endif
