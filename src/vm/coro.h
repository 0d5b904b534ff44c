/*
 * coro.h - coroutines (vm/coro.c): the instructions of await, async with
 * and async for, and the types module.
 */
#ifndef P4_CORO_H
#define P4_CORO_H

#include "vm/vm.h"

/* Was g made by an `async def`? */
bool gen_is_coroutine(const Gen *g);
bool coro_awaitable(VM *vm, Value *v);
bool coro_before_async_with(VM *vm, Value *sp);
bool coro_with_except(VM *vm, Value *sp);
bool coro_aiter(VM *vm, Value *v);
bool coro_anext(VM *vm, Value aiter, Value *out);
bool coro_ends_loop(Value exc);
/* The method qid names on a generator or coroutine (a coroutine also has
 * __await__), or NULL. */
const Native *coro_method(Value obj, uint16_t qid);

extern const Module module_types;
extern const TypeObj type_coroutine;

#endif
