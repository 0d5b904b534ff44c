/* driver/uart_vfs.h - checked against ESP-IDF v5.3 and v6.0,
 * components/esp_driver_uart/include/driver/uart_vfs.h. */
#pragma once
#include "esp_vfs_common.h"
int uart_vfs_dev_port_set_rx_line_endings(int uart_num, esp_line_endings_t mode);
int uart_vfs_dev_port_set_tx_line_endings(int uart_num, esp_line_endings_t mode);
void uart_vfs_dev_use_driver(int uart_num);
