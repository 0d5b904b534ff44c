# The device's logits against the host's integer model, bit for bit
# (issue 13): the .p4nn model the host quantizer exported, run by the layer
# library on the first COUNT test images, must give exactly the int32 logits
# lib/p4nn/host/quantize.py computed for them (an IDX file of int32, 0x0C).
# The files come from a module bitexact_paths on the import path (MODEL,
# IMAGES, LABELS, LOGITS, COUNT): tests/p4nn/bitexact/run.py writes it.
from array import array
import p4nn
import bitexact_paths as P


def be32(b, i):
    # a big-endian signed 32-bit integer (IDX's byte order)
    hi = b[i]
    if hi >= 128:
        hi -= 256
    return (hi << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]


def main():
    try:
        p4nn.set_shift_passes(P.SHIFT_PASSES)  # (run.py --shift-passes N)
    except AttributeError:
        pass
    try:
        p4nn.set_shift16(P.SHIFT16)  # (run.py --shift-passes N turns it off)
    except AttributeError:
        pass
    model = p4nn.load(P.MODEL)
    # the requantization form of each layer: S (one shift), -1 (PIE passes),
    # -2 (per-channel shifts on int16 lanes), 0 (scalar)
    print("forms", " ".join([str(L["sform"]) for L in model["layers"] if "sform" in L]))
    images = p4nn.idx_open(P.IMAGES)
    labels = p4nn.idx_open(P.LABELS)
    classes = model["classes"]
    f = open(P.LOGITS, "rb")
    head = f.read(4 + 8)
    if head[2] != 0x0C or head[3] != 2 or be32(head, 4) < P.COUNT or be32(head, 8) != classes:
        raise ValueError(P.LOGITS + ": not an IDX file of int32 logits for this model")
    size = model["h"] * model["w"] * model["c"]
    pixels = bytearray(size)
    label = bytearray(1)
    x = array("b", bytes(size))
    differ = 0
    correct = 0
    host_correct = 0
    for i in range(P.COUNT):
        p4nn.idx_read(images, i, pixels)
        p4nn.idx_read(labels, i, label)
        p4nn.pixels_to_int8(pixels, 0, size, x)
        logits = p4nn.run(model, x, None)
        want = f.read(4 * classes)
        host = [be32(want, 4 * k) for k in range(classes)]
        if list(logits[:classes]) != host:
            differ += 1
            if differ <= 3:
                print("image", i, "device", list(logits[:classes]), "host", host)
        if p4nn.argmax(logits, classes) == label[0]:
            correct += 1
        best = 0
        for k in range(1, classes):
            if host[k] > host[best]:
                best = k
        if best == label[0]:
            host_correct += 1
    f.close()
    p4nn.idx_close(images)
    p4nn.idx_close(labels)
    print("images", P.COUNT, "differing", differ, "correct", correct, "host correct", host_correct)
    # the memory limits (run.py --budget): compiled code of an
    # inference (0 when interpreted) and the activation buffers
    print("code", p4nn.code_bytes(), "at load", p4nn.code_bytes(1), "activations", p4nn.memory(model)[0])


main()
