/*
 * port.h - everything the runtime core needs from the machine it runs on.
 *
 * One implementation per target: port_host.c (POSIX host), port_rv32.c
 * (bare-metal RV32 with picolibc semihosting), port_espidf.c (ESP-IDF).
 * The core uses nothing else of the platform.
 */
#ifndef P4_PORT_H
#define P4_PORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Console output: fd 1 is stdout, fd 2 stderr. */
void port_write(int fd, const char *data, size_t len);

/* Memory for the object heap and the value stack (allocated once at start). */
void *port_alloc(size_t size);
void port_free(void *p);

/* Reads a whole file into a malloc'd buffer (NUL-terminated for convenience).
 * Returns 0, or -1 with a message in err. */
int port_read_file(const char *path, char **data, size_t *len, char *err, size_t errlen);

/* Counters for the p4 module: a cycle counter and a retired-instruction
 * counter where the hardware has them (RV32: rdcycle/rdinstret), otherwise a
 * monotonic clock in nanoseconds; and the counter's frequency in Hz. */
uint64_t port_cycles(void);
uint64_t port_instret(void);
uint32_t port_cpu_hz(void);

/* The wall clock (time.time): seconds since 1970 in *sec and *nsec, or false
 * where the platform has none (bare metal: time.time counts from start-up). */
bool port_wall_clock(int64_t *sec, int32_t *nsec);
/* Waits us microseconds: a sleep that lets other tasks run where there is a
 * scheduler (the host, ESP-IDF), a wait on the cycle counter on bare metal. */
void port_sleep_us(uint64_t us);

/* Executable memory for generated code (the JIT): NULL where code cannot be
 * generated (the host port; ESP-IDF with memory protection on). After
 * writing code into it, port_sync_code makes the instruction fetch see it
 * (cache write-back and invalidate, fence.i). */
void *port_alloc_code(size_t size);
void port_free_code(void *p);
void port_sync_code(void *p, size_t size);

/* Ports that define P4_PORT_PIE_PROBE (ESP-IDF) only: the PIE encoding the
 * chip runs, from its silicon revision: 0 none, 1 (before rev 3.0) or 3. */
uint8_t port_pie_encoding(void);

/* Heap accounting (malloc, calloc, realloc, free) where the port keeps it
 * (the RV32 firmware: heap_rv32.c); false elsewhere. peak: the most in use
 * at once since start; peak_since_mark: since the last port_heap_mark(). */
typedef struct PortHeap {
    size_t in_use, peak, peak_since_mark;
} PortHeap;
bool port_heap(PortHeap *out);
void port_heap_mark(void);
/* The lowest address C code may push the stack to before it stops
 * recursing (RecursionError): the stack's real end plus a margin for the
 * code that runs between two checks. 0 when the port does not know. */
uintptr_t port_stack_limit(void);

#endif
