/*
 * stubs.c - the ESP-IDF functions the port calls, for the component's link
 * test, behaving as ESP-IDF documents them closely enough to run P4JIT in
 * p4sim: the chip of the test configuration (STUB_CHIP_REVISION,
 * STUB_CPU_MHZ), executable memory only when STUB_EXEC_MEMORY. Misuse that a
 * real ESP-IDF would reject (cache sync of a range that is not whole cache
 * lines, no direction) aborts the run, so the test fails.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "esp_cache.h"
#include "esp_chip_info.h"
#include "esp_clk_tree.h"
#include "esp_heap_caps.h"

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
