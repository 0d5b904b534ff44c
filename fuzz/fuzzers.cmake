# libFuzzer targets, each run by the test suite for a bounded time with its
# seed corpus (a copy, so the checked-in seeds never change).
set(P4_FUZZ_FLAGS -fsanitize=fuzzer,address,undefined)
set(P4_FUZZ_SECONDS 45 CACHE STRING "seconds each fuzzer runs in the test suite")
# scripts/test.sh builds the fuzzers in a tree of their own (build-fuzz) and runs
# only the tests labelled libfuzzer there: the coverage instrumentation P4_FUZZ
# adds to every object (a call at each comparison) made p4sim 3.6x slower under
# ASan, and the sanitizer build runs everything else without it.
add_custom_target(fuzzers)

function(p4_fuzzer name source seeds)
  add_executable(${name} ${source})
  target_compile_options(${name} PRIVATE ${P4_FUZZ_FLAGS})
  target_link_options(${name} PRIVATE ${P4_FUZZ_FLAGS})
  target_link_libraries(${name} PRIVATE ${ARGN})
  add_test(NAME fuzz/${name}
           COMMAND sh -c "rm -rf corpus-${name} && cp -r ${seeds} corpus-${name} && ./${name} -max_total_time=${P4_FUZZ_SECONDS} -timeout=10 -rss_limit_mb=2048 corpus-${name}"
           WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties(fuzz/${name} PROPERTIES LABELS libfuzzer)
  add_dependencies(fuzzers ${name})
endfunction()

# the corpus programs are the front end's seeds
p4_fuzzer(fuzz_lang ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_lang.c ${CMAKE_SOURCE_DIR}/tests/programs p4lang p4bc)
p4_fuzzer(fuzz_p4b ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_p4b.c ${CMAKE_CURRENT_SOURCE_DIR}/corpus/p4b p4vm)
target_sources(fuzz_p4b PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/p4b_mutate.c) # its custom mutator
# the mutants that once crashed, as seeds: each must load or be rejected
add_test(NAME fuzz/p4b/crash-seeds
         COMMAND ${CMAKE_CURRENT_BINARY_DIR}/fuzz_p4b -runs=0 ${CMAKE_CURRENT_SOURCE_DIR}/corpus/p4b-crashes)
set_tests_properties(fuzz/p4b/crash-seeds PROPERTIES LABELS libfuzzer)
p4_fuzzer(fuzz_rv32 ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_rv32.c ${CMAKE_CURRENT_SOURCE_DIR}/corpus/rv32 p4rv32)
