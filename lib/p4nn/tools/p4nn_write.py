#!/usr/bin/env python3
"""Writes .p4nn model files (docs/p4nn-model.md, version 1.0) - CPython only.

    p4nn_write.py random OUT.p4nn [--model mnist|conv] [--seed N]
        a model with random weights and requantization parameters that keep
        every intermediate inside int32 (the contract's bound), for tests
        and timing until trained models exist.

As a library: write(path, tensors) with tensors a list of
(name, typecode, dims, data), typecode 'b' / 'i' / 'f' (data: a sequence of
numbers) or 'u' (data: str); random_model(graph_text, seed) -> that list.
"""
import argparse
import random
import struct
import zlib

ELEM = {"b": 1, "i": 4, "f": 4, "u": 1}
PACK = {"b": "b", "i": "i", "f": "f"}

GRAPHS = {
    # the first model
    "mnist": """input h=28 w=28 c=1
conv2d name=c1 k=3 stride=1 pad=1 out=16 relu=1
maxpool2
conv2d name=c2 k=3 stride=1 pad=1 out=32 relu=1
maxpool2
dense name=f1 out=128 relu=1
dense name=f2 out=10 logits=1
""",
    # the conv-only model
    "conv": """input h=28 w=28 c=1
conv2d name=c1 k=3 stride=1 pad=1 out=16 relu=1
maxpool2
conv2d name=c2 k=3 stride=1 pad=1 out=32 relu=1
maxpool2
conv2d name=c3 k=3 stride=1 pad=1 out=64 relu=1 requant=0
gap name=g
dense name=f out=10 logits=1
""",
}


def encode(tensors):
    """The bytes of a .p4nn file holding tensors [(name, type, dims, data)]."""
    blobs = []
    for name, t, dims, data in tensors:
        if t == "u":
            blob = data.encode("utf-8")
        else:
            blob = struct.pack("<%d%s" % (len(data), PACK[t]), *data)
        n = ELEM[t]
        for d in dims:
            n *= d
        assert n == len(blob), (name, n, len(blob))
        blobs.append(blob)
    table = b""
    for name, t, dims, data in tensors:
        table += struct.pack("<H", len(name)) + name.encode("ascii") + struct.pack("<BB", ord(t), len(dims))
        table += struct.pack("<%dI" % len(dims), *dims) + b"\0" * 8  # offset, length patched below
    pos = 24 + len(table)
    offsets = []
    for blob in blobs:
        pos = (pos + 15) // 16 * 16
        offsets.append(pos)
        pos += len(blob)
    size = pos + 4
    table = b""
    for (name, t, dims, data), off, blob in zip(tensors, offsets, blobs):
        table += struct.pack("<H", len(name)) + name.encode("ascii") + struct.pack("<BB", ord(t), len(dims))
        table += struct.pack("<%dI" % len(dims), *dims) + struct.pack("<II", off, len(blob))
    out = bytearray(b"P4NN" + struct.pack("<HHIIII", 1, 0, size, len(tensors), 24, 0) + table)
    for off, blob in zip(offsets, blobs):
        out += b"\0" * (off - len(out)) + blob
    out += struct.pack("<I", zlib.crc32(bytes(out)))
    assert len(out) == size
    return bytes(out)


def write(path, tensors):
    with open(path, "wb") as f:
        f.write(encode(tensors))


def requant_for(rng, bound, lo_scale=0.5):
    """pre, mult, shift with ((bound >> pre) + 1) * mult + 2**(shift-1) < 2**31
    that map about +-bound*lo_scale to about +-127."""
    target = 127.0 / max(1.0, bound * lo_scale)  # the real multiplier wanted
    pre = 0
    while (bound >> pre) > (1 << 20):
        pre += 1
    target *= 1 << pre
    shift = 1
    while shift < 31 and target * (1 << (shift + 1)) < (1 << 15):
        shift += 1
    mult = max(1, int(target * (1 << shift)))
    while ((bound >> pre) + 1) * mult + (1 << (shift - 1)) >= 1 << 31:
        mult //= 2
    return pre, max(1, mult), shift


