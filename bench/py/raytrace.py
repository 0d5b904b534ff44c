# A small ray tracer: a vector class with operator overloading, spheres and
# a plane, diffuse light with shadows and one reflection. Renders an
# N x N image (argument 1) to a checksum of 0..255 grey levels.
# p4: float-tolerance
import sys
import math

SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 12


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return math.sqrt(self.dot(self))

    def unit(self):
        return self * (1.0 / self.norm())

    def __repr__(self):
        return "Vec(%.2f, %.2f, %.2f)" % (self.x, self.y, self.z)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.unit()

    def at(self, t):
        return self.origin + self.direction * t


class Thing:
    reflect = 0.0

    def __init__(self, shade):
        self.shade = shade


class Sphere(Thing):
    def __init__(self, centre, radius, shade, reflect=0.0):
        super().__init__(shade)
        self.centre = centre
        self.r2 = radius * radius
        self.reflect = reflect

    def hit(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.r2
        disc = b * b - c
        if disc < 0:
            return None
        s = math.sqrt(disc)
        t = -b - s
        if t > 1e-3:
            return t
        t = -b + s
        return t if t > 1e-3 else None

    def normal(self, p):
        return (p - self.centre).unit()


class Plane(Thing):
    def __init__(self, height, shade):
        super().__init__(shade)
        self.height = height
        self.up = Vec(0.0, 1.0, 0.0)

    def hit(self, ray):
        dy = ray.direction.y
        if abs(dy) < 1e-6:
            return None
        t = (self.height - ray.origin.y) / dy
        return t if t > 1e-3 else None

    def normal(self, p):
        return self.up


class Scene:
    def __init__(self):
        self.things = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, 0.9, reflect=0.3),
            Sphere(Vec(-1.8, 0.6, 6.0), 0.6, 0.7),
            Sphere(Vec(1.6, 0.5, 4.5), 0.5, 0.5, reflect=0.5),
            Plane(0.0, 0.6),
        ]
        self.light = Vec(-3.0, 5.0, 1.0)
        self.ambient = 0.1

    def nearest(self, ray):
        best, best_t = None, 1e9
        for thing in self.things:
            t = thing.hit(ray)
            if t is not None and t < best_t:
                best, best_t = thing, t
        return best, best_t

    def trace(self, ray, depth=0):
        thing, t = self.nearest(ray)
        if thing is None:
            return 0.2 + 0.3 * max(ray.direction.y, 0.0)
        p = ray.at(t)
        n = thing.normal(p)
        to_light = self.light - p
        dist = to_light.norm()
        shadow_ray = Ray(p, to_light)
        blocker, bt = self.nearest(shadow_ray)
        lit = blocker is None or bt > dist
        diffuse = max(n.dot(shadow_ray.direction), 0.0) if lit else 0.0
        colour = thing.shade * (self.ambient + 0.9 * diffuse)
        if thing.reflect > 0 and depth < 2:
            d = ray.direction
            r = d - n * (2.0 * d.dot(n))
            colour = (1 - thing.reflect) * colour + thing.reflect * self.trace(Ray(p, r), depth + 1)
        return min(colour, 1.0)


def render(size):
    scene = Scene()
    eye = Vec(0.0, 1.2, 0.0)
    total = 0.0
    rows = []
    for j in range(size):
        row_sum = 0.0
        for i in range(size):
            x = (i + 0.5) / size * 2.0 - 1.0
            y = 1.0 - (j + 0.5) / size * 2.0
            level = scene.trace(Ray(eye, Vec(x, y, 1.5)))
            row_sum += level
        rows.append(row_sum)
        total += row_sum
    return total, rows


total, rows = render(SIZE)
print("size", SIZE)
print("mean level", total / (SIZE * SIZE))
print("brightest row", max(range(SIZE), key=lambda k: rows[k]))
print("first rows", [round(r / SIZE, 3) for r in rows[:4]])
print(Vec(1, 2, 3) + Vec(0.5, 0.5, 0.5), -Vec(1, 0, 0), 2 * Vec(1, 1, 1))
