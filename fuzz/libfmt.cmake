# printf-style formatting and struct formats (vm/percent.c, vm/structmod.c);
# seeds: format strings of every conversion, flag and byte order
p4_fuzzer(fuzz_libfmt ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_libfmt.c ${CMAKE_CURRENT_SOURCE_DIR}/corpus/libfmt p4vm)
