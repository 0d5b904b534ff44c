# n-body: 5 bodies, 2000 steps of a simple symplectic integrator (floats).
import math

bodies = [
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 39.47],
    [4.84, -1.16, -0.10, 0.606, 2.81, -0.02, 0.037],
    [8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011],
    [12.89, -15.11, -0.22, 1.08, 0.868, -0.01, 0.0017],
    [15.37, -25.91, 0.17, 0.979, 0.594, -0.034, 0.002],
]


def energy(bs):
    e = 0.0
    for i in range(len(bs)):
        b = bs[i]
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
        for j in range(i + 1, len(bs)):
            c = bs[j]
            dx, dy, dz = b[0] - c[0], b[1] - c[1], b[2] - c[2]
            e -= b[6] * c[6] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bs, dt, steps):
    n = len(bs)
    for _ in range(steps):
        for i in range(n):
            b = bs[i]
            for j in range(i + 1, n):
                c = bs[j]
                dx, dy, dz = b[0] - c[0], b[1] - c[1], b[2] - c[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * math.sqrt(d2))
                bm, cm = b[6] * mag, c[6] * mag
                b[3] -= dx * cm
                b[4] -= dy * cm
                b[5] -= dz * cm
                c[3] += dx * bm
                c[4] += dy * bm
                c[5] += dz * bm
        for b in bs:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


e0 = energy(bodies)
advance(bodies, 0.01, 2000)
print("energy", round(e0, 3), round(energy(bodies), 3))
