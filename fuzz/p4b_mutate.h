/*
 * p4b_mutate.h - damages a valid .p4b image the way a hostile or broken file
 * would, then repairs its header, declared size and CRC so that the loader's
 * deeper checks (instructions, stack discipline, constants, exception
 * tables) are what has to catch it. Shared by the libFuzzer target's custom
 * mutator (fuzz_p4b.c) and the deterministic sweep of the normal build
 * (p4b_sweep.c).
 */
#ifndef P4_P4B_MUTATE_H
#define P4_P4B_MUTATE_H

#include <stddef.h>
#include <stdint.h>

/* Mutates data[0..size) in place (at most max_size bytes) with choices drawn
 * from seed; the same seed and input give the same output. Returns the new
 * size. */
size_t p4b_mutate(uint8_t *data, size_t size, size_t max_size, uint32_t seed);

/* Makes the magic, version, declared size and trailing CRC right for an
 * image of size bytes (nothing when it is too short to hold them). */
void p4b_fix_envelope(uint8_t *data, size_t size);

#endif
