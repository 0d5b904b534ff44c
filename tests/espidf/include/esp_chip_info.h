/* esp_chip_info.h - checked against ESP-IDF v5.3 and v6.0,
 * components/esp_hw_support/include/esp_chip_info.h. Only the ESP32-P4's
 * model number is given; the struct's fields are in ESP-IDF's order.
 * revision: major * 100 + minor (3.1 is 301). */
#pragma once
#include <stdint.h>
typedef enum {
    CHIP_ESP32P4 = 18,
} esp_chip_model_t;
typedef struct {
    esp_chip_model_t model;
    uint32_t features;
    uint16_t revision;
    uint8_t cores;
} esp_chip_info_t;
void esp_chip_info(esp_chip_info_t *out_info);
