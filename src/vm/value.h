/*
 * value.h - the tagged value every stack slot, local, global and container
 * element holds.
 *
 * Ints that fit 32 bits (larger ones are T_LONG objects, vm/long.h), floats (IEEE binary32), bools and None are stored unboxed in
 * the value itself, so numeric code never allocates. Everything else is a
 * pointer to an object whose header repeats the tag. A Value is 8 bytes on
 * RV32 (tag + payload), 16 on a 64-bit host.
 */
#ifndef P4_VALUE_H
#define P4_VALUE_H

#include <stdbool.h>
#include <stdint.h>

typedef enum Type {
    T_UNBOUND = 0, /* internal: empty local/global slot, dict tombstone, "no self" marker */
    /* immediates */
    T_NONE,
    T_BOOL,
    T_INT,
    T_FLOAT,
    /* objects: u.obj points to an Obj whose type field equals the tag */
    T_STR,
    T_BYTES,
    T_BYTEARRAY,
    T_TUPLE,
    T_LIST,
    T_DICT,
    T_DICTVIEW,   /* dict.keys() / values() / items() */
    T_RANGE,
    T_SLICE,
    T_ARRAY,      /* array.array */
    T_FUNCTION,   /* a Python function: code + defaults */
    T_NATIVE,     /* a built-in function or method implemented in C */
    T_BOUNDMETHOD,/* native method bound to its object: x = lst.append */
    T_MODULE,     /* built-in module: math, array, p4 */
    T_TYPE,       /* a class: int, str, ValueError, ... */
    T_EXCEPTION,  /* an exception instance */
    T_ITER,       /* an iterator (kind in Obj.aux) */
    T_CODE,       /* internal: a code object */
    T_PROGRAM,    /* internal: a loaded program (globals, strings, code) */
    T_RAW,        /* internal: a GC-managed buffer owned by another object */
    T_FILE,       /* a file opened by open() (vm/file.c) */
    T_CELL,       /* internal: a closure variable's box (interp.c) */
    T_ELLIPSIS,   /* the Ellipsis singleton (`...`); static */
    T_INSTANCE,   /* an instance of a user class (vm/class.c) */
    T_DESCR,      /* staticmethod, classmethod, property or super object (kind in Obj.aux) */
    T_GEN,        /* a generator object (vm/gen.c) */
    T_SET,        /* set (vm/set.c) */
    T_FROZENSET,  /* frozenset: the Set layout, immutable and hashable */
    T_LIBOBJ,     /* an object of a native library module: deque, StringIO, ... (vm/libobj.c) */
    T_LONG,       /* an int outside int32 (vm/long.h); never equal to a T_INT */
    T_COMPLEX,    /* a complex number: two binary32 parts (vm/complex.c) */
    T_MEMVIEW,    /* a memoryview of a bytes, bytearray or array (vm/memview.c) */
    T__COUNT
} Type;

#define T_FIRST_OBJ T_STR

struct Obj;

typedef struct Value {
    uint32_t type; /* enum Type */
    union {
        int32_t i;  /* T_INT, T_BOOL (0 or 1) */
        float f;    /* T_FLOAT */
        struct Obj *obj;
    } u;
} Value;

static inline Value v_int(int32_t i)   { Value v; v.type = T_INT; v.u.obj = 0; v.u.i = i; return v; }
static inline Value v_float(float f)   { Value v; v.type = T_FLOAT; v.u.obj = 0; v.u.f = f; return v; }
static inline Value v_bool(bool b)     { Value v; v.type = T_BOOL; v.u.obj = 0; v.u.i = b; return v; }
static inline Value v_none(void)       { Value v; v.type = T_NONE; v.u.obj = 0; return v; }
static inline Value v_unbound(void)    { Value v; v.type = T_UNBOUND; v.u.obj = 0; return v; }
static inline Value v_obj(void *o);    /* defined in obj.h: takes the tag from the header */

static inline bool v_is_obj(Value v)   { return v.type >= T_FIRST_OBJ; }
/* int or bool: bool is a subclass of int in Python */
static inline bool v_is_intlike(Value v) { return v.type == T_INT || v.type == T_BOOL; }
static inline bool v_is_number(Value v)  { return v.type == T_INT || v.type == T_BOOL || v.type == T_FLOAT; }
/* Numeric value as float (int or bool or float). */
static inline float v_as_float(Value v)  { return v.type == T_FLOAT ? v.u.f : (float)v.u.i; }

#endif
