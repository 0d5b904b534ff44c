# On-device recalibration (docs/p4nn.md, "Recalibration on the device"): a
# Fashion-MNIST model whose activation scales are off for the data
# (models/make_recal.py says how) is recalibrated on the device from its own
# images, by lib/p4nn/recalibrate.py with the p4nn layer kernels, and its
# accuracy on held-out images measured before and after. Prints every
# layer's new requantize parameters (tests/p4nn/recal checks them against
# the contract's int32 guarantee) and the modelled cycles of each phase.
#
#   p4jit run --on p4sim examples/recalibrate_fashion.py               # JIT with PIE
#   p4jit run --on p4sim -X jit=off examples/recalibrate_fashion.py    # interpreted
#
# The files and counts come from a module recal_paths on the import path if
# there is one (MODEL, CAL_IMAGES, TEST_IMAGES, TEST_LABELS, CAL_COUNT,
# TEST_COUNT), else from the defaults below (run from the repository's root).
from array import array
import p4
import p4nn
import recalibrate

MODEL = "models/cnn_fashion_offcal.p4nn"
CAL_IMAGES = "models/fashion_cal200-images.idx"
TEST_IMAGES = "models/fashion_test300-images.idx"
TEST_LABELS = "models/fashion_test300-labels.idx"
CAL_COUNT = 200
TEST_COUNT = 300
try:
    import recal_paths

    MODEL = recal_paths.MODEL
    CAL_IMAGES = recal_paths.CAL_IMAGES
    TEST_IMAGES = recal_paths.TEST_IMAGES
    TEST_LABELS = recal_paths.TEST_LABELS
    CAL_COUNT = recal_paths.CAL_COUNT
    TEST_COUNT = recal_paths.TEST_COUNT
except ImportError:
    pass


def percent(n, d):
    return f"{n * 100 // d}.{str(100 + n * 10000 // d % 100)[1:]} %"


def main():
    model = p4nn.load(MODEL)
    cal = p4nn.idx_open(CAL_IMAGES)
    images = p4nn.idx_open(TEST_IMAGES)
    labels = p4nn.idx_open(TEST_LABELS)
    size = model["h"] * model["w"] * model["c"]
    if cal["size"] != size or images["size"] != size or labels["size"] != 1:
        raise ValueError("the IDX files do not hold " + str(size) + "-pixel images and labels")
    ncal = min(CAL_COUNT, cal["count"])
    ntest = min(TEST_COUNT, images["count"], labels["count"])
    print("model", MODEL, "; calibration:", ncal, "images of", CAL_IMAGES, "; test:", ntest, "images of", TEST_IMAGES)
    t0 = p4.cycles()
    before = recalibrate.accuracy(model, images, labels, ntest)
    t1 = p4.cycles()
    peaks = []
    recalibrate.recalibrate(model, cal, ncal, peaks)
    t2 = p4.cycles()
    after = recalibrate.accuracy(model, images, labels, ntest)
    t3 = p4.cycles()
    print("accuracy before", before, "/", ntest, "=", percent(before, ntest))
    print("accuracy after ", after, "/", ntest, "=", percent(after, ntest))
    k = 0
    for L in model["layers"]:
        if (L["kind"] == "dense" and L["logits"]) or (L["kind"] == "conv2d" and L["q"] is None):
            print("layer", L["name"], "bias", list(L["b"]))   # the logits, or int32 for a gap
        elif L["kind"] == "conv2d" or L["kind"] == "dwconv2d" or L["kind"] == "dense" or L["kind"] == "gap":
            print("layer", L["name"], "peak", peaks[k], "q", list(L["q"]))
            k += 1
    # the first logits after recalibration (tests/p4nn/recal: equal to the
    # host integer model's with the parameters printed above)
    pixels = bytearray(size)
    x = array("b", bytes(size))
    for i in range(min(3, ntest)):
        p4nn.idx_read(images, i, pixels)
        p4nn.pixels_to_int8(pixels, 0, size, x)
        print("logits after image", i, list(p4nn.run(model, x, None)))
    # per image; a phase longer than 2**31 cycles would wrap (32-bit ints):
    # recalibrating takes about 6.5 M a calibration image, so keep CAL_COUNT <= 300
    print("modelled cycles per image: evaluate", ((t1 - t0) & 0x7FFFFFFF) // ntest,
          "recalibrate", ((t2 - t1) & 0x7FFFFFFF) // ncal, "evaluate", ((t3 - t2) & 0x7FFFFFFF) // ntest)
    p4nn.idx_close(cal)
    p4nn.idx_close(images)
    p4nn.idx_close(labels)


main()
