/*
 * memview.h - memoryview (vm/memview.c): a window onto the buffer of a
 * bytes, bytearray or array, read and written without copying.
 */
#ifndef P4_MEMVIEW_H
#define P4_MEMVIEW_H

#include "vm/vm.h"

#define MEMVIEW_READONLY 0x01 /* hdr.flags: a view of bytes */
#define MEMVIEW_RELEASED 0x02 /* hdr.flags: release() was called; every use raises ValueError */

typedef struct MemView { /* T_MEMVIEW; hdr.aux: the format character ('B', an array's typecode, a cast's) */
    Obj hdr;
    Value base;     /* the bytes, bytearray or array viewed */
    uint32_t start; /* byte offset of item 0 in the base's buffer */
    int32_t stride; /* bytes from one item to the next (negative: backwards) */
    uint32_t len;   /* items */
} MemView;

/* The view's bytes when they are contiguous (false when the base was resized
 * under the window, or the view has a step). */
bool memview_bytes(Value v, uint8_t **data, uint32_t *len);
uint32_t memview_len(Value v);
/* ValueError for a released view (len(), ...); true when usable */
bool memview_check_released(VM *vm, Value v);
/* `with view:` (class.c's class_enter): the bound __exit__ releases it */
bool memview_with(VM *vm, Value v, Value *exit_fn, Value *entered);
bool memview_getitem(VM *vm, Value v, Value key, Value *out);
bool memview_setitem(VM *vm, Value v, Value key, Value value);
bool memview_item(VM *vm, Value v, uint32_t i, Value *out);
/* == with a memoryview on either side: item by item against any buffer */
bool memview_equal(VM *vm, Value a, Value b, bool *out);
/* its attributes and methods: 1 found, 0 raised, -1 not one of them */
int memview_attr(VM *vm, Value obj, Str *name, Value *out);
/* bytes(m), bytearray(m): *v becomes the view's bytes as a bytes object */
bool memview_to_bytes(VM *vm, Value *v);

extern const Native bi_memoryview;
extern const TypeObj type_memoryview;

#endif
