/*
 * vector.c - PIE vectorisation (to be written).
 */
#include "jit/ir.h"

void ir_vectorize(Ir *ir)
{
    (void)ir;
}
