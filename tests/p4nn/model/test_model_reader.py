#!/usr/bin/env python3
"""The .p4nn reader (p4nn_model.load) against the writer (lib/p4nn/tools).

1. Valid files (random models, a text tensor, a float, a scalar, an empty
   tensor): every tensor comes back with its type, length and values
   (checksums printed by a P4JIT program, computed here by CPython).
2. A deterministic corruption sweep: every single-bit flip of the header and
   table and of sampled data bytes, every truncation length up to 64 and
   sampled ones beyond, and each kind of structurally wrong file with a
   repaired CRC (so that the table checks, not the CRC, must catch it); each
   must raise ValueError, and the structural ones must name the problem.

    test_model_reader.py P4JIT [--on p4sim] [--fuzz-seeds DIR]
"""
import os
import random
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(os.path.dirname(ROOT), "lib", "p4nn", "tools"))
import p4nn_write  # noqa: E402

TINY = """input h=3 w=3 c=2
conv2d name=c k=3 stride=1 pad=1 out=3 relu=1
dense name=d out=2 logits=1
"""


def valid_sets():
    rng = random.Random(7)
    sets = {
        "mnist": p4nn_write.random_model(p4nn_write.GRAPHS["mnist"], 3),
        "conv": p4nn_write.random_model(p4nn_write.GRAPHS["conv"], 4),
        "tiny": p4nn_write.random_model(TINY, 5),
    }
    sets["misc"] = [("graph", "u", [len("héllo\n".encode())], "héllo\n"),
                    ("x.s_out", "f", [], [0.125]), ("empty", "b", [0], []),
                    ("m4", "i", [2, 1, 3, 2], [rng.randint(-2**31, 2**31 - 1) for _ in range(12)]),
                    ("b_odd", "b", [17], [rng.randint(-128, 127) for _ in range(17)])]
    return sets


def repair(b):
    b = bytearray(b)
    b[8:12] = struct.pack("<I", len(b))
    b[-4:] = struct.pack("<I", zlib.crc32(bytes(b[:-4])))
    return bytes(b)


def table_fields(b):
    """(name offset, type offset, dims offset, data-offset offset) per entry."""
    count = struct.unpack_from("<I", b, 12)[0]
    pos, out = 24, []
    for _ in range(count):
        n = struct.unpack_from("<H", b, pos)[0]
        nd = b[pos + 2 + n + 1]
        out.append((pos, pos + 2 + n, pos + 4 + n, pos + 4 + n + 4 * nd))
        pos += 4 + n + 4 * nd + 8
    return out, pos


def structural(b):
    """[(name, bytes, words the error must contain)], CRC repaired."""
    cases = []

    def put(name, off, fmt, value, want):
        x = bytearray(b)
        struct.pack_into(fmt, x, off, value)
        cases.append((name, repair(x), want))

    fields, table_end = table_fields(b)
    put("magic", 0, "<4s", b"P4NX", "magic")
    put("major", 4, "<H", 2, "version 2.0")
    put("minor", 6, "<H", 1, "newer")
    put("count0", 12, "<I", 0, "tensor count")
    put("count_big", 12, "<I", 1025, "tensor count")
    put("count_more", 12, "<I", len(fields) + 1, "")
    put("table_off", 16, "<I", 28, "table offset")
    put("flags", 20, "<I", 1, "flags")
    name0, type0, dims0, off0 = fields[0]
    put("name_len0", name0, "<H", 0, "name length")
    put("name_len64", name0, "<H", 64, "name length")
    put("name_char", name0 + 2, "<B", ord("-"), "outside")
    put("type", type0, "<B", ord("q"), "unknown type")
    put("ndims", type0 + 1, "<B", 5, "dimensions")
    put("text_ndims", type0 + 1, "<B", 2, "one dimension")  # tensor 0 is the graph text
    put("misaligned", off0, "<I", struct.unpack_from("<I", b, off0)[0] + 4, "multiple of 16")
    put("length", off0 + 4, "<I", struct.unpack_from("<I", b, off0 + 4)[0] + 1, "data length")
    put("outside", off0, "<I", 0xFFFFFFF0, "outside the file")
    put("over_table", off0, "<I", 16, "overlaps the table")
    put("dim_overflow", dims0, "<I", 0xFFFFFFFF, "")
    if len(fields) > 1:
        n1 = fields[1][0]
        x = bytearray(b)
        ln = struct.unpack_from("<H", x, name0)[0]
        if struct.unpack_from("<H", x, n1)[0] == ln:
            x[n1 + 2:n1 + 2 + ln] = x[name0 + 2:name0 + 2 + ln]
            cases.append(("duplicate", repair(x), "appears twice"))
        off1 = fields[1][3]
        put("overlap", off1, "<I", struct.unpack_from("<I", b, off0)[0], "overlaps the previous block")
    x = bytearray(b)
    x[8:12] = struct.pack("<I", len(b) + 1)
    x[-4:] = struct.pack("<I", zlib.crc32(bytes(x[:-4])))
    cases.append(("size_field", bytes(x), "size field"))
    return cases


