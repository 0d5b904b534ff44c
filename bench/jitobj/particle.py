# Methods: a Particle with float x/y/vx/vy attributes stepped in a loop (the
# jitobj measurement of docs/jit.md, "Methods and closures"); prints the
# modelled cycles of the second calls (p4.cycles) and the results.
import p4
class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
    def step(self, dt, n):
        for i in range(n):
            self.vy = self.vy - 9.8 * dt
            self.x = self.x + self.vx * dt
            self.y = self.y + self.vy * dt
            if self.y < 0.0:
                self.y = -self.y
                self.vy = -self.vy * 0.9
ps = [Particle(0.0, 10.0 + k, 1.0 + k * 0.5, 0.0) for k in range(8)]
for p in ps:
    p.step(0.01, 1)
c0 = p4.cycles()
for p in ps:
    p.step(0.01, 500)
c1 = p4.cycles()
print("particle 8x500 steps cycles", c1 - c0, [round(p.y, 2) for p in ps])
