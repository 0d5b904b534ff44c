/* esp_vfs_common.h - checked against ESP-IDF v5.3 and v6.0,
 * components/vfs/include/esp_vfs_common.h. */
#pragma once
typedef enum {
    ESP_LINE_ENDINGS_CRLF,
    ESP_LINE_ENDINGS_CR,
    ESP_LINE_ENDINGS_LF,
} esp_line_endings_t;
