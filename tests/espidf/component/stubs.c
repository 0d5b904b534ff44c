/*
 * stubs.c - the ESP-IDF functions the port calls, for the component's link
 * test, behaving as ESP-IDF documents them closely enough to run P4JIT in
 * p4sim: the chip of the test configuration (STUB_CHIP_REVISION,
 * STUB_CPU_MHZ), executable memory only when STUB_EXEC_MEMORY. Misuse that a
 * real ESP-IDF would reject (cache sync of a range that is not whole cache
 * lines, no direction) aborts the run, so the test fails.
 */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <unistd.h>

#include "esp_cache.h"
#include "esp_chip_info.h"
#include "esp_clk_tree.h"
#include "esp_heap_caps.h"
#include "freertos/task.h"

#define ESP_ERR_INVALID_ARG 0x102 /* esp_err.h */

void *heap_caps_malloc(size_t size, uint32_t caps)
{
    (void)caps;
    return malloc(size);
}

void *heap_caps_aligned_alloc(size_t alignment, size_t size, uint32_t caps)
{
    if ((caps & MALLOC_CAP_EXEC) && !STUB_EXEC_MEMORY)
        return NULL; /* memory protection on: no MALLOC_CAP_EXEC region */
    if (!alignment || (alignment & (alignment - 1)))
        return NULL;
    return aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
}

void heap_caps_free(void *ptr) { free(ptr); }

/* A pretend 512 KB heap whose use is what picolibc's malloc has given out
 * (mallinfo), with ESP-IDF's low-water mark and its local restart. */
#define STUB_HEAP_TOTAL (512u << 10)
static size_t low_free = STUB_HEAP_TOTAL;
static int monitoring;

size_t heap_caps_get_total_size(uint32_t caps)
{
    (void)caps;
    return STUB_HEAP_TOTAL;
}

size_t heap_caps_get_free_size(uint32_t caps)
{
    (void)caps;
    size_t used = (size_t)mallinfo().uordblks, free_now = used < STUB_HEAP_TOTAL ? STUB_HEAP_TOTAL - used : 0;
    if (free_now < low_free)
        low_free = free_now;
    return free_now;
}

size_t heap_caps_get_minimum_free_size(uint32_t caps)
{
    heap_caps_get_free_size(caps);
    return low_free;
}

esp_err_t heap_caps_monitor_local_minimum_free_size_start(void)
{
    if (monitoring)
        return ESP_FAIL;
    monitoring = 1;
    low_free = STUB_HEAP_TOTAL;
    heap_caps_get_free_size(0);
    return ESP_OK;
}

esp_err_t heap_caps_monitor_local_minimum_free_size_stop(void)
{
    if (!monitoring)
        return ESP_FAIL;
    monitoring = 0;
    return ESP_OK;
}

esp_err_t esp_cache_msync(void *addr, size_t size, int flags)
{
    const unsigned dirs = ESP_CACHE_MSYNC_FLAG_DIR_C2M | ESP_CACHE_MSYNC_FLAG_DIR_M2C;
    if (!(flags & ESP_CACHE_MSYNC_FLAG_UNALIGNED) && (((uintptr_t)addr | size) & 63)) {
        fprintf(stderr, "stub: esp_cache_msync(%p, %lu): not whole 64-byte lines\n", addr, (unsigned long)size);
        abort();
    }
    if ((flags & dirs) == dirs || size == 0) {
        fprintf(stderr, "stub: esp_cache_msync: bad flags 0x%x or size %lu\n", flags, (unsigned long)size);
        abort();
    }
    return 0;
}

void esp_chip_info(esp_chip_info_t *out_info)
{
    out_info->model = CHIP_ESP32P4;
    out_info->features = 0;
    out_info->revision = STUB_CHIP_REVISION;
    out_info->cores = 2;
}

esp_err_t esp_clk_tree_src_get_freq_hz(soc_module_clk_t clk_src, esp_clk_tree_src_freq_precision_t precision,
                                       uint32_t *freq_value)
{
    if (clk_src != SOC_MOD_CLK_CPU || precision >= ESP_CLK_TREE_SRC_FREQ_PRECISION_INVALID || !freq_value)
        return ESP_ERR_INVALID_ARG;
    *freq_value = STUB_CPU_MHZ * 1000000u;
    return 0;
}

/* freertos/idf_additions.h: the lowest address of a task's stack. The one
 * task here is the program on p4sim, whose stack is the top 0x80000 bytes
 * of RAM (__stack_size in CMakeLists.txt), below picolibc.ld's __stack. */
extern char __stack[];
uint8_t *pxTaskGetStackStart(TaskHandle_t xTask)
{
    (void)xTask;
    return (uint8_t *)((uintptr_t)__stack - 0x80000u);
}

/* ESP-IDF's newlib time functions. The pretend clock starts at
 * 2026-01-01T00:00:00Z at boot and follows the cycle counter; usleep waits on
 * that counter (ESP-IDF blocks the task instead). */
static uint64_t stub_cycles(void)
{
    uint32_t lo, hi, hi2;
    do {
        __asm__ volatile("csrr %0, mcycleh" : "=r"(hi));
        __asm__ volatile("csrr %0, mcycle" : "=r"(lo));
        __asm__ volatile("csrr %0, mcycleh" : "=r"(hi2));
    } while (hi != hi2);
    return (uint64_t)hi << 32 | lo;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    (void)tz;
    uint64_t us = stub_cycles() / STUB_CPU_MHZ;
    tv->tv_sec = (time_t)(1767225600u + us / 1000000u);
    tv->tv_usec = (suseconds_t)(us % 1000000u);
    return 0;
}

int usleep(useconds_t us)
{
    uint64_t end = stub_cycles() + (uint64_t)us * STUB_CPU_MHZ;
    while (stub_cycles() < end)
        ;
    return 0;
}
