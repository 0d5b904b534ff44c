# A chaos game: points walk towards the control points of a few Bezier
# splines under contractive maps chosen by a small integer generator; the
# visits are counted on a coarse grid. Contractive maps keep float32 and
# float64 runs together. Argument 1: the number of iterations.
# p4: float-tolerance
import sys

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
GRID = 8


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def lerp(self, other, t):
        return Point(self.x + (other.x - self.x) * t, self.y + (other.y - self.y) * t)

    def __repr__(self):
        return "(%.4f, %.4f)" % (self.x, self.y)


class Spline:
    """A cubic Bezier curve evaluated by repeated interpolation."""

    def __init__(self, *points):
        self.points = list(points)

    def at(self, t):
        pts = self.points
        while len(pts) > 1:
            pts = [pts[k].lerp(pts[k + 1], t) for k in range(len(pts) - 1)]
        return pts[0]


class Chooser:
    """A linear congruential generator kept below 2**31."""

    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 1103 + 12345) % 65521
        return self.state % n


class Game:
    def __init__(self, splines, seed=7):
        self.splines = splines
        self.chooser = Chooser(seed)
        self.counts = [[0] * GRID for _ in range(GRID)]
        self.point = Point(0.5, 0.5)

    def step(self):
        c = self.chooser
        spline = self.splines[c.next(len(self.splines))]
        target = spline.at(c.next(16) / 16.0)
        self.point = self.point.lerp(target, 0.5)
        gx = min(int(self.point.x * GRID), GRID - 1)
        gy = min(int(self.point.y * GRID), GRID - 1)
        self.counts[gy][gx] += 1

    def run(self, steps):
        for _ in range(steps):
            self.step()
        return self.counts


splines = [
    Spline(Point(0.0, 0.0), Point(0.2, 0.9), Point(0.4, 0.1), Point(0.5, 0.8)),
    Spline(Point(0.5, 0.8), Point(0.7, 0.95), Point(0.95, 0.6), Point(1.0, 0.1)),
    Spline(Point(0.1, 0.05), Point(0.4, 0.3), Point(0.6, 0.0), Point(0.9, 0.05)),
]
game = Game(splines)
counts = game.run(STEPS)
print("steps", STEPS)
for row in counts:
    print(" ".join("%4d" % v for v in row))
print("busiest", max(max(r) for r in counts), "empty", sum(r.count(0) for r in counts))
print("last", game.point)
print("at 0.3", [s.at(0.3) for s in splines])
