/*
 * port_espidf.c - the port layer on ESP-IDF (ESP32-P4).
 *
 * Console and files go through ESP-IDF's VFS (stdio). Memory comes from the
 * capability heap. Generated code needs memory that is both writable and
 * executable: ESP-IDF gives MALLOC_CAP_EXEC memory only when memory
 * protection is off (CONFIG_ESP_SYSTEM_MEMPROT=n; with it on, L2MEM is split
 * into RX and RW parts). After writing code, the data cache is written back
 * and the instruction cache invalidated with esp_cache_msync, then fence.i
 * (see ../shared/reference/esp32p4.md, "Running generated code").
 */
#include "port/port.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esp_cache.h"
#include "esp_cpu.h"
#include "esp_heap_caps.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "sdkconfig.h"

#define CACHE_LINE 64u /* esp_cache_msync wants line-aligned ranges */

void port_write(int fd, const char *data, size_t len)
{
    FILE *f = fd == 2 ? stderr : stdout;
    fwrite(data, 1, len, f);
    fflush(f);
}

void *port_alloc(size_t size) { return heap_caps_malloc(size, MALLOC_CAP_8BIT); }
void port_free(void *p) { heap_caps_free(p); }

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

uint64_t port_cycles(void) { return esp_cpu_get_cycle_count(); }

uint64_t port_instret(void)
{
    uint32_t n;
    __asm__ volatile("csrr %0, minstret" : "=r"(n));
    return n;
}

uint32_t port_cpu_hz(void) { return CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ * 1000000u; }

void *port_alloc_code(size_t size)
{
#if CONFIG_ESP_SYSTEM_MEMPROT
    (void)size;
    return NULL; /* memory protection forbids writable executable memory */
#else
    size = (size + CACHE_LINE - 1) & ~(size_t)(CACHE_LINE - 1);
    return heap_caps_aligned_alloc(CACHE_LINE, size, MALLOC_CAP_EXEC | MALLOC_CAP_32BIT);
#endif
}

void port_free_code(void *p) { heap_caps_free(p); }

void port_sync_code(void *p, size_t size)
{
    uintptr_t start = (uintptr_t)p & ~(uintptr_t)(CACHE_LINE - 1);
    uintptr_t end = ((uintptr_t)p + size + CACHE_LINE - 1) & ~(uintptr_t)(CACHE_LINE - 1);
    /* write the new code back from the data cache to memory ... */
    esp_cache_msync((void *)start, end - start,
                    ESP_CACHE_MSYNC_FLAG_DIR_C2M | ESP_CACHE_MSYNC_FLAG_INVALIDATE);
#ifdef ESP_CACHE_MSYNC_FLAG_TYPE_INST
    /* ... and drop stale lines of the instruction cache (IDF versions that
     * distinguish the two cache types) */
    esp_cache_msync((void *)start, end - start, ESP_CACHE_MSYNC_FLAG_DIR_M2C | ESP_CACHE_MSYNC_FLAG_TYPE_INST);
#endif
    __asm__ volatile("fence.i" ::: "memory");
}

/* The running task's stack (it grows down from its end to its start). The
 * hardware stack guard catches a miss; the check comes first, 2K above the
 * start (a task's stack is small: a few kilobytes to tens). */
uintptr_t port_stack_limit(void) { return (uintptr_t)pxTaskGetStackStart(NULL) + 2048u; }
