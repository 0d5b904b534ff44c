/* Compile-check stand-in: the esp_cache.h declarations port_espidf.c uses,
 * as documented for ESP-IDF's esp_mm component (flags are BIT(0..3)). */
#pragma once
#include <stddef.h>
typedef int esp_err_t;
#define ESP_CACHE_MSYNC_FLAG_INVALIDATE (1 << 0)
#define ESP_CACHE_MSYNC_FLAG_UNALIGNED (1 << 1)
#define ESP_CACHE_MSYNC_FLAG_DIR_C2M (1 << 2)
#define ESP_CACHE_MSYNC_FLAG_DIR_M2C (1 << 3)
esp_err_t esp_cache_msync(void *addr, size_t size, int flags);
