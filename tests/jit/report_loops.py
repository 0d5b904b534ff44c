# --jit-report says for every loop of a compiled function whether vector.c or
# elementwise.c put it on PIE lanes (and then whether its PIE copy got a
# hardware loop, esp.lp.setup, and a fused load), and if not, why - vector.c's
# reason, and for a loop that stores an int element elementwise.c's, with the
# operation and its line (issue 12). Each loop's
# line carries the report's expected text in a comment (report: TEXT);
# check_report.py (jit/report-loops) runs `p4jit run -X jit=eager -X
# pie=rev3 --jit-report` on this file and requires exactly those lines.
# The outputs are checked against CPython as every jitprog program's.
from array import array


def matmul(a, b, c, n, k):
    for j in range(n):  # report: vectorised: loop over j, 16 lanes (int8 multiply-accumulate into QACC, int32 stores), 16 taps per load (esp.vsmulas) in 1 inner loop, a hardware loop (esp.lp.setup) with a fused load (esp.vmulas.s8.qacc.ldbc.incp) for the loop at line 16, a hardware loop (esp.lp.setup) with a fused load (esp.vsmulas.s8.qacc.ld.incp) for the loop at line 16
        acc = 0
        for t in range(k):  # report: not vectorised: loop over t: inside the vectorised loop (line 14)
            acc += a[t] * b[t * n + j]
        c[j] = acc


def dense(x, w, y, n_in, n_out):
    for o in range(n_out):  # report: not vectorised: loop over o: an index is the counter times a value not known at compile time (no fixed slope) (MULO)
        acc = 0
        for i in range(n_in):  # report: vectorised: loop over i, 16 lanes (int8 dot product into XACC), on a hardware loop (esp.lp.setup) with a fused load (esp.vmulas.s8.xacc.ld.ip), and a copy that also sums the next output row in QACC (row pairs: esp.vmulas.s8.qacc.ld.ip)
            acc += x[i] * w[o * n_in + i]
        y[o] = acc


def strided(a, b, c, n, k):
    for j in range(n):  # report: not vectorised: loop over j: an int8 operand is neither contiguous (slope 1) nor uniform (slope 0) (ALOAD)
        acc = 0
        for t in range(k):  # report: not vectorised: loop over t: a value carried from one iteration to the next (a sum over this loop itself); as a dot product: a factor's index is not the counter plus offsets (not contiguous)
            acc += a[t] * b[2 * j + t * n]
        c[j] = acc


def wide(h, b, c, n, k):
    for j in range(n):  # report: not vectorised: loop over j: an operand that changes with the counter is not int8 (only 'b' arrays make lanes) (ALOAD)
        acc = 0
        for t in range(k):  # report: not vectorised: loop over t: a value carried from one iteration to the next (a sum over this loop itself)
            acc += b[t] * h[t * n + j]
        c[j] = acc


def helper(v):
    return v + 1


def calls(a, b, c, n, k):
    for j in range(n):  # report: not vectorised: loop over j: a call in the body (CALL)
        acc = helper(j) - j - 1
        for t in range(k):  # report: not vectorised: loop over t: a value carried from one iteration to the next (a sum over this loop itself); as a dot product: a factor's index is not the counter plus offsets (not contiguous)
            acc += a[t] * b[t * n + j]
        c[j] = acc
        for t in range(k):  # report: vectorised: loop over t, 16 lanes (int8 dot product into XACC), on a hardware loop (esp.lp.setup) with a fused load (esp.vmulas.s8.xacc.ld.ip)
            acc += a[t] * b[t]
        c[0] += acc


def early_exit(a, b, c, n, k):
    for j in range(n):  # report: not vectorised: loop over j: it is left other than at its test (break, return, or an error path)
        acc = 0
        for t in range(k):  # report: not vectorised: loop over t: it is left other than at its test (break, return, or an error path)
            acc += a[t] * b[t * n + j]
            if acc > 1000:
                break
        c[j] = acc
        if acc < -1000:
            return j
    return -1


def stepping(a, b, n):
    s = 0
    j = 0
    while j < n:  # report: not vectorised: while loop: the function stores no int32 ('i') element (lanes of sums are stored as int32); as a dot product: not a counted loop (`for` over range with step 1)
        s += a[j] * b[j]
        j += 2
    return s


def offset_read(a, b, c, d, n, k):
    for j in range(n):  # report: vectorised: loop over j, 16 lanes (int8 multiply-accumulate into QACC, int32 stores), arrays compared at entry (a load may read the stored array), no hardware loop
        acc = 0
        for t in range(k):  # report: not vectorised: loop over t: inside the vectorised loop (line 83)
            acc += a[t + d[0]] * b[t * n + j]
        c[j + 1] = acc


def shrinking(a, b, c, n):
    j = 0
    while j < n:  # report: not vectorised: while loop: the trip count is not known when the loop is entered (its bounds change in it); as elementwise: a value carried from one iteration to the next (only the counter may be)
        c[j] = a[j] * b[j]
        j += 1
        n -= a[j] & 1


def add8(a, b, c, n):
    for i in range(n):  # report: vectorised: loop over i, 16 lanes (elementwise), no hardware loop
        c[i] = a[i] + b[i]


def floats(x, n):
    s = 0.0
    for i in range(n):  # report: not vectorised: loop over i: the function reads no int8 ('b') or int16 ('h') element (PIE multiply-accumulates those)
        s += x[i] * 0.5
    return s


