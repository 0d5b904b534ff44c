/* Compile-check stand-in for the sdkconfig.h an ESP-IDF build generates. */
#pragma once
#define CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ 400
#define CONFIG_ESP_SYSTEM_MEMPROT 0
#define CONFIG_P4JIT_HEAP_SIZE 262144
#define CONFIG_P4JIT_CODE_BUFFER_SIZE 65536
