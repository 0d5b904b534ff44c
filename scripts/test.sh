#!/bin/sh
# Builds everything and runs the whole test suite twice: a normal gcc build and an
# ASan+UBSan clang build (p4sim too, on the firmware the gcc build made: the
# corpus, the JIT's random programs); then the libFuzzer targets, each for a
# bounded time, from a third ASan+UBSan tree with coverage instrumentation
# (kept out of the sanitizer tree, where it made everything 3.6x slower).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
JOBS=${JOBS:-2}

cmake -S . -B build -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$JOBS"
ctest --test-dir build -j "$JOBS" --output-on-failure --timeout 1500

# p4sim under the sanitizers too, running the firmware the gcc build made
FW=""
if [ -f build/firmware/p4jit-fw.elf ]; then FW="-DP4_SIM_FIRMWARE=$PWD/build/firmware/p4jit-fw.elf"; fi
cmake -S . -B build-asan -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DP4_SANITIZE=ON $FW
cmake --build build-asan -j "$JOBS"
ctest --test-dir build-asan -j "$JOBS" --output-on-failure --timeout 1500

cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DP4_SANITIZE=ON -DP4_FUZZ=ON
cmake --build build-fuzz -j "$JOBS" --target fuzzers
ctest --test-dir build-fuzz -L libfuzzer -j "$JOBS" --output-on-failure --timeout 1500
