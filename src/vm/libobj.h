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

extern const LibMethods stdio_methods, stringio_methods, weakref_methods, finalize_methods;

/* weakref (vm/weakrefmod.c): calling a ref or a finalizer; running the
 * callbacks the collector queued (false: MemoryError pending) */
bool weakref_call(VM *vm, Value self, Value *args, int nargs, Tuple *kw, Value *out);
bool weakref_run_pending(VM *vm);
void weakref_at_exit(VM *vm); /* the program ended: queued callbacks, then atexit finalizers */
extern const TypeObj type_weakref, type_finalize;

/* operator.itemgetter, attrgetter, methodcaller (vm/opgetters.c): calling one, its repr, its type's name */
bool operator_getter_call(VM *vm, Value fn, Value *args, int nargs, Tuple *kwnames, Value *out);
bool operator_getter_repr(VM *vm, StrBuf *sb, Value v);
const char *operator_getter_type_name(const LibObj *o);
const TypeObj *operator_getter_type(Value v);
extern const Module module__operator;

/* io.StringIO and text files (vm/iomod.c): iteration over lines, `with`'s
 * __exit__ (closes), and open(path, 'r'). */
bool stringio_iter(VM *vm, Value f, Value *out);
extern const Native stringio_exit;
bool text_file_open(VM *vm, const char *path, Value *out);

/* The value of keyword argument `name` among a native's arguments, or NULL;
 * *npos gets the number of positional arguments. Raises TypeError for an
 * unknown keyword (allowed: NULL-terminated list) and returns false. */
/* Attribute `name` of the Python module `module` (imported first: one of
 * lib/std's frozen modules), for native modules whose classes are written
 * in Python (collections.OrderedDict, io.BytesIO, ...). */
bool lib_py_attr(VM *vm, const char *module, const char *name, Value *out);

bool lib_kwargs(VM *vm, Value *args, int nargs, Tuple *kw, const char *fn, const char *const *allowed,
                Value **found, int *npos);


#endif
