# fuzz_elf: p4sim's ELF loader and a bounded run of what it loads
# (fuzz/fuzz_elf.c). Seeds: fuzz/corpus/elf, made by fuzz/make_elf_seeds.py
# (a tiny hand-written program, a stripped picolibc program, damaged
# variants); an input that ever crashed it belongs there too.
if(TARGET p4simlib)
  p4_fuzzer(fuzz_elf ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_elf.c ${CMAKE_CURRENT_SOURCE_DIR}/corpus/elf p4simlib)
  # the seeds once each, no mutation: the regression test of the corpus
  add_test(NAME fuzz/elf/seeds
           COMMAND ${CMAKE_CURRENT_BINARY_DIR}/fuzz_elf -runs=0 ${CMAKE_CURRENT_SOURCE_DIR}/corpus/elf)
  set_tests_properties(fuzz/elf/seeds PROPERTIES LABELS libfuzzer)
endif()
