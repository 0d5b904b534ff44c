# fuzz_elf: p4sim's ELF loader and a bounded run of what it loads
# (fuzz/fuzz_elf.c). Seeds: fuzz/corpus/elf (a tiny hand-written program, a
# stripped picolibc program, damaged variants; see fuzz/corpus/elf/README).
if(TARGET p4simlib)
  p4_fuzzer(fuzz_elf ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_elf.c ${CMAKE_CURRENT_SOURCE_DIR}/corpus/elf p4simlib)
endif()
