# MNIST on the ESP32-P4: an int8 model from a .p4nn file (docs/p4nn-model.md)
# classifies test images read from IDX files, with the p4nn layer library
# (lib/p4nn/p4nn.py, found on the import path). Prints the accuracy, the
# confusion matrix, and per-layer and whole-image modelled cycles
# (p4.cycles(): p4sim's cycle model, the second and later images, when the
# JIT has compiled every kernel) with milliseconds at 360 and 400 MHz.
#
#   p4jit run --on p4sim examples/mnist.py                 # JIT with PIE
#   p4jit run --on p4sim -X pie=off examples/mnist.py      # scalar JIT
#   p4jit run --on p4sim -X jit=off examples/mnist.py      # interpreted
#
# Where the run can switch modes (p4.jit_modes(): on p4sim started with PIE,
# all three) it then also runs one image in each - interpreted, scalar JIT,
# JIT with PIE (p4.jit_mode) - and prints their cycles side by side.
#
# The files and the number of images come from a module mnist_paths on the
# import path if there is one (p4jit run -X path=DIR: DIR/mnist_paths.py
# setting MODEL, IMAGES, LABELS, COUNT), else from the defaults below
# (relative to the current directory: run from the repository's root).
# After the cycles: one more image with the pad and requantize/pool steps
# timed inside the layers, and the memory the model takes (its buffers,
# weights, compiled code; the run's peak heap: p4jit run --stats), and a
# summary: accuracy, int8/float agreement (the float model's classes from a
# file the host wrote), cycles and milliseconds, code and memory.
# Under CPython (PYTHONPATH=lib/p4nn:lib/python) the same program runs, the
# model read by lib/p4nn/p4nn_model.py: the same classes, other cycles.
from array import array
import p4
import p4nn

MODEL = "models/cnn_mnist.p4nn"
IMAGES = "models/mnist_test1000-images.idx"
LABELS = "models/mnist_test1000-labels.idx"
COUNT = 100
# the float model's class of each image (lib/p4nn/host/write_logits.py --float):
# the int8/float agreement; None (or a module without FLOAT): not shown
FLOAT = "models/cnn_mnist_mnist_test1000-float.idx"
try:
    import mnist_paths

    MODEL = mnist_paths.MODEL
    IMAGES = mnist_paths.IMAGES
    LABELS = mnist_paths.LABELS
    COUNT = mnist_paths.COUNT
    try:
        FLOAT = mnist_paths.FLOAT
    except AttributeError:
        FLOAT = None
except ImportError:
    pass


