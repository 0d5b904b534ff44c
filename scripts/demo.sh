#!/bin/sh
# Builds P4JIT and runs the main demo (examples/demo.py).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
cmake -S . -B build -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "${JOBS:-2}" --target p4jit
echo "== p4jit run examples/demo.py"
./build/cli/p4jit run examples/demo.py
