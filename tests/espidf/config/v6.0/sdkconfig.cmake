# An ESP-IDF 6.x project's build/config/sdkconfig.cmake, reduced to what
# P4JIT reads: the example's settings on a 6.x release, where memory
# protection is ESP_SYSTEM_MEMPROT (the 5.x name in sdkconfig.defaults is
# renamed to it) and revision 3.0 chips are the default (PIE v2p2).
set(CONFIG_IDF_TARGET "esp32p4")
set(CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ "400")
set(CONFIG_ESP_SYSTEM_MEMPROT "")
set(CONFIG_ESP32P4_REV_MIN_FULL "301")
set(CONFIG_P4JIT_HEAP_SIZE "262144")
set(CONFIG_P4JIT_STACK_SLOTS "8192")
set(CONFIG_P4JIT_CODE_BUFFER_SIZE "65536")
set(CONFIG_P4JIT_WITH_COMPILER "y")
set(CONFIG_P4JIT_PIE_AUTO "y")
set(P4JIT_TEST_CHIP_REVISION 301)
set(P4JIT_TEST_CPU_MHZ 400)
