/* freertos/FreeRTOS.h - checked against ESP-IDF v5.3 and v6.0: the types
 * the example uses, from components/freertos/FreeRTOS-Kernel/portable/riscv/
 * include/freertos/portmacro.h (portBASE_TYPE int, portSTACK_TYPE uint8_t:
 * stack sizes are in bytes), .../include/freertos/projdefs.h (pdPASS,
 * TaskFunction_t) and components/freertos/config/include/freertos/
 * FreeRTOSConfig.h (configSTACK_DEPTH_TYPE uint32_t). */
#pragma once
#include <stdint.h>
#include "esp_err.h"
/* (the real header also includes sdkconfig.h; nothing here needs it, and
 * the component test keeps sdkconfig.h off the component's include path) */
typedef int BaseType_t;
typedef unsigned int UBaseType_t;
typedef uint8_t StackType_t;
#define configSTACK_DEPTH_TYPE uint32_t
#define pdTRUE ((BaseType_t)1)
#define pdPASS (pdTRUE)
typedef void (*TaskFunction_t)(void *arg);
typedef struct QueueDefinition *QueueHandle_t; /* freertos/queue.h */
