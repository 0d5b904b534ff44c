/* freertos/task.h - checked against ESP-IDF v5.3 and v6.0,
 * components/freertos/FreeRTOS-Kernel/include/freertos/task.h. */
#pragma once
#include "freertos/FreeRTOS.h"
typedef struct tskTaskControlBlock *TaskHandle_t;
BaseType_t xTaskCreatePinnedToCore(TaskFunction_t pxTaskCode, const char *const pcName,
                                   const configSTACK_DEPTH_TYPE usStackDepth, void *const pvParameters,
                                   UBaseType_t uxPriority, TaskHandle_t *const pvCreatedTask, const BaseType_t xCoreID);
void vTaskDelete(TaskHandle_t xTaskToDelete);
UBaseType_t uxTaskGetStackHighWaterMark(TaskHandle_t xTask);
/* The lowest address of a task's stack (NULL: the calling task): ESP-IDF's
 * addition to FreeRTOS, components/freertos/esp_additions/include/freertos/
 * idf_additions.h (v5.3, v6.0), used by port_stack_limit. */
uint8_t *pxTaskGetStackStart(TaskHandle_t xTask);
