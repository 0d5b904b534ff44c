/*
 * libobj.h - what the native library modules share (vm/libobj.c): method
 * tables of their object kinds, and argument helpers.
 */
#ifndef P4_LIBOBJ_H
#define P4_LIBOBJ_H

#include "vm/vm.h"

typedef struct LibMethods {
    const Native *const *methods; /* each takes self first */
    uint32_t n;
    /* data attributes: 1 found (*out set), 0 raised, -1 no such attribute */
    int (*data_attr)(VM *vm, LibObj *o, const Str *name, Value *out);
} LibMethods;

extern const LibMethods stdio_methods, stringio_methods;

/* The value of keyword argument `name` among a native's arguments, or NULL;
 * *npos gets the number of positional arguments. Raises TypeError for an
 * unknown keyword (allowed: NULL-terminated list) and returns false. */
bool lib_kwargs(VM *vm, Value *args, int nargs, Tuple *kw, const char *fn, const char *const *allowed,
                Value **found, int *npos);


#endif
