/* The sdkconfig.h of the 5.x test configuration (see sdkconfig.cmake): what
 * ESP-IDF headers would see. P4JIT's own code takes Kconfig values only as
 * -D definitions (esp-idf/p4jit/p4jit-component.cmake). */
#pragma once
#define CONFIG_IDF_TARGET "esp32p4"
#define CONFIG_IDF_TARGET_ESP32P4 1
#define CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ 360
#define CONFIG_ESP32P4_REV_MIN_FULL 1
#define CONFIG_P4JIT_HEAP_SIZE 262144
#define CONFIG_P4JIT_STACK_SLOTS 8192
#define CONFIG_P4JIT_CODE_BUFFER_SIZE 65536
#define CONFIG_P4JIT_WITH_COMPILER 1
#define CONFIG_P4JIT_PIE_AUTO 1