def ew_refusals(a8, b8, c8, h16, w32, n):
    for i in range(n):  # report: not vectorised: loop over i: the function stores no int32 ('i') element (lanes of sums are stored as int32); as elementwise: a lane value made from the counter (only elements make lanes) (ADDO, line 112)
        c8[i] = a8[i] + i
    for i in range(n):  # report: not vectorised: loop over i: the function stores no int32 ('i') element (lanes of sums are stored as int32); as elementwise: a second store in the body (ASTORE, line 115)
        c8[i] = a8[i]
        h16[i] = b8[i]
    for i in range(n):  # report: not vectorised: loop over i: the function stores no int32 ('i') element (lanes of sums are stored as int32); as elementwise: arrays of different element types, or not int8, int16 or int32 ('b', 'h', 'i') (ASTORE, line 117)
        h16[i] = a8[i] - b8[i]
    for i in range(n):  # report: not vectorised: loop over i: the function stores no int32 ('i') element (lanes of sums are stored as int32); as elementwise: the body is not one block (a branch, or a check that can fail other than an index's)
        if a8[i] > 0:
            c8[i] = a8[i]
    for i in range(n):  # report: not vectorised: loop over i: the function stores no int32 ('i') element (lanes of sums are stored as int32); as elementwise: int32 elements stored as int8 other than through a clamp (min and max with values fixed in the loop) (ASTORE, line 122)
        c8[i] = w32[i] >> 3
    s = 0
    for i in range(n):  # report: not vectorised: loop over i: the function stores no int32 ('i') element (lanes of sums are stored as int32); as elementwise: a value carried from one iteration to the next (only the counter may be)
        s += a8[i]
        c8[i] = max(a8[i], b8[i])
    return s


CH = 17  # a constant channel count of 16 or more: the channel loop gets 16 taps per load in a conv nest


def conv_c17(inp, wts, out, H, W, F):
    for oy in range(H - 2):  # report: not vectorised: loop over oy: an index is the counter times a value not known at compile time (no fixed slope) (MULO)
        for ox in range(W - 2):  # report: not vectorised: loop over ox: an index is the counter times a value not known at compile time (no fixed slope) (MULO)
            for f in range(F):  # report: vectorised: loop over f, 16 lanes (int8 multiply-accumulate into QACC, int32 stores), 16 taps per load (esp.vsmulas) in 1 inner loop, a hardware loop (esp.lp.setup) with a fused load (esp.vsmulas.s8.qacc.ld.incp) for the loop at line 141, a hardware loop (esp.lp.setup) with a fused load (esp.vmulas.s8.qacc.ldbc.incp) for the loop at line 141
                acc = 0
                for ky in range(3):  # report: not vectorised: loop over ky: inside the vectorised loop (line 136)
                    for kx in range(3):  # report: not vectorised: loop over kx: inside the vectorised loop (line 136)
                        base = ((oy + ky) * W + (ox + kx)) * CH
                        for ch in range(CH):  # report: not vectorised: loop over ch: inside the vectorised loop (line 136)
                            acc += inp[base + ch] * wts[(ky * 3 + kx) * CH * F + f + ch * F]
                out[(oy * (W - 2) + ox) * F + f] = acc


def nine(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q):  # report-function: not compiled: it has 17 parameters (compiled code takes at most 16)
    s = 0
    for r in range(a):
        s += b * r + c - d + e * f - g + h * i + j + k + l + m + n + o + p + q
    return s


def dot16(a, b, n):
    acc = 0
    for i in range(n):  # report: vectorised: loop over i, 8 lanes (int16 dot product into XACC), on a hardware loop (esp.lp.setup) with a fused load (esp.vmulas.s16.xacc.ld.ip)
        acc += a[i] * b[i]
    return acc


a = array('b', [(i * 37) % 251 - 125 for i in range(600)])
b = array('b', [(i * 53) % 241 - 120 for i in range(600)])
h = array('h', [(i * 911) % 60001 - 30000 for i in range(600)])
c = array('i', [0] * 40)
matmul(a, b, c, 20, 9)
print(list(c))
dense(a, b, c, 17, 5)
print(list(c))
strided(a, b, c, 18, 7)
print(list(c))
wide(h, b, c, 18, 7)
print(list(c))
calls(a, b, c, 17, 6)
print(list(c))
print(early_exit(a, b, c, 19, 8), list(c))
print(stepping(a, b, 41))
d = array('i', [3, 1])
offset_read(a, b, c, d, 20, 9)
print(list(c))
c[0] = 2
offset_read(a, b, c, c, 20, 9)
print(list(c))
shrinking(a, b, c, 30)
print(list(c))
c8 = array('b', [0] * 40)
add8(array('b', range(40)), array('b', range(0, 80, 2)), c8, 40)
print(list(c8))
print(floats(array('f', [1.5, 2.25, -3.0]), 3))
print(dot16(array('h', range(-500, 500, 7)), array('h', range(900, -900, -13)), 40))
co = array('i', [0] * 6 * 21)
conv_c17(array('b', [(i * 13) % 256 - 128 for i in range(4 * 5 * CH)]),
         array('b', [(i * 29 + 11) % 256 - 128 for i in range(9 * CH * 21)]), co, 4, 5, 21)
print(list(co))
print(nine(10, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17))
e8 = array('b', [0] * 40)
e16 = array('h', [0] * 40)
w32 = array('i', [(i * 7919) % 2000 - 1000 for i in range(40)])
print(ew_refusals(array('b', range(-20, 20)), array('b', range(40, 0, -1)), e8, e16, w32, 33), list(e8), list(e16))
