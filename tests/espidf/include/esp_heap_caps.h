/* Compile-check stand-in for ESP-IDF's esp_heap_caps.h (heap component).
 * Only the names matter here; a real build takes the values from ESP-IDF. */
#pragma once
#include <stddef.h>
#include <stdint.h>
#define MALLOC_CAP_EXEC (1 << 0)
#define MALLOC_CAP_32BIT (1 << 1)
#define MALLOC_CAP_8BIT (1 << 2)
void *heap_caps_malloc(size_t size, uint32_t caps);
void *heap_caps_aligned_alloc(size_t alignment, size_t size, uint32_t caps);
void heap_caps_free(void *ptr);
