/*
 * port_espidf.c - the port layer on ESP-IDF (ESP32-P4, ESP-IDF 5.3 or later).
 *
 * Console and files go through ESP-IDF's VFS (stdio). Memory comes from the
 * capability heap. Generated code needs memory that is both writable and
 * executable: ESP-IDF has MALLOC_CAP_EXEC heap only with the IRAM/DRAM split
 * protection off (CONFIG_ESP_SYSTEM_PMP_IDRAM_SPLIT=n, which ESP-IDF 6.x
 * accepts for its CONFIG_ESP_SYSTEM_MEMPROT); otherwise port_alloc_code gets
 * NULL and the JIT stays off. After writing code, the data cache is written
 * back and the instruction cache invalidated with esp_cache_msync, then
 * fence.i (../shared/reference/esp32p4.md, "Running generated code").
 *
 * Kconfig values arrive as -D definitions made by the component's CMake
 * (esp-idf/p4jit/p4jit-defines.cmake), not through sdkconfig.h.
 */
#include "port/port.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "esp_cache.h"
#include "esp_chip_info.h"
#include "esp_clk_tree.h"
#include "esp_heap_caps.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"

#ifndef P4JIT_PIE_SETTING
#define P4JIT_PIE_SETTING -1 /* -1: from the chip revision; 0 off; 1 or 3: that encoding */
#endif
#ifndef P4JIT_BOOT_CPU_HZ
#define P4JIT_BOOT_CPU_HZ 360000000u /* if the clock tree cannot say (never expected) */
#endif

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

/* The 64-bit counters as two CSRs each: high, low, high again, until the
 * high half did not move in between (the low half wraps every ~11 s at
 * 400 MHz). ESP-IDF's esp_cpu_get_cycle_count() gives the low half only. */
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

/* The CPU clock as the clock tree has it now (CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ
 * is only the frequency at boot; power management may change it). */
uint32_t port_cpu_hz(void)
{
    uint32_t hz = 0;
    if (esp_clk_tree_src_get_freq_hz(SOC_MOD_CLK_CPU, ESP_CLK_TREE_SRC_FREQ_PRECISION_CACHED, &hz) != ESP_OK || !hz)
        hz = P4JIT_BOOT_CPU_HZ;
    return hz;
}

/* ESP-IDF's system time (its "System Time" guide): gettimeofday, set by SNTP
 * or settimeofday; without either it counts from boot. */
bool port_wall_clock(int64_t *sec, int32_t *nsec)
{
    struct timeval tv;
    if (gettimeofday(&tv, NULL) != 0)
        return false;
    *sec = (int64_t)tv.tv_sec;
    *nsec = (int32_t)tv.tv_usec * 1000;
    return true;
}

/* usleep blocks the task in FreeRTOS, so other tasks run meanwhile; it is
 * called in pieces of at most half a second, as its argument is 32-bit. */
void port_sleep_us(uint64_t us)
{
    for (; us > 500000u; us -= 500000u)
        usleep(500000u);
    usleep((useconds_t)us);
}

/* PIE's encoding changed with silicon revision 3.0 (v2p1 before, v2p2 from
 * it); esp_chip_info's revision is major * 100 + minor. A Kconfig choice
 * (P4JIT_PIE_SETTING) or -X pie= overrides it. */
uint8_t port_pie_encoding(void)
{
    if (P4JIT_PIE_SETTING >= 0)
        return (uint8_t)P4JIT_PIE_SETTING;
    esp_chip_info_t info;
    esp_chip_info(&info);
    if (info.model != CHIP_ESP32P4)
        return 0;
    return info.revision >= 300 ? 3 : 1;
}

/* NULL when the heap has no executable memory (memory protection on): the
 * JIT then says so once and everything runs interpreted. */
void *port_alloc_code(size_t size)
{
    size = (size + CACHE_LINE - 1) & ~(size_t)(CACHE_LINE - 1);
    return heap_caps_aligned_alloc(CACHE_LINE, size, MALLOC_CAP_EXEC | MALLOC_CAP_32BIT);
}

void port_free_code(void *p) { heap_caps_free(p); }

void port_sync_code(void *p, size_t size)
{
    uintptr_t start = (uintptr_t)p & ~(uintptr_t)(CACHE_LINE - 1);
    uintptr_t end = ((uintptr_t)p + size + CACHE_LINE - 1) & ~(uintptr_t)(CACHE_LINE - 1);
    /* write the new code back from the data cache to memory ... */
    esp_cache_msync((void *)start, end - start,
                    ESP_CACHE_MSYNC_FLAG_DIR_C2M | ESP_CACHE_MSYNC_FLAG_INVALIDATE);
    /* ... and drop stale lines of the instruction cache (5.3 and later have
     * the cache-type flags) */
    esp_cache_msync((void *)start, end - start, ESP_CACHE_MSYNC_FLAG_DIR_M2C | ESP_CACHE_MSYNC_FLAG_TYPE_INST);
    __asm__ volatile("fence.i" ::: "memory");
}

/* Heap figures from the capability heap: the whole system's byte-addressable
 * heap, other tasks included. A mark restarts ESP-IDF's low-water mark
 * (heap_caps_monitor_local_minimum_free_size_*); the peak before it is kept. */
static size_t peak_before_mark;
static bool marked;

bool port_heap(PortHeap *out)
{
    const uint32_t caps = MALLOC_CAP_8BIT;
    size_t total = heap_caps_get_total_size(caps);
    out->in_use = total - heap_caps_get_free_size(caps);
    out->peak_since_mark = total - heap_caps_get_minimum_free_size(caps);
    out->peak = marked && peak_before_mark > out->peak_since_mark ? peak_before_mark : out->peak_since_mark;
    return true;
}

void port_heap_mark(void)
{
    PortHeap h;
    port_heap(&h);
    peak_before_mark = h.peak;
    if (marked)
        heap_caps_monitor_local_minimum_free_size_stop();
    marked = heap_caps_monitor_local_minimum_free_size_start() == ESP_OK;
}
/* The running task's stack (it grows down from its end to its start). The
 * hardware stack guard catches a miss; the check comes first, 2K above the
 * start (a task's stack is small: a few kilobytes to tens). */
uintptr_t port_stack_limit(void) { return (uintptr_t)pxTaskGetStackStart(NULL) + 2048u; }
