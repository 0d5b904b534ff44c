# p4sim's speed (bench/sim_bench.c) on cross-built kernels (bench/sim_kernels.c)
# and the plain-C ESP-DSP calibration kernels (bench/dsp_kernels.c).
if(TARGET p4simlib)
  add_executable(p4sim_bench ${CMAKE_CURRENT_LIST_DIR}/sim_bench.c)
  target_link_libraries(p4sim_bench PRIVATE p4simlib)
  if(P4_RV32_GCC)
    # the link of tests/sim/run_diff.py: QEMU virt RAM, which p4sim maps too
    set(P4_BENCH_RV32_FLAGS --specs=picolibc.specs -misa-spec=2.2 -march=rv32imafc -mabi=ilp32f -O2
        -Wall -Wextra -Werror --oslib=semihost --crt0=semihost
        -Wl,--defsym=__flash=0x80000000 -Wl,--defsym=__flash_size=0x00200000
        -Wl,--defsym=__ram=0x80200000 -Wl,--defsym=__ram_size=0x01000000
        -Wl,--defsym=__stack_size=0x10000)
    foreach(kernel sim_kernels dsp_kernels)
      if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/${kernel}.c)
        add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/${kernel}.elf
          COMMAND ${P4_RV32_GCC} ${P4_BENCH_RV32_FLAGS} -o ${CMAKE_CURRENT_BINARY_DIR}/${kernel}.elf
                  ${CMAKE_CURRENT_LIST_DIR}/${kernel}.c -lm
          DEPENDS ${CMAKE_CURRENT_LIST_DIR}/${kernel}.c
          COMMENT "Cross-building ${kernel}.elf (RV32IMAFC)")
        add_custom_target(${kernel}_elf ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/${kernel}.elf)
      endif()
    endforeach()
    # the cycle model's calibration (docs/p4sim.md): kernel results checked on
    # the host, modelled cycles within 25% of ESP-DSP's published counts
    find_package(Python3 COMPONENTS Interpreter)
    if(Python3_FOUND AND TARGET p4sim AND TARGET dsp_kernels_elf)
      add_test(NAME p4sim/calibration
               COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/dsp_calibration.py
                       $<TARGET_FILE:p4sim> ${CMAKE_CURRENT_BINARY_DIR}/dsp_kernels.elf)
      set_tests_properties(p4sim/calibration PROPERTIES TIMEOUT 120)
    endif()
  endif()
endif()
