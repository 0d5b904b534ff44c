#!/bin/sh
# Builds P4JIT and runs the main demo (examples/demo.py): on the host
# interpreter, then inside the RV32IMAFC firmware on p4sim, the simulated
# ESP32-P4, interpreted and then with the JIT compiling the kernel to
# machine code, and under QEMU; then the MNIST demo, with PIE and in all three
# modes side by side (p4.jit_mode, in the same run).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
cmake -S . -B build -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "${JOBS:-2}" --target p4jit
echo "== p4jit run examples/demo.py                             (host interpreter)"
./build/cli/p4jit run --stats examples/demo.py
echo
echo "== p4jit run --on p4sim -X jit=off examples/demo.py       (RV32 firmware on p4sim, interpreted)"
./build/cli/p4jit run --on p4sim -X jit=off --stats examples/demo.py
echo
echo "== p4jit run --on p4sim --jit-report examples/demo.py     (the same, with the JIT)"
./build/cli/p4jit run --on p4sim --stats --jit-report examples/demo.py
echo
echo "== p4jit run --on qemu examples/demo.py                   (the firmware under QEMU, with the JIT)"
./build/cli/p4jit run --on qemu --stats examples/demo.py
echo
echo "== p4jit dis --jit examples/demo.py                       (matmul's inner loop as compiled: four MACs, unrolled)"
# the loop holding the fourth copy's load (`lb rd,3(rs)`), by scripts/inner_loop.py
./build/cli/p4jit dis --jit examples/demo.py | python3 scripts/inner_loop.py matmul '^lb\t.*,3\('
echo
echo "== p4jit dis --jit -X pie=rev3 examples/demo.py           (the same for a P4 with PIE: 16 MACs per multiply-accumulate)"
# the loop holding the first PIE multiply-accumulate (a hardware loop: esp.lp.setup)
./build/cli/p4jit dis --jit -X pie=rev3 examples/demo.py | python3 scripts/inner_loop.py matmul '^esp\.v(s)?mulas'
echo
echo "== p4jit run --on p4sim examples/mnist.py                 (int8 MNIST CNN from models/cnn_mnist.p4nn, JIT with PIE;"
echo "                                                          then interpreted, scalar JIT and PIE side by side, one run)"
./build/cli/p4jit run --on p4sim examples/mnist.py
