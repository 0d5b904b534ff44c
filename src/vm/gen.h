/*
 * gen.h - generator objects (gen.c) and their resumption (interp.c).
 */
#ifndef P4_GEN_H
#define P4_GEN_H

#include "vm/vm.h"

/* How vm_gen_resume continues a suspended generator. */
enum GenResume {
    RESUME_SEND,     /* the suspended yield evaluates to `sent` */
    RESUME_THROW,    /* vm->exc is raised at the suspended yield */
    RESUME_CONTINUE, /* continue at gen->pc with the saved stack as it is */
};

/* Runs g until it yields (returns 1, *out = the yielded value), returns
 * (0, *out = the return value) or raises (-1). interp.c. */
int vm_gen_resume(VM *vm, Gen *g, enum GenResume mode, Value sent, Value *out);

/* A suspended generator for the frame of fn whose locals and value stack are
 * frame[0..nvalues), to continue at pc (gen.c). */
Gen *gen_new(VM *vm, Function *fn, const Value *frame, uint32_t nvalues, uint32_t pc);
/* next(g) for the iteration protocol: 1 with *out, 0 when exhausted, -1. */
int gen_next(VM *vm, Gen *g, Value *out);
/* g.send(v) with the yield-from semantics of CPython's SEND: 1 yielded,
 * 0 returned (*out = its value), -1 raised. */
int gen_send(VM *vm, Gen *g, Value v, Value *out);
/* g.close(): true, or false with the exception pending. */
bool gen_close(VM *vm, Gen *g);
/* inner.name(args...) for an iterator a `yield from` delegates to that is
 * not a generator (its send, throw, close): 1 with *out, -1 raised, 2 when
 * inner has no such method. */
int gen_call_delegate(VM *vm, Value inner, const char *name, Value *args, int nargs, Value *out);
/* The generator function's name, for repr. */
Str *gen_name(const Gen *g);

extern const MethodEntry gen_methods[];
extern const uint32_t n_gen_methods;

#endif
