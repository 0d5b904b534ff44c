# The Python-style benchmarks (bench/py/*.py) as differential tests against
# CPython at their small default sizes: host, firmware under QEMU, and the
# firmware with every function the JIT accepts compiled at its first call.
# bench/run.py --py measures them at a fixed larger size on p4sim.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND AND TARGET p4jit)
  file(GLOB P4_PY_BENCHMARKS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/py/*.py)
  set(P4_PY_RUNNER ${CMAKE_SOURCE_DIR}/tests/run_program.py)
  find_program(P4_PY_QEMU qemu-system-riscv32)
  foreach(prog ${P4_PY_BENCHMARKS})
    get_filename_component(name ${prog} NAME_WE)
    add_test(NAME pybench/${name}
             COMMAND ${Python3_EXECUTABLE} ${P4_PY_RUNNER} --p4jit $<TARGET_FILE:p4jit> ${prog})
    if(P4_FIRMWARE_DIR AND P4_PY_QEMU)
      add_test(NAME qemu/pybench/${name}
               COMMAND ${Python3_EXECUTABLE} ${P4_PY_RUNNER} --p4jit $<TARGET_FILE:p4jit>
                       "--opts=--on qemu" ${prog})
      add_test(NAME jit/pybench/${name}
               COMMAND ${Python3_EXECUTABLE} ${P4_PY_RUNNER} --p4jit $<TARGET_FILE:p4jit>
                       "--opts=--on qemu -X jit=eager" ${prog})
    endif()
  endforeach()
endif()
