# p4jit-sources.cmake - the one list of the runtime's sources for the builds
# that run it on a RISC-V target: the bare-metal firmware (firmware/), the
# ESP-IDF component (esp-idf/p4jit) and its compile test (tests/espidf).
# A new source file in one of these directories reaches all of them, so none
# can link without it. Before including, set P4JIT_ROOT to the repository.
#
# Sets:
#   P4JIT_RUNTIME_SOURCES  interpreter, p4nn layer library, JIT, RV32 layer (the
#                          JIT's assembler and the disassembler of dis --jit),
#                          the command line and the REPL; everything but the
#                          port and the compiler
#   P4JIT_COMPILER_SOURCES the Python source compiler (optional on a device:
#                          without it only .p4b files run)
# Left out: src/rv32/objdump.c (the host's objdump command), src/sim (p4sim),
# src/port/* (each build adds its own port).
if(NOT DEFINED P4JIT_ROOT)
  message(FATAL_ERROR "p4jit-sources.cmake: set P4JIT_ROOT first")
endif()
# CONFIGURE_DEPENDS re-globs when files come or go; script mode (ESP-IDF's
# early requirements pass runs component files with cmake -P) rejects it.
set(p4jit_glob_opts CONFIGURE_DEPENDS)
if(CMAKE_SCRIPT_MODE_FILE)
  set(p4jit_glob_opts)
endif()
file(GLOB P4JIT_RUNTIME_SOURCES ${p4jit_glob_opts}
  ${P4JIT_ROOT}/src/vm/*.c
  ${P4JIT_ROOT}/src/nn/*.c
  ${P4JIT_ROOT}/src/jit/*.c
  ${P4JIT_ROOT}/src/jit/rv32/*.c
  ${P4JIT_ROOT}/src/rv32/*.c)
list(REMOVE_ITEM P4JIT_RUNTIME_SOURCES ${P4JIT_ROOT}/src/rv32/objdump.c)
list(APPEND P4JIT_RUNTIME_SOURCES ${P4JIT_ROOT}/cli/p4jit.c ${P4JIT_ROOT}/cli/repl.c)
file(GLOB P4JIT_COMPILER_SOURCES ${p4jit_glob_opts} ${P4JIT_ROOT}/src/lang/*.c)
list(SORT P4JIT_RUNTIME_SOURCES)
list(SORT P4JIT_COMPILER_SOURCES)
