#!/bin/sh
# Builds P4JIT and runs the main demo (examples/demo.py): on the host
# interpreter, then inside the RV32IMAFC firmware under QEMU.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
cmake -S . -B build -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "${JOBS:-2}" --target p4jit
echo "== p4jit run examples/demo.py            (host interpreter)"
./build/cli/p4jit run --stats examples/demo.py
echo
echo "== p4jit run --on qemu examples/demo.py  (RV32 firmware, retired instructions)"
./build/cli/p4jit run --on qemu --stats examples/demo.py
