/* Compile-check stand-in: the freertos/task.h declaration port_espidf.c uses,
 * as ESP-IDF's FreeRTOS documents it (the lowest address of a task's stack;
 * NULL for the calling task). */
#pragma once
#include <stdint.h>
typedef void *TaskHandle_t;
uint8_t *pxTaskGetStackStart(TaskHandle_t xTask);