def ms(cycles, mhz):
    # milliseconds at mhz MHz, as text with three decimals
    us = cycles // mhz
    return str(us // 1000) + "." + str(1000 + us % 1000)[1:]


def percent(k, n):
    # 100 k / n as text with three decimals (32-bit ints: k * 100000 fits for n < 21,000)
    return f"{k * 100 // n}.{str(1000 + k * 100000 // n % 1000)[1:]}"


def grouped(v):
    # an int with thousands separators
    t = str(v)
    out = ""
    while len(t) > 3:
        out = "," + t[-3:] + out
        t = t[:-3]
    return t + out


MODE_NAMES = {"off": "interpreter", "scalar": "scalar JIT", "pie": "JIT with PIE"}


def image_in_mode(model, images, pixels, x, size, mode):
    # per-layer and whole cycles of one image in a JIT mode (p4.jit_mode):
    # image 0 first, untimed (it compiles the kernels; the interpreter
    # compiles nothing and skips it), then image 1 timed
    p4.jit_mode(mode)
    k = 1 if images["count"] > 1 else 0
    if mode != "off":
        p4nn.idx_read(images, 0, pixels)
        p4nn.pixels_to_int8(pixels, 0, size, x)
        p4nn.argmax(p4nn.run(model, x, None), model["classes"])
    p4nn.idx_read(images, k, pixels)
    p4nn.pixels_to_int8(pixels, 0, size, x)
    times = []
    t0 = p4.cycles()
    logits = p4nn.run(model, x, times)
    guess = p4nn.argmax(logits, model["classes"])
    t1 = p4.cycles()
    return times, (t1 - t0) & 0x7FFFFFFF, guess


def modes_table(model, images, pixels, x, size):
    # the three modes side by side in this run; None where it has one mode only
    modes = [m for m in ("off", "scalar", "pie") if m in p4.jit_modes()]
    if len(modes) < 2:
        return None
    start = p4.jit_mode()
    runs = [image_in_mode(model, images, pixels, x, size, m) for m in modes]
    p4.jit_mode(start)
    layers = model["layers"]
    lines = ["modes in this run (p4.jit_mode): cycles of image " + str(1 if images["count"] > 1 else 0)
             + " in each (the JIT modes after one image that compiles)"]
    head = f"  {'layer':<17}{'MACs':>8}"
    for m in modes:
        head += f"{MODE_NAMES[m]:>14}"
    lines.append(head + f"{'ms@360':>9}{'ms@400':>9}")
    for k in range(len(layers) + 1):
        if k < len(layers):
            L = layers[k]
            name = L["kind"] + (" " + L["name"] if "name" in L else "")
            m = p4nn.macs(L)
            cyc = [r[0][k] for r in runs]
        else:
            name = "whole image"
            m = sum([p4nn.macs(L) for L in layers])
            cyc = [r[1] for r in runs]
        line = f"  {name:<17}{m:>8}"
        for c in cyc:
            line += f"{grouped(c):>14}"
        lines.append(line + f"{ms(cyc[-1], 360):>9}{ms(cyc[-1], 400):>9}")
    whole = [r[1] for r in runs]
    speed = []
    for i in range(1, len(modes)):
        speed.append(f"{MODE_NAMES[modes[i]]} {whole[0] // whole[i]}x")
    if len(modes) == 3:
        speed.append(f"PIE over the scalar JIT {whole[1] * 10 // whole[2] // 10}.{whole[1] * 10 // whole[2] % 10}x")
    lines.append("  speedup over the interpreter: " + ", ".join(speed))
    lines.append("  class of the image: " + ", ".join([f"{MODE_NAMES[modes[i]]} {runs[i][2]}" for i in range(len(modes))]))
    return lines


def main():
    model = p4nn.load(MODEL)
    heap_model = p4.heap_live()
    images = p4nn.idx_open(IMAGES)
    labels = p4nn.idx_open(LABELS)
    size = model["h"] * model["w"] * model["c"]
    if images["size"] != size or labels["size"] != 1:
        raise ValueError("the IDX files do not hold " + str(size) + "-pixel images and labels")
    n = COUNT
    if n > images["count"]:
        n = images["count"]
    floats = None
    if FLOAT is not None:
        floats = p4nn.idx_open(FLOAT)
        if floats["size"] != 1 or floats["count"] < n:
            raise ValueError(FLOAT + " does not hold a float class for each of the " + str(n) + " images")
    # the classes, kept for the agreement (the float file is read after the
    # timed loop: reading it between images costs p4sim's caches 0.2%)
    guesses = bytearray(n)
    fclass = bytearray(1)
    agree = 0
    float_correct = 0
    classes = model["classes"]
    layers = model["layers"]
    print("model", MODEL, "-", len(layers), "layers,", classes, "classes;", n, "images of", IMAGES)
    pixels = bytearray(size)
    label = bytearray(1)
    x = array("b", bytes(size))
    confusion = [[0] * classes for _ in range(classes)]
    # means of the timed images as quotient and remainder sums: a sum of
    # interpreted cycles would overflow the 32-bit ints
    timed = n - 1 if n > 1 else 1
    layer_q = [0] * len(layers)
    layer_r = [0] * len(layers)
    total_q = 0
    total_r = 0
    correct = 0
    for i in range(n):
        p4nn.idx_read(images, i, pixels)
        p4nn.idx_read(labels, i, label)
        p4nn.pixels_to_int8(pixels, 0, size, x)
        times = []
        t0 = p4.cycles()
        logits = p4nn.run(model, x, times)
        guess = p4nn.argmax(logits, classes)
        t1 = p4.cycles()
        if i > 0 or n == 1:  # the first image pays for compiling the kernels
            c = (t1 - t0) & 0x7FFFFFFF
            total_q += c // timed
            total_r += c % timed
            for k in range(len(layers)):
                layer_q[k] += times[k] // timed
                layer_r[k] += times[k] % timed
        confusion[label[0]][guess] += 1
        if guess == label[0]:
            correct += 1
        guesses[i] = guess
    # the profiling image: the first one again, pad and requantize/pool timed
    p4nn.idx_read(images, 0, pixels)
    p4nn.pixels_to_int8(pixels, 0, size, x)
    p4nn.profile(model, 1)
    ptimes = []
    p4nn.run(model, x, ptimes)
    split = [L["t"] for L in layers]
    p4nn.profile(model, 0)
    mem = p4nn.memory(model)
    code = p4nn.code_bytes()
    once = p4nn.code_bytes(1)
    modes = modes_table(model, images, pixels, x, size)
    if floats is not None:
        for i in range(n):
            p4nn.idx_read(floats, i, fclass)
            p4nn.idx_read(labels, i, label)
            if fclass[0] == guesses[i]:
                agree += 1
            if fclass[0] == label[0]:
                float_correct += 1
        p4nn.idx_close(floats)
    p4nn.idx_close(images)
    p4nn.idx_close(labels)

    print(f"accuracy {correct} / {n} = {percent(correct, n)} %")
    if floats is not None:
        print(f"int8/float agreement {agree} / {n} = {percent(agree, n)} % (the float model: {float_correct} / {n} correct)")
    print("confusion matrix (rows: label, columns: class)")
    print("     " + "".join([f"{c:>5}" for c in range(classes)]))
    for r in range(classes):
        print(f"{r:>5}" + "".join([f"{v:>5}" for v in confusion[r]]))
    print("modelled cycles per image (mean of", timed, "images)")
    print("  layer                MACs     cycles  MACs/cycle   ms@360   ms@400")
    for k in range(len(layers)):
        L = layers[k]
        c = layer_q[k] + layer_r[k] // timed
        m = p4nn.macs(L)
        rate = "" if m == 0 or c == 0 else f"{m * 100 // c // 100}.{str(100 + m * 100 // c % 100)[1:]}"
        name = L["kind"] + (" " + L["name"] if "name" in L else "")
        print(f"  {name:<17}{m:>8}{c:>11}{rate:>12}{ms(c, 360):>9}{ms(c, 400):>9}")
    c = total_q + total_r // timed
    image_cycles = c
    macs = sum([p4nn.macs(L) for L in layers])
    print(f"  {'whole image':<17}{macs:>8}{c:>11}{'':>12}{ms(c, 360):>9}{ms(c, 400):>9}")
    print("inside the layers (one more image, the steps timed with p4.cycles())")
    print("  layer                cycles        pad  requantize/pool")
    side = 0
    for k in range(len(layers)):
        L = layers[k]
        name = L["kind"] + (" " + L["name"] if "name" in L else "")
        side += split[k][0] + split[k][1]
        print(f"  {name:<17}{ptimes[k]:>10}{split[k][0]:>11}{split[k][1]:>17}")
    whole = sum(ptimes)
    if whole >= 1000:
        permille = side // (whole // 1000)  # (side * 1000 overflows 32 bits)
        print(f"  requantize, pool and pad: {permille // 10}.{permille % 10} % of {whole} cycles")
    print("memory: activation buffers", mem[0], "bytes (outputs, padded copies, shared int32 scratch);",
          "weights", mem[1], "bytes;", "compiled code", code, "bytes (and", once,
          "run once at load);",
          "heap live after loading", heap_model, "bytes")
    print("limits (issue 13): activation buffers", mem[0], "<= 65536:", mem[0] <= 65536,
          "| weights", mem[1], "<= 262144:", mem[1] <= 262144,
          "| compiled code", code, "<= 16384:", code <= 16384, "(with the load's", code + once, ")")
    if modes is not None:
        for line in modes:
            print(line)
    # the figures a user asks for first, in one place
    how = "compiled by the JIT" if code > 0 else "interpreted"
    print("summary:")
    print(f"  accuracy       {percent(correct, n)} % of {n} images"
          + ("" if floats is None else f"; int8/float top-1 agreement {percent(agree, n)} % (float {percent(float_correct, n)} %)"))
    print(f"  time           {grouped(image_cycles)} cycles an image = {ms(image_cycles, 360)} ms at 360 MHz, "
          f"{ms(image_cycles, 400)} ms at 400 MHz ({how})")
    print(f"  code           {grouped(code)} bytes compiled (+{grouped(once)} at load)")
    print(f"  memory         activations {grouped(mem[0])} B, weights {grouped(mem[1])} B, heap after loading {grouped(heap_model)} B")
    print("  (other modes: -X pie=off for the scalar JIT, -X jit=off for the interpreter; all three on more"
          " images: python3 scripts/mnist_modes.py; -X path=DIR with DIR/mnist_paths.py for another model or"
          " image set)")


main()
