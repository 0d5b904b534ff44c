/*
 * heap_rv32.h - what the firmware's heap accounting (heap_rv32.c) offers
 * the rest of the RV32 port.
 */
#ifndef P4_PORT_HEAP_RV32_H
#define P4_PORT_HEAP_RV32_H

/* Counts memory the port takes outside malloc (the JIT's code buffer, from
 * sbrk) in the heap figures: delta bytes more (or fewer) in use. */
void heap_rv32_count_code(long delta);

#endif
