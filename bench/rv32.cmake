if(TARGET p4rv32)
  add_executable(p4rv32_bench ${CMAKE_CURRENT_LIST_DIR}/rv32_bench.c)
  target_link_libraries(p4rv32_bench PRIVATE p4rv32)
endif()
