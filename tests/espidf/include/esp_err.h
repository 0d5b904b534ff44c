/* esp_err.h - checked against ESP-IDF v5.3 and v6.0,
 * components/esp_common/include/esp_err.h */
#pragma once
typedef int esp_err_t;
#define ESP_OK 0
#define ESP_FAIL -1
