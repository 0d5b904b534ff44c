/*
 * port_rv32.c - the port layer for bare-metal RV32 with picolibc, where the
 * console and files go through semihosting to the host running the
 * simulator (p4sim or QEMU).
 */
#include "port/port.h"
#include "port/rv32/heap_rv32.h"

#include <semihost.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef P4_CPU_HZ
#define P4_CPU_HZ 400000000u /* ESP32-P4 rev >= 3.0 (360 MHz before) */
#endif

/*
 * The console. picolibc's semihosting stdio has one stream for stdin, stdout
 * and stderr, written a character at a time with SYS_WRITEC, which the host
 * prints on its stdout: a traceback arrived on stdout. Semihosting's
 * SH_EXT_STDOUT_STDERR extension (QEMU, p4sim) gives two consoles instead:
 * ":tt" opened for writing is the host's stdout, opened for appending its
 * stderr. port_write sends each piece with one SYS_WRITE, at once (nothing
 * is held in the firmware, so a trap or a killed simulator loses nothing
 * already written), and the streams below replace picolibc's so that
 * printf and fprintf(stderr) take the same path. Without the extension,
 * everything goes to SYS_WRITEC as before.
 */
#define TT_WRITE  4 /* semihosting open modes: "w" and "a" */
#define TT_APPEND 8

static int console_handle(int fd)
{
    static int handle[3] = {-2, -2, -2}; /* -2: not asked yet, -1: no such console */
    if (handle[fd] == -2) {
        handle[fd] = -1;
        if (sys_semihost_feature(SH_EXT_STDOUT_STDERR) > 0)
            handle[fd] = sys_semihost_open(":tt", fd == 2 ? TT_APPEND : TT_WRITE);
        if (handle[fd] < 0)
            handle[fd] = -1;
    }
    return handle[fd];
}

void port_write(int fd, const char *data, size_t len)
{
    int h = console_handle(fd == 2 ? 2 : 1);
    if (h < 0) {
        for (size_t i = 0; i < len; i++)
            sys_semihost_putc(data[i], stdout);
        return;
    }
    sys_semihost_write(h, data, len);
}

static int put_stdout(char c, FILE *f)
{
    (void)f;
    port_write(1, &c, 1);
    return (unsigned char)c;
}

static int put_stderr(char c, FILE *f)
{
    (void)f;
    port_write(2, &c, 1);
    return (unsigned char)c;
}

/*
 * Console input. With the extension, ":tt" opened for reading is the host's
 * stdin as a plain host descriptor (QEMU 7.2: arm-compat-semi.c's SYS_OPEN
 * maps it to STDIN_FILENO; p4sim: its input stream), read here with SYS_READ
 * one byte at a time: a byte is handed over as soon as the host has it (a
 * terminal's read(2) returns what is there), and a host end of file is an
 * end of file here. Under QEMU this needs no semihosting chardev, whose
 * input path did not work: SYS_READC reads the chardev's FIFO and halts the
 * vCPU while it is empty (semihosting/console.c), and in our runs the vCPU,
 * woken when QEMU's main loop had read the typed line into the FIFO, halted
 * again without SYS_READC returning. Without the extension: SYS_READC, which
 * has no end of file (it returns -1, read as 0xFF).
 */
static int get_stdin(FILE *f)
{
    static int handle = -2;
    if (handle == -2) {
        handle = -1;
        if (sys_semihost_feature(SH_EXT_STDOUT_STDERR) > 0)
            handle = sys_semihost_open(":tt", 0);
        if (handle < 0)
            handle = -1;
    }
    if (handle < 0)
        return sys_semihost_getc(f);
    unsigned char c;
    if (sys_semihost_read(handle, &c, 1) != 0) /* SYS_READ returns the bytes not read */
        return _FDEV_EOF;
    return c;
}

static FILE console_in = FDEV_SETUP_STREAM(NULL, get_stdin, NULL, _FDEV_SETUP_READ);
static FILE console_out = FDEV_SETUP_STREAM(put_stdout, NULL, NULL, _FDEV_SETUP_WRITE);
static FILE console_err = FDEV_SETUP_STREAM(put_stderr, NULL, NULL, _FDEV_SETUP_WRITE);
/* defining all three keeps picolibc's single-stream iob.c out of the link */
FILE *const stdin = &console_in;
FILE *const stdout = &console_out;
FILE *const stderr = &console_err;

