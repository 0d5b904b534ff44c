# the model file reader; seeds: small valid models (written by
# tests/p4nn/model/test_model_reader.py --fuzz-seeds fuzz/corpus/p4nn) and the
# fuzzed-* inputs: the corpus of an 11-minute run (71,527 inputs, no failure),
# merged to the 93 files that with the two valid seeds keep its coverage (-merge=1)
p4_fuzzer(fuzz_p4nn ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_p4nn.c ${CMAKE_CURRENT_SOURCE_DIR}/corpus/p4nn p4vm)
