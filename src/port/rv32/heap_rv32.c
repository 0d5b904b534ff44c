/*
 * heap_rv32.c - heap accounting for the bare-metal firmware: the linker
 * sends the program's malloc, calloc, realloc and free here
 * (-Wl,--wrap=..., firmware/CMakeLists.txt), which count the bytes picolibc
 * gives out (malloc_usable_size) and the peak. For `--stats` (peak heap) and
 * the JIT report (heap used while compiling): the memory figures a device
 * budget is made from (docs/espidf.md).
 *
 * picolibc's own calloc and realloc may call malloc and free, which the
 * linker sends here too: `inside` counts such nested calls only once.
 * Single-threaded firmware: no locking.
 */
#include "port/port.h"
#include "port/rv32/heap_rv32.h"

#include <malloc.h>
#include <stdlib.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);

static size_t in_use, peak, peak_mark;
static int inside;

static void grew(void *p)
{
    if (!p)
        return;
    in_use += malloc_usable_size(p);
    if (in_use > peak)
        peak = in_use;
    if (in_use > peak_mark)
        peak_mark = in_use;
}

void *__wrap_malloc(size_t n)
{
    inside++;
    void *p = __real_malloc(n);
    if (--inside == 0)
        grew(p);
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    inside++;
    void *p = __real_calloc(n, size);
    if (--inside == 0)
        grew(p);
    return p;
}

void *__wrap_realloc(void *p, size_t n)
{
    size_t old = p ? malloc_usable_size(p) : 0;
    inside++;
    void *q = __real_realloc(p, n);
    if (--inside == 0 && (q || n == 0)) { /* NULL for n > 0: p is untouched */
        in_use -= old;
        grew(q);
    }
    return q;
}

void __wrap_free(void *p)
{
    if (p && inside == 0)
        in_use -= malloc_usable_size(p);
    inside++;
    __real_free(p);
    inside--;
}

/* The JIT's code buffer, which port_rv32.c takes from sbrk (not malloc). */
void heap_rv32_count_code(long delta)
{
    in_use += (size_t)delta;
    if (in_use > peak)
        peak = in_use;
    if (in_use > peak_mark)
        peak_mark = in_use;
}

bool port_heap(PortHeap *out)
{
    out->in_use = in_use;
    out->peak = peak;
    out->peak_since_mark = peak_mark;
    return true;
}

void port_heap_mark(void) { peak_mark = in_use; }
