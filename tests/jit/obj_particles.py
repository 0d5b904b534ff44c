# p4: float-tolerance
# A particle system: a vector-ish class with methods that call methods,
# numeric bodies in loops, methods taking another instance, an int/float
# attribute that changes type between calls, and deep method chains.
import math


class Particle:
    def __init__(self, x, y, vx, vy, m):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.m = m
        self.hits = 0

    def speed2(self):
        return self.vx * self.vx + self.vy * self.vy

    def energy(self):
        return 0.5 * self.m * self.speed2()

    def dist2(self, o):
        dx = self.x - o.x
        dy = self.y - o.y
        return dx * dx + dy * dy

    def near(self, o, r):
        return self.dist2(o) < r * r

    def bounce(self, w, h):
        if self.x < 0.0 or self.x > w:
            self.vx = -self.vx
            self.hits += 1
        if self.y < 0.0 or self.y > h:
            self.vy = -self.vy
            self.hits += 1

    def step(self, dt, w, h):
        self.x += self.vx * dt
        self.y += self.vy * dt
        self.bounce(w, h)

    def run(self, n, dt):
        e = 0.0
        for i in range(n):
            self.step(dt, 10.0, 10.0)
            e += self.energy()
        return e

    def pull(self, o, n):
        c = 0
        for i in range(n):
            if self.near(o, 3.0):
                c += 1
            self.step(0.05, 10.0, 10.0)
            o.step(0.05, 10.0, 10.0)
        return c


class Heavy(Particle):
    def energy(self):
        return self.m * self.speed2() + Particle.energy(self)

    def norm(self):
        return math.sqrt(self.speed2())


a = Particle(1.0, 2.0, 0.7, -0.3, 2.0)
b = Heavy(5.0, 5.0, -0.2, 0.9, 3.0)
for rep in range(3):
    print(round(a.run(100, 0.1), 3), round(b.run(100, 0.1), 3), a.hits, b.hits)
    print(a.pull(b, 60), b.pull(a, 60), round(b.norm(), 4))
b.m = 4
print(round(b.run(50, 0.1), 3), round(b.energy(), 3))
b.vx = 2
print(round(a.pull(b, 40), 3), b.hits)
for i in range(3):
    b.x = 2147483000 + i
    try:
        print(b.dist2(a) > 0, a.near(b, 1.0))
    except OverflowError as ex:
        print("overflow", ex)
