/* Compile-check stand-in for ESP-IDF's esp_cpu.h (esp_hw_support). */
#pragma once
#include <stdint.h>
typedef uint32_t esp_cpu_cycle_count_t;
esp_cpu_cycle_count_t esp_cpu_get_cycle_count(void);