void *port_alloc(size_t size) { return malloc(size); }
void port_free(void *p) { free(p); }

int port_read_file(const char *path, char **data, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "can't open file '%s'", path);
        return -1;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
        char *nb = realloc(buf, cap + 1);
        if (!nb)
            free(buf);
        buf = nb;
    }
    fclose(f);
    if (!buf) {
        snprintf(err, errlen, "out of memory reading '%s'", path);
        return -1;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

/* 64-bit reads of the 32-bit counter pairs: re-read if the high half moved. */
#define READ_COUNTER64(lo, hi)                                           \
    uint32_t h1, l, h2;                                                  \
    do {                                                                 \
        __asm__ volatile("csrr %0, " hi : "=r"(h1));                     \
        __asm__ volatile("csrr %0, " lo : "=r"(l));                      \
        __asm__ volatile("csrr %0, " hi : "=r"(h2));                     \
    } while (h1 != h2);                                                  \
    return ((uint64_t)h1 << 32) | l

uint64_t port_cycles(void) { READ_COUNTER64("mcycle", "mcycleh"); }
uint64_t port_instret(void) { READ_COUNTER64("minstret", "minstreth"); }
uint32_t port_cpu_hz(void) { return P4_CPU_HZ; }

bool port_wall_clock(int64_t *sec, int32_t *nsec)
{
    (void)sec, (void)nsec;
    return false; /* no real-time clock is kept on the bare chip */
}

/* No scheduler: wait on the cycle counter. */
void port_sleep_us(uint64_t us)
{
    uint64_t end = port_cycles() + us * (P4_CPU_HZ / 1000000u);
    while (port_cycles() < end)
        ;
}

/* Bare metal in machine mode (QEMU virt, p4sim): all RAM is executable, so
 * code lives in ordinary memory; fence.i orders the stores before fetches.
 * The buffer comes from sbrk, not malloc: picolibc's malloc clears every
 * block it gives out, and a 256 KB buffer cleared cost the first compile of
 * every program about 98 k instructions (ESP-IDF's heap_caps_malloc clears
 * nothing). sbrk memory never goes back, so the one buffer is kept for the
 * next JIT (the REPL makes one per input); heap_rv32.c counts it in use. */
static uint8_t *code_kept;
static size_t code_kept_size;
static bool code_kept_busy;

void *port_alloc_code(size_t size)
{
    if (!code_kept_busy && code_kept && code_kept_size >= size) {
        code_kept_busy = true;
        heap_rv32_count_code((long)code_kept_size);
        return code_kept;
    }
    if (!code_kept_busy) {
        /* (picolibc's malloc leaves the break 4 past an 8-byte boundary; its
         * blocks were 8-aligned: this one is aligned to 16) */
        void *p = sbrk((ptrdiff_t)(((size + 15) & ~(size_t)15) + 16));
        if (p != (void *)-1) {
            code_kept = (uint8_t *)(((uintptr_t)p + 15) & ~(uintptr_t)15);
            code_kept_size = size, code_kept_busy = true;
            heap_rv32_count_code((long)size);
            return code_kept;
        }
    }
    return malloc(size);
}

void port_free_code(void *p)
{
    if (p && p == code_kept) {
        code_kept_busy = false;
        heap_rv32_count_code(-(long)code_kept_size);
    } else
        free(p);
}

void port_sync_code(void *p, size_t size)
{
    (void)p;
    (void)size;
    __asm__ volatile("fence.i" ::: "memory");
}

/* The stack is the top __stack_size bytes of RAM, from __heap_end (the
 * malloc heap's end, firmware/CMakeLists.txt) up to __stack. Its lowest
 * P4_STACK_GUARD bytes are a guard nothing uses (p4sim can fault on any
 * access there: docs/p4sim.md); recursion stops P4_STACK_HEADROOM above it,
 * room for the deepest C call chain between two checks (the semihosting
 * printf, the compiler's expression parser). */
#ifndef P4_STACK_GUARD
#define P4_STACK_GUARD 4096u
#endif
#ifndef P4_STACK_HEADROOM
#define P4_STACK_HEADROOM 32768u
#endif
extern char __heap_end[];
uintptr_t port_stack_limit(void) { return (uintptr_t)__heap_end + P4_STACK_GUARD + P4_STACK_HEADROOM; }
