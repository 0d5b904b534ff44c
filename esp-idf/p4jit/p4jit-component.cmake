# p4jit-component.cmake - what the ESP-IDF component is built from, shared by
# the component (CMakeLists.txt) and its compile test (tests/espidf/component),
# which sets the CONFIG_ variables from a test sdkconfig.cmake.
#
# Sets P4JIT_SOURCES (the runtime's one source list, cmake/p4jit-sources.cmake,
# plus the ESP-IDF port) and, outside ESP-IDF's early requirements pass,
# P4JIT_DEFINES: the Kconfig values as numbers. ESP-IDF does not force-include
# sdkconfig.h, so a value must be expanded here, not passed as a macro's name.
set(P4JIT_ROOT ${CMAKE_CURRENT_LIST_DIR}/../..)
include(${P4JIT_ROOT}/cmake/p4jit-sources.cmake)
set(P4JIT_SOURCES ${P4JIT_RUNTIME_SOURCES} ${P4JIT_ROOT}/src/port/espidf/port_espidf.c)
if(CONFIG_P4JIT_WITH_COMPILER)
  list(APPEND P4JIT_SOURCES ${P4JIT_COMPILER_SOURCES})
endif()

if(NOT CMAKE_BUILD_EARLY_EXPANSION)
  foreach(opt CONFIG_P4JIT_HEAP_SIZE CONFIG_P4JIT_STACK_SLOTS CONFIG_P4JIT_CODE_BUFFER_SIZE)
    if(NOT "${${opt}}" MATCHES "^[0-9]+$")
      message(FATAL_ERROR "P4JIT: ${opt} is '${${opt}}', not a number")
    endif()
  endforeach()
  set(P4JIT_DEFINES
    P4_FIRMWARE=1
    VM_DEFAULT_HEAP=${CONFIG_P4JIT_HEAP_SIZE}u
    VM_DEFAULT_STACK=${CONFIG_P4JIT_STACK_SLOTS}u
    JIT_DEFAULT_CODE_SIZE=${CONFIG_P4JIT_CODE_BUFFER_SIZE}u
    P4_PORT_PIE_PROBE=1)
  if(CONFIG_P4JIT_WITH_COMPILER)
    list(APPEND P4JIT_DEFINES P4_HAVE_COMPILER=1)
  endif()
  # The PIE choice: -1 from the chip revision, else the encoding (0 = none).
  if(CONFIG_P4JIT_PIE_OFF)
    list(APPEND P4JIT_DEFINES P4JIT_PIE_SETTING=0)
  elseif(CONFIG_P4JIT_PIE_REV1)
    list(APPEND P4JIT_DEFINES P4JIT_PIE_SETTING=1)
  elseif(CONFIG_P4JIT_PIE_REV3)
    list(APPEND P4JIT_DEFINES P4JIT_PIE_SETTING=3)
  else()
    list(APPEND P4JIT_DEFINES P4JIT_PIE_SETTING=-1)
  endif()
  # Only a fallback: port_cpu_hz asks the clock tree.
  if("${CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ}" MATCHES "^[0-9]+$")
    list(APPEND P4JIT_DEFINES P4JIT_BOOT_CPU_HZ=${CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ}000000u)
  endif()
endif()
