/* driver/uart.h - checked against ESP-IDF v5.3 and v6.0,
 * components/esp_driver_uart/include/driver/uart.h; uart_port_t from
 * components/hal/include/hal/uart_types.h (v5.3) and
 * components/esp_hal_uart/include/hal/uart_types.h (v6.0): an enum of the
 * port numbers (only the first is named here). */
#pragma once
#include "esp_err.h"
#include "freertos/FreeRTOS.h"
typedef enum {
    UART_NUM_0,
} uart_port_t;
esp_err_t uart_driver_install(uart_port_t uart_num, int rx_buffer_size, int tx_buffer_size, int queue_size,
                              QueueHandle_t *uart_queue, int intr_alloc_flags);
