# the model file reader; seeds: small valid models (written by
# tests/p4nn/model/test_model_reader.py --fuzz-seeds fuzz/corpus/p4nn)
p4_fuzzer(fuzz_p4nn ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_p4nn.c ${CMAKE_CURRENT_SOURCE_DIR}/corpus/p4nn p4vm)
