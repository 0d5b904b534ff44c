/*
 * long.h - Python ints of any size (T_LONG), beside the unboxed 32-bit T_INT.
 *
 * What this offers:
 * - A heap object, Long: sign and magnitude, the magnitude in 16-bit limbs,
 *   least significant first, no leading zero limb. 16-bit limbs keep every
 *   product and every two-limb dividend in a uint32_t, which RV32IM
 *   multiplies and divides in one instruction each.
 * - One representation per value: every result that fits int32 is returned
 *   as T_INT, so a T_LONG is always outside [-2**31, 2**31). Code that sees
 *   T_INT never has to ask whether an equal T_LONG exists.
 * - Python's semantics for every int operator on any mix of T_INT, T_BOOL
 *   and T_LONG (floor division and modulo signs, two's-complement bitwise
 *   operators on negatives, negative shift counts), exact comparison with
 *   binary32 floats, CPython's hash, conversion from and to text.
 * - Complexity: add/sub/bitwise/shift O(n); multiply schoolbook O(n*m);
 *   division Knuth's algorithm D O(n*m); str() and int(str) O(n**2) (repeated
 *   short division by 10**4 / multiply-add); pow by squaring
 *   O(log e) multiplications. Working storage is malloc'd (never the object
 *   heap), so nothing here collects until the result object is made.
 */
#ifndef P4_LONG_H
#define P4_LONG_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/obj.h"

#define LONG_NEG 0x01 /* hdr.flags: the value is negative */

typedef struct Long { /* T_LONG; immutable */
    Obj hdr;
    uint32_t n;        /* limbs, n >= 2 (a T_LONG never fits int32) */
    uint16_t d[];      /* magnitude, least significant limb first */
} Long;

/* Int-valued: T_INT, T_BOOL or T_LONG. */
static inline bool v_is_anyint(Value v) { return v.type == T_INT || v.type == T_BOOL || v.type == T_LONG; }

/* a OP b for int-valued a and b (at least one may be T_LONG, or both small
 * with a result that overflowed int32). op is a BINARY_* / INPLACE_* opcode;
 * true division gives a float (OverflowError when too large). Returns false
 * with no exception set if op is not an int operator. */
bool long_binary_op(VM *vm, unsigned op, Value a, Value b, Value *out);
/* -a, ~a, abs(a) for int-valued a. */
bool long_neg(VM *vm, Value a, Value *out);
bool long_invert(VM *vm, Value a, Value *out);
bool long_abs(VM *vm, Value a, Value *out);
/* pow(a, b, m) for int-valued arguments, negative b via the modular inverse. */
bool long_powmod(VM *vm, Value a, Value b, Value m, Value *out);
/* A value from a 64-bit int (T_INT when it fits). */
bool long_from_i64(VM *vm, int64_t x, Value *out);
/* The value as int64 when it fits (false otherwise; no exception). */
bool long_to_i64(Value v, int64_t *out);

/* Three-way comparison of int-valued a and b: -1, 0, 1. */
int long_cmp(Value a, Value b);
/* Exact comparison of an int-valued a with a float f: -1, 0, 1, or 2 when f is NaN. */
int long_cmp_float(Value a, float f);
/* float(a), correctly rounded to binary32; OverflowError when too large.
 * a may also be a float (returned as it is). */
bool long_to_float(VM *vm, Value a, float *out);
/* truncf, right for every float (the firmware's libm is not: long.c). */
float long_truncf(float f);
/* int(f) (truncated) of any size; ValueError for NaN, OverflowError for inf. */
bool long_from_float(VM *vm, float f, Value *out);
/* CPython's hash: the value modulo 2**61-1 with the sign, -1 -> -2. */
int64_t long_hash(Value a);
/* CPython's hash of a finite float (the same for an integral float as for the equal int). */
int64_t long_hash_float(float f);

/* CPython 3.11's limit on decimal text of ints (sys.int_info's default
 * str_digits_check_threshold): str() and int(str) beyond it raise
 * ValueError, which also bounds their quadratic cost. */
#define LONG_MAX_STR_DIGITS 4300
/* Whether |a| has more than LONG_MAX_STR_DIGITS decimal digits. */
bool long_decimal_too_long(Value a);

/* Text: digits of |a| in base 2, 8, 10 or 16 (lowercase), no sign or
 * prefix, appended to sb. */
void long_digits(StrBuf *sb, Value a, int base);
static inline bool long_is_neg(Value a) { return a.type == T_LONG ? (AS(Long, a)->hdr.flags & LONG_NEG) != 0 : a.u.i < 0; }
/* int(text, base) for a body already stripped of sign, prefix and spaces:
 * digits and single underscores between digits. Returns false (no exception
 * set) for a bad digit; raises MemoryError itself (then vm->exc is set). */
bool long_parse(VM *vm, const char *p, const char *end, int base, bool neg, Value *out);

/* int.bit_length(), int.to_bytes(), int.from_bytes() helpers. */
uint32_t long_bit_length(Value a);
uint32_t long_bit_count(Value a); /* the ones in |a| (int.bit_count) */
bool long_to_bytes(VM *vm, Value a, uint32_t length, bool little, bool is_signed, uint8_t *buf);
bool long_from_bytes(VM *vm, const uint8_t *buf, uint32_t len, bool little, bool is_signed, Value *out);

#endif