def shift_form_for(bound):
    """pre 0, mult 1 and one shift for a layer (p4nn's shift form, the PIE path),
    mapping about +-bound/16 to about +-127 within the int32 guarantee."""
    shift = 1
    while shift < 30 and (bound / 16) / (1 << shift) > 127:
        shift += 1
    while shift > 1 and (bound + 1) + (1 << (shift - 1)) >= 1 << 31:
        shift -= 1
    return shift


def random_model(graph, seed, shift_form=0.0):
    """Random int8 weights for graph text; returns the tensor list. shift_form:
    the chance of each requantizing conv2d, dwconv2d or dense layer getting the
    shift form (drawn from its own stream: the weights do not change)."""
    rng = random.Random(seed)
    form_rng = random.Random(seed * 7919 + 1)
    tensors = [("graph", "u", [len(graph.encode())], graph)]
    h = w = c = 0
    acc_bound = 0
    for line in graph.splitlines():
        words = line.split()
        kind, kv = words[0], dict(x.split("=") for x in words[1:])
        kv = {k: (int(v) if v.lstrip("-").isdigit() else v) for k, v in kv.items()}
        if kind == "input":
            h, w, c = kv["h"], kv["w"], kv["c"]
            continue
        if kind in ("maxpool2", "avgpool2"):
            h, w = h // 2, w // 2
            continue
        name = kv.get("name")
        if kind == "gap":
            bound = acc_bound * h * w
            p = [requant_for(rng, bound) for _ in range(c)]
            tensors += [(name + ".pre", "i", [c], [x[0] for x in p]), (name + ".mult", "i", [c], [x[1] for x in p]),
                        (name + ".shift", "i", [c], [x[2] for x in p])]
            h = w = 1
            continue
        if kind in ("conv2d", "dwconv2d"):
            k, pad, stride = kv["k"], kv["pad"], kv["stride"]
            F = c if kind == "dwconv2d" else kv["out"]
            fan = k * k * (1 if kind == "dwconv2d" else c)
            wshape = [k, k, c] if kind == "dwconv2d" else [F, k, k, c]
            oh, ow = (h + 2 * pad - k) // stride + 1, (w + 2 * pad - k) // stride + 1
        else:
            F, fan = kv["out"], h * w * c
            wshape = [F, fan]
            oh = ow = 1
        wts = [rng.randint(-127, 127) for _ in range(F * fan)]
        bias = [rng.randint(-2000, 2000) for _ in range(F)]
        tensors += [(name + ".w", "b", wshape, wts), (name + ".b", "i", [F], bias)]
        bounds = []
        for f in range(F):
            if kind == "dwconv2d":
                s = sum(abs(wts[i * c + f]) for i in range(k * k))
            else:
                s = sum(abs(x) for x in wts[f * fan:(f + 1) * fan])
            bounds.append(abs(bias[f]) + 128 * s)
        acc_bound = max(bounds)
        if not kv.get("logits") and kv.get("requant", 1):
            # random activations are far below the worst case: aim at about
            # 1/16 of the bound so that the outputs use the int8 range
            p = [requant_for(rng, b, 1 / 16) for b in bounds]
            if form_rng.random() < shift_form:
                S = shift_form_for(max(bounds))
                p = [(0, 1, S) for _ in bounds]
            tensors += [(name + ".pre", "i", [F], [x[0] for x in p]), (name + ".mult", "i", [F], [x[1] for x in p]),
                        (name + ".shift", "i", [F], [x[2] for x in p])]
        h, w, c = oh, ow, F
    return tensors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["random"])
    ap.add_argument("out")
    ap.add_argument("--model", choices=sorted(GRAPHS), default="mnist")
    ap.add_argument("--graph", help="a graph text file instead of --model")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    graph = open(a.graph).read() if a.graph else GRAPHS[a.model]
    write(a.out, random_model(graph, a.seed))


if __name__ == "__main__":
    main()
