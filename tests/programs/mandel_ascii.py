# p4: float-tolerance
# Escape-time counts for points well inside or well outside the Mandelbrot set.
def escape(cr, ci, limit):
    zr = zi = 0.0
    for n in range(limit):
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        if zr * zr + zi * zi > 4.0:
            return n
    return limit
pts = [(-2.5, 0.0), (0.0, 0.0), (-1.0, 0.0), (1.0, 1.0), (0.5, 0.5), (-0.1, 0.1), (2.0, 2.0)]
print([escape(r, i, 50) for r, i in pts])
total = 0
for y in range(-10, 11, 5):
    for x in range(-20, 6, 5):
        total += escape(x / 10.0, y / 10.0, 20)
print(total)
