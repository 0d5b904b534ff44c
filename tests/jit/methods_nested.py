# Attributes that hold instances (ray.origin.y), which the JIT reads with a
# guard on the type word and the inner instance's own dict checks: the inner
# object replaced, not an instance, of a class without the attribute, an
# attribute deleted; a store into an inner instance is refused (its class is
# not checked). CPython is the oracle.
class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

class Ray:
    def __init__(self, o, d):
        self.origin = o
        self.direction = d

class Plane:
    def __init__(self, h):
        self.height = h
        self.hits = 0

    def hit_t(self, ray):
        dy = ray.direction.y
        if abs(dy) < 0.001:
            return -1.0
        return (self.height - ray.origin.y) / dy

    def march(self, ray, n):
        t = 0.0
        for i in range(n):
            t += ray.origin.y * 0.5 + ray.direction.x
            ray.origin.x = t
        return t

    def count(self, ray, n):
        k = 0
        for i in range(n):
            if ray.origin.y + i * ray.direction.y < self.height:
                k += 1
        return k

p = Plane(-1.0)
r = Ray(Vec(0.0, 2.0, 0.0), Vec(0.5, -0.25, 0.0))
print(p.hit_t(r), p.count(r, 40))
print(p.march(r, 5))
r.origin = Vec(1.0, 4.0, 1.0)
print(p.hit_t(r), p.count(r, 40))
r.direction.y = 0.0
print(p.hit_t(r))
r.direction = 3                       # not an instance: guard
try:
    print(p.hit_t(r))
except AttributeError as e:
    print("AttributeError", e)
r.direction = Ray(1, 2)               # another class: no attribute y
try:
    print(p.hit_t(r))
except AttributeError as e:
    print("AttributeError", e)
r2 = Ray(Vec(0.0, 2.0, 0.0), Vec(0.5, -0.25, 0.0))
del r2.origin.y
try:
    print(p.count(r2, 3))
except AttributeError as e:
    print("AttributeError", e)
