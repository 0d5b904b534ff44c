# Regression for the register allocator's liveness sets (jitcost2): a
# function of many blocks (a branch per step) in a loop, with 48 ints and
# 16 floats live across all of them and the loop, and constants and
# compares between them (values that take no register, which the sets
# leave out). The sets hold a bit per value that needs a location, so more
# than 32 of them span several words; a value whose bit was lost would
# keep a stale register across a block. Compared with CPython (the floats
# are halves of ints: exact in float32).


def many(n, k):
    a0 = 0
    a1 = 7
    a2 = 1
    a3 = 8
    a4 = 2
    a5 = 9
    a6 = 3
    a7 = 10
    a8 = 4
    a9 = 11
    a10 = 5
    a11 = 12
    a12 = 6
    a13 = 0
    a14 = 7
    a15 = 1
    a16 = 8
    a17 = 2
    a18 = 9
    a19 = 3
    a20 = 10
    a21 = 4
    a22 = 11
    a23 = 5
    a24 = 12
    a25 = 6
    a26 = 0
    a27 = 7
    a28 = 1
    a29 = 8
    a30 = 2
    a31 = 9
    a32 = 3
    a33 = 10
    a34 = 4
    a35 = 11
    a36 = 5
    a37 = 12
    a38 = 6
    a39 = 0
    a40 = 7
    a41 = 1
    a42 = 8
    a43 = 2
    a44 = 9
    a45 = 3
    a46 = 10
    a47 = 4
    f0 = 0.5
    f1 = 1.5
    f2 = 2.5
    f3 = 3.5
    f4 = 4.5
    f5 = 5.5
    f6 = 6.5
    f7 = 7.5
    f8 = 8.5
    f9 = 9.5
    f10 = 10.5
    f11 = 11.5
    f12 = 12.5
    f13 = 13.5
    f14 = 14.5
    f15 = 15.5
    for i in range(n):
        if (i + 0) % 3 < k:
            a0 = (a0 + a3 + i) % 1000
        else:
            a0 = (a0 + 1) % 1000
        if (i + 1) % 4 < k:
            a1 = (a1 - a8 + i) % 1000
        else:
            a1 = (a1 + 2) % 1000
        if (i + 2) % 5 < k:
            a2 = (a2 ^ a13 + i) % 1000
        else:
            a2 = (a2 + 3) % 1000
        if (i + 3) % 6 < k:
            a3 = (a3 + a18 + i) % 1000
        else:
            a3 = (a3 + 4) % 1000
        if (i + 4) % 3 < k:
            a4 = (a4 + a23 + i) % 1000
        else:
            a4 = (a4 + 5) % 1000
        if (i + 5) % 4 < k:
            a5 = (a5 - a28 + i) % 1000
        else:
            a5 = (a5 + 6) % 1000
        if (i + 6) % 5 < k:
            a6 = (a6 ^ a33 + i) % 1000
        else:
            a6 = (a6 + 7) % 1000
        if (i + 7) % 6 < k:
            a7 = (a7 + a38 + i) % 1000
        else:
            a7 = (a7 + 8) % 1000
        if (i + 8) % 3 < k:
            a8 = (a8 + a43 + i) % 1000
        else:
            a8 = (a8 + 9) % 1000
        if (i + 9) % 4 < k:
            a9 = (a9 - a0 + i) % 1000
        else:
            a9 = (a9 + 10) % 1000
        if (i + 10) % 5 < k:
            a10 = (a10 ^ a5 + i) % 1000
        else:
            a10 = (a10 + 11) % 1000
        if (i + 11) % 6 < k:
            a11 = (a11 + a10 + i) % 1000
        else:
            a11 = (a11 + 12) % 1000
        if (i + 12) % 3 < k:
            a12 = (a12 + a15 + i) % 1000
        else:
            a12 = (a12 + 13) % 1000
        if (i + 13) % 4 < k:
            a13 = (a13 - a20 + i) % 1000
        else:
            a13 = (a13 + 14) % 1000
        if (i + 14) % 5 < k:
            a14 = (a14 ^ a25 + i) % 1000
        else:
            a14 = (a14 + 15) % 1000
        if (i + 15) % 6 < k:
            a15 = (a15 + a30 + i) % 1000
        else:
            a15 = (a15 + 16) % 1000
        if (i + 16) % 3 < k:
            a16 = (a16 + a35 + i) % 1000
        else:
            a16 = (a16 + 17) % 1000
        if (i + 17) % 4 < k:
            a17 = (a17 - a40 + i) % 1000
        else:
            a17 = (a17 + 18) % 1000
        if (i + 18) % 5 < k:
            a18 = (a18 ^ a45 + i) % 1000
        else:
            a18 = (a18 + 19) % 1000
        if (i + 19) % 6 < k:
            a19 = (a19 + a2 + i) % 1000
        else:
            a19 = (a19 + 20) % 1000
        if (i + 20) % 3 < k:
            a20 = (a20 + a7 + i) % 1000
        else:
            a20 = (a20 + 21) % 1000
        if (i + 21) % 4 < k:
            a21 = (a21 - a12 + i) % 1000
        else:
            a21 = (a21 + 22) % 1000
        if (i + 22) % 5 < k:
            a22 = (a22 ^ a17 + i) % 1000
        else:
            a22 = (a22 + 23) % 1000
        if (i + 23) % 6 < k:
            a23 = (a23 + a22 + i) % 1000
        else:
            a23 = (a23 + 24) % 1000
        if (i + 24) % 3 < k:
            a24 = (a24 + a27 + i) % 1000
        else:
            a24 = (a24 + 25) % 1000
        if (i + 25) % 4 < k:
            a25 = (a25 - a32 + i) % 1000
        else:
            a25 = (a25 + 26) % 1000
        if (i + 26) % 5 < k:
            a26 = (a26 ^ a37 + i) % 1000
        else:
            a26 = (a26 + 27) % 1000
        if (i + 27) % 6 < k:
            a27 = (a27 + a42 + i) % 1000
        else:
            a27 = (a27 + 28) % 1000
        if (i + 28) % 3 < k:
            a28 = (a28 + a47 + i) % 1000
        else:
            a28 = (a28 + 29) % 1000
        if (i + 29) % 4 < k:
            a29 = (a29 - a4 + i) % 1000
        else:
            a29 = (a29 + 30) % 1000
        if (i + 30) % 5 < k:
            a30 = (a30 ^ a9 + i) % 1000
        else:
            a30 = (a30 + 31) % 1000
        if (i + 31) % 6 < k:
            a31 = (a31 + a14 + i) % 1000
        else:
            a31 = (a31 + 32) % 1000
        if (i + 32) % 3 < k:
            a32 = (a32 + a19 + i) % 1000
        else:
            a32 = (a32 + 33) % 1000
        if (i + 33) % 4 < k:
            a33 = (a33 - a24 + i) % 1000
        else:
            a33 = (a33 + 34) % 1000
        if (i + 34) % 5 < k:
            a34 = (a34 ^ a29 + i) % 1000
        else:
            a34 = (a34 + 35) % 1000
        if (i + 35) % 6 < k:
            a35 = (a35 + a34 + i) % 1000
        else:
            a35 = (a35 + 36) % 1000
        if (i + 36) % 3 < k:
            a36 = (a36 + a39 + i) % 1000
        else:
            a36 = (a36 + 37) % 1000
        if (i + 37) % 4 < k:
            a37 = (a37 - a44 + i) % 1000
        else:
            a37 = (a37 + 38) % 1000
        if (i + 38) % 5 < k:
            a38 = (a38 ^ a1 + i) % 1000
        else:
            a38 = (a38 + 39) % 1000
        if (i + 39) % 6 < k:
            a39 = (a39 + a6 + i) % 1000
        else:
            a39 = (a39 + 40) % 1000
        if (i + 40) % 3 < k:
            a40 = (a40 + a11 + i) % 1000
        else:
            a40 = (a40 + 41) % 1000
        if (i + 41) % 4 < k:
            a41 = (a41 - a16 + i) % 1000
        else:
            a41 = (a41 + 42) % 1000
        if (i + 42) % 5 < k:
            a42 = (a42 ^ a21 + i) % 1000
        else:
            a42 = (a42 + 43) % 1000
        if (i + 43) % 6 < k:
            a43 = (a43 + a26 + i) % 1000
        else:
            a43 = (a43 + 44) % 1000
        if (i + 44) % 3 < k:
            a44 = (a44 + a31 + i) % 1000
        else:
            a44 = (a44 + 45) % 1000
        if (i + 45) % 4 < k:
            a45 = (a45 - a36 + i) % 1000
        else:
            a45 = (a45 + 46) % 1000
        if (i + 46) % 5 < k:
            a46 = (a46 ^ a41 + i) % 1000
        else:
            a46 = (a46 + 47) % 1000
        if (i + 47) % 6 < k:
            a47 = (a47 + a46 + i) % 1000
        else:
            a47 = (a47 + 48) % 1000
        f0 = f0 - a0 * 0.5
        f1 = f1 - a3 * 0.5
        f2 = f2 - a6 * 0.5
        f3 = f3 - a9 * 0.5
        f4 = f4 - a12 * 0.5
        f5 = f5 - a15 * 0.5
        f6 = f6 - a18 * 0.5
        f7 = f7 - a21 * 0.5
        f8 = f8 - a24 * 0.5
        f9 = f9 - a27 * 0.5
        f10 = f10 - a30 * 0.5
        f11 = f11 - a33 * 0.5
        f12 = f12 - a36 * 0.5
        f13 = f13 - a39 * 0.5
        f14 = f14 - a42 * 0.5
        f15 = f15 - a45 * 0.5
    t = 0
    t = (t * 3 + a0) % 1000003
    t = (t * 3 + a1) % 1000003
    t = (t * 3 + a2) % 1000003
    t = (t * 3 + a3) % 1000003
    t = (t * 3 + a4) % 1000003
    t = (t * 3 + a5) % 1000003
    t = (t * 3 + a6) % 1000003
    t = (t * 3 + a7) % 1000003
    t = (t * 3 + a8) % 1000003
    t = (t * 3 + a9) % 1000003
    t = (t * 3 + a10) % 1000003
    t = (t * 3 + a11) % 1000003
    t = (t * 3 + a12) % 1000003
    t = (t * 3 + a13) % 1000003
    t = (t * 3 + a14) % 1000003
    t = (t * 3 + a15) % 1000003
    t = (t * 3 + a16) % 1000003
    t = (t * 3 + a17) % 1000003
    t = (t * 3 + a18) % 1000003
    t = (t * 3 + a19) % 1000003
    t = (t * 3 + a20) % 1000003
    t = (t * 3 + a21) % 1000003
    t = (t * 3 + a22) % 1000003
    t = (t * 3 + a23) % 1000003
    t = (t * 3 + a24) % 1000003
    t = (t * 3 + a25) % 1000003
    t = (t * 3 + a26) % 1000003
    t = (t * 3 + a27) % 1000003
    t = (t * 3 + a28) % 1000003
    t = (t * 3 + a29) % 1000003
    t = (t * 3 + a30) % 1000003
    t = (t * 3 + a31) % 1000003
    t = (t * 3 + a32) % 1000003
    t = (t * 3 + a33) % 1000003
    t = (t * 3 + a34) % 1000003
    t = (t * 3 + a35) % 1000003
    t = (t * 3 + a36) % 1000003
    t = (t * 3 + a37) % 1000003
    t = (t * 3 + a38) % 1000003
    t = (t * 3 + a39) % 1000003
    t = (t * 3 + a40) % 1000003
    t = (t * 3 + a41) % 1000003
    t = (t * 3 + a42) % 1000003
    t = (t * 3 + a43) % 1000003
    t = (t * 3 + a44) % 1000003
    t = (t * 3 + a45) % 1000003
    t = (t * 3 + a46) % 1000003
    t = (t * 3 + a47) % 1000003
    u = 0.0
    u = u + f0
    u = u + f1
    u = u + f2
    u = u + f3
    u = u + f4
    u = u + f5
    u = u + f6
    u = u + f7
    u = u + f8
    u = u + f9
    u = u + f10
    u = u + f11
    u = u + f12
    u = u + f13
    u = u + f14
    u = u + f15
    return t, u


for n, k in ((0, 1), (1, 2), (7, 1), (40, 2), (101, 3)):
    t, u = many(n, k)
    print(n, k, t, u)
