/* esp_cache.h - checked against ESP-IDF v5.3 and v6.0,
 * components/esp_mm/include/esp_cache.h (flags BIT(0)..BIT(5)). */
#pragma once
#include <stddef.h>
#include "esp_err.h"
#define ESP_CACHE_MSYNC_FLAG_INVALIDATE (1u << 0)
#define ESP_CACHE_MSYNC_FLAG_UNALIGNED (1u << 1)
#define ESP_CACHE_MSYNC_FLAG_DIR_C2M (1u << 2)
#define ESP_CACHE_MSYNC_FLAG_DIR_M2C (1u << 3)
#define ESP_CACHE_MSYNC_FLAG_TYPE_DATA (1u << 4)
#define ESP_CACHE_MSYNC_FLAG_TYPE_INST (1u << 5)
esp_err_t esp_cache_msync(void *addr, size_t size, int flags);
