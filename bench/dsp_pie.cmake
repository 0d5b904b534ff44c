# PIE versions of three ESP-DSP kernels, assembled on the host and run in
# p4sim (bench/dsp_pie.c; figures in docs/pie-semantics.md, "PIE calibration").
if(TARGET p4simlib)
  add_executable(p4sim_dsp_pie ${CMAKE_CURRENT_LIST_DIR}/dsp_pie.c)
  target_link_libraries(p4sim_dsp_pie PRIVATE p4simlib)
  target_include_directories(p4sim_dsp_pie PRIVATE ${PROJECT_SOURCE_DIR}/src)
  # the results must equal plain C in both encodings
  add_test(NAME p4sim/pie/dsp-kernels-rev1 COMMAND p4sim_dsp_pie --rev 1)
  add_test(NAME p4sim/pie/dsp-kernels-rev3 COMMAND p4sim_dsp_pie --rev 3)
endif()
