# An ESP-IDF 5.x project's build/config/sdkconfig.cmake, reduced to what
# P4JIT reads: the example's settings (examples/esp-idf/sdkconfig.defaults)
# on a 5.x release, where memory protection is ESP_SYSTEM_PMP_IDRAM_SPLIT
# and chips before revision 3.0 are supported (PIE v2p1).
set(CONFIG_IDF_TARGET "esp32p4")
set(CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ "360")
set(CONFIG_ESP_SYSTEM_PMP_IDRAM_SPLIT "")
set(CONFIG_ESP32P4_REV_MIN_FULL "1")
set(CONFIG_P4JIT_HEAP_SIZE "262144")
set(CONFIG_P4JIT_STACK_SLOTS "8192")
set(CONFIG_P4JIT_CODE_BUFFER_SIZE "65536")
set(CONFIG_P4JIT_WITH_COMPILER "y")
set(CONFIG_P4JIT_PIE_AUTO "y")
# what the stubs pretend (tests/espidf/component/stubs.c): a rev 1.1 chip
set(P4JIT_TEST_CHIP_REVISION 101)
set(P4JIT_TEST_CPU_MHZ 360)
