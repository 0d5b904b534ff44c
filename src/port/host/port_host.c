/*
 * port_host.c - the port layer on a POSIX host.
 */
#define _POSIX_C_SOURCE 200809L
#include "port/port.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

void port_write(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return; /* nowhere to report a failing console */
        }
        data += n;
        len -= (size_t)n;
    }
}

void *port_alloc(size_t size) { return malloc(size); }
void port_free(void *p) { free(p); }

int port_read_file(const char *path, char **data, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "can't open file '%s': %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        cap *= 2;
        char *nb = realloc(buf, cap + 1);
        if (!nb) {
            free(buf);
            buf = NULL;
        }
        buf = nb;
    }
    int failed = ferror(f);
    fclose(f);
    if (!buf || failed) {
        free(buf);
        snprintf(err, errlen, "can't read file '%s'", path);
        return -1;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

static uint64_t monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The host has no portable cycle or instruction counter: both count
 * nanoseconds of a monotonic clock, and the "frequency" is 1 GHz. */
uint64_t port_cycles(void) { return monotonic_ns(); }
uint64_t port_instret(void) { return monotonic_ns(); }
uint32_t port_cpu_hz(void) { return 1000000000u; }

bool port_wall_clock(int64_t *sec, int32_t *nsec)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
        return false;
    *sec = (int64_t)ts.tv_sec;
    *nsec = (int32_t)ts.tv_nsec;
    return true;
}

void port_sleep_us(uint64_t us)
{
    struct timespec ts = {(time_t)(us / 1000000u), (long)(us % 1000000u * 1000u)};
    while (nanosleep(&ts, &ts) != 0)
        ;
}

/* JIT-generated code is RV32 and never runs on the host. */
void *port_alloc_code(size_t size) { (void)size; return NULL; }
void port_free_code(void *p) { (void)p; }
void port_sync_code(void *p, size_t size) { (void)p; (void)size; }

/* no heap accounting on the host (the figures are the device's) */
bool port_heap(PortHeap *out) { (void)out; return false; }
void port_heap_mark(void) {}
/* The main thread's stack: its size limit below the first caller's frame
 * (the VM is made near main), less a quarter for what runs between checks
 * (the sanitizers' frames are several times larger). */
uintptr_t port_stack_limit(void)
{
    struct rlimit rl;
    size_t size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < ((rlim_t)1 << 30))
        size = (size_t)rl.rlim_cur;
    uintptr_t top = (uintptr_t)__builtin_frame_address(0);
    size -= size / 4;
    return top > size ? top - size : 0;
}
