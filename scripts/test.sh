#!/bin/sh
# Builds everything and runs the whole test suite twice: a normal gcc build and an
# ASan+UBSan clang build (which also runs the libFuzzer targets for a bounded
# time, and p4sim on the firmware: the corpus, the JIT's random programs).
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
cmake -S . -B build-asan -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DP4_SANITIZE=ON -DP4_FUZZ=ON $FW
cmake --build build-asan -j "$JOBS"
ctest --test-dir build-asan -j "$JOBS" --output-on-failure --timeout 1500