def text_utf8_case(b):
    fields, _ = table_fields(b)
    for name, typ, dims, off in fields:
        if b[typ] == ord("u"):
            o = struct.unpack_from("<I", b, off)[0]
            x = bytearray(b)
            x[o] = 0xFF
            return [("bad_utf8", repair(x), "UTF-8")]
    return []


def run_p4jit(p4jit, on, files, workdir):
    prog = """import p4nn_model
def sums(a):
    h = 0
    for i in range(len(a)):
        h = (h * 31 + (a[i] & 0xFFFFFF)) & 0xFFFFFF
    return h
f = open("files.txt", "rb")
names = f.read().decode().split()
f.close()
for name in names:
    try:
        t = p4nn_model.load(name)
        for k in t:
            v = t[k]
            if isinstance(v, str):
                print("T", k, "u", len(v.encode()), sums(v.encode()))
            elif v.typecode == "f":
                print("T", k, "f", len(v), list(v))
            else:
                print("T", k, v.typecode, len(v), sums(v))
        print("OK")
    except ValueError as e:
        print("ValueError", e)
"""
    with open(os.path.join(workdir, "files.txt"), "w") as fh:
        fh.write("\n".join(files) + "\n")
    path = os.path.join(workdir, "reader.py")
    with open(path, "w") as fh:
        fh.write(prog)
    cmd = [p4jit, "run"] + (["--on", on] if on else []) + ["reader.py"]
    r = subprocess.run(cmd, cwd=workdir, capture_output=True, timeout=600)
    r.stdout, r.stderr = r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
    if r.returncode != 0:
        raise SystemExit("FAIL: %s\n%s%s" % (" ".join(cmd), r.stdout, r.stderr))
    blocks, cur = [], []
    for line in r.stdout.splitlines():
        cur.append(line)
        if line == "OK" or line.startswith("ValueError"):
            blocks.append(cur)
            cur = []
    if len(blocks) != len(files):
        raise SystemExit("FAIL: %d results for %d files:\n%s" % (len(blocks), len(files), r.stdout[-2000:]))
    return blocks


def expected(tensors):
    out = []
    for name, t, dims, data in tensors:
        if t == "u":
            vals = list(data.encode())
        elif t == "f":
            out.append("T %s f %d %s" % (name, len(data), list(struct.unpack("<%df" % len(data), struct.pack("<%df" % len(data), *data)))))
            continue
        else:
            vals = list(data)
        h = 0
        for v in vals:
            h = (h * 31 + (v & 0xFFFFFF)) & 0xFFFFFF
        out.append("T %s %s %d %d" % (name, t, len(vals), h))
    return out + ["OK"]


def main():
    p4jit = os.path.abspath(sys.argv[1])
    on = sys.argv[sys.argv.index("--on") + 1] if "--on" in sys.argv else None
    seeds = sys.argv[sys.argv.index("--fuzz-seeds") + 1] if "--fuzz-seeds" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        files, want = [], []
        for name, tensors in valid_sets().items():
            b = p4nn_write.encode(tensors)
            f = "valid_%s.p4nn" % name
            open(os.path.join(tmp, f), "wb").write(b)
            if seeds and name in ("tiny", "misc"):
                open(os.path.join(seeds, f), "wb").write(b)
            files.append(f)
            want.append(("valid " + name, expected(tensors), None))
        base = p4nn_write.encode(valid_sets()["tiny"])
        cases = structural(base) + text_utf8_case(base)
        _, table_end = table_fields(base)
        rng = random.Random(11)
        positions = list(range(table_end)) + rng.sample(range(table_end, len(base)), 40)
        for pos in positions:
            for bit in (0, 3, 7):
                x = bytearray(base)
                x[pos] ^= 1 << bit
                cases.append(("flip %d.%d" % (pos, bit), bytes(x), ""))
        for n in list(range(0, 65)) + sorted(rng.sample(range(65, len(base)), 20)):
            cases.append(("truncate %d" % n, base[:n], ""))
        for i, (name, data, words) in enumerate(cases):
            f = "bad_%d.p4nn" % i
            open(os.path.join(tmp, f), "wb").write(data)
            files.append(f)
            want.append((name, None, words))
        blocks = run_p4jit(p4jit, on, files, tmp)
        fails = 0
        for (name, lines, words), got, f in zip(want, blocks, files):
            if lines is not None:
                if sorted(got) != sorted(lines):
                    print("FAIL %s: got %s, want %s" % (name, got[:5], lines[:5]))
                    fails += 1
            elif len(got) != 1 or not got[0].startswith("ValueError") or words not in got[0]:
                print("FAIL %s (%s): %s (want ValueError with '%s')" % (name, f, got[-3:], words))
                fails += 1
        if fails:
            raise SystemExit("FAIL: %d of %d files" % (fails, len(files)))
        print("ok: %d valid files read back, %d damaged files rejected" %
              (len(valid_sets()), len(files) - len(valid_sets())))


if __name__ == "__main__":
    main()
