# Mandelbrot escape counts on a 64x32 grid, 100 iterations max (floats).
def mandel(w, h, limit):
    total = 0
    for py in range(h):
        ci = -1.2 + 2.4 * py / h
        for px in range(w):
            cr = -2.0 + 2.6 * px / w
            zr = 0.0
            zi = 0.0
            n = 0
            while n < limit and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
    return total


print("iterations", mandel(64, 32, 100))
