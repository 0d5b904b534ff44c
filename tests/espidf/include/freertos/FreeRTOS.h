/* Compile-check stand-in: FreeRTOS.h, which ESP-IDF wants included before
 * freertos/task.h; port_espidf.c uses nothing of its own. */
#pragma once
#include <stdint.h>
