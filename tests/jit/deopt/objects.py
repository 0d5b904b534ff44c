# Methods and closures the JIT compiles (build.c: attributes of instances in
# their own dict, closure cells), and every way their guards fail: an
# attribute that changes type, is deleted, comes back at another place in
# the dict, a dict that is replaced by another layout, a property added to
# the class after compiling, an array attribute of another typecode, a cell
# that changes type or is deleted. The interpreter in the same firmware is
# the oracle (check.py), also with every Nth guard forced to deoptimise.
from array import array


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy

    def step(self, dt, n):
        for i in range(n):
            self.vy = self.vy - 9.75 * dt
            self.x = self.x + self.vx * dt
            self.y = self.y + self.vy * dt
            if self.y < 0.0:
                self.y = -self.y
                self.vy = -self.vy * 0.875
        return self.x

    def energy(self):
        return 0.5 * (self.vx * self.vx + self.vy * self.vy) + 9.75 * self.y


class Heavy(Particle):
    def __init__(self, x, y):
        Particle.__init__(self, x, y, 1.0, 0.0)
        self.mass = 3


class Counter:
    def __init__(self):
        self.n = 0
        self.total = 0

    def add(self, k):
        for i in range(k):
            self.n += 1
            self.total = self.total + i * self.n
        return self.total


class Layer:
    def __init__(self, n):
        self.w = array('b', [(i * 37) % 255 - 127 for i in range(n)])
        self.bias = 3
        self.scale = 0.5

    def dot(self, x):
        s = self.bias
        for i in range(len(x)):
            s += self.w[i] * x[i]
        return s * self.scale


def clamp(v, lo, hi):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v


class Mover:
    """A method that calls a compiled function in its loop: its attribute
    checks stay at each access (the call may change the dict)."""
    def __init__(self):
        self.pos = 0.0
        self.vel = 1.5
        self.lo = -4.0
        self.hi = 4.0

    def run(self, n):
        for i in range(n):
            self.pos = clamp(self.pos + self.vel, self.lo, self.hi)
            if self.pos == self.hi or self.pos == self.lo:
                self.vel = -self.vel
        return self.pos


def run_mover():
    m = Mover()
    print("mover", m.run(7), m.run(5), m.vel)
    m.vel = 2                     # an int: the guard in the loop
    print("int vel", m.run(6), m.vel)
    m.hi = 3                      # a bound of another type
    print("int hi", m.run(9), m.vel)
    del m.lo
    try:
        m.run(3)
    except AttributeError as e:
        print("AttributeError", e)


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


def run_nested():
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


def norm2(p):
    return p.x * p.x + p.y * p.y


def run_particles():
    ps = [Particle(0.0, 10.0 + k, 1.0 + k * 0.5, 0.0) for k in range(3)]
    for rep in range(3):
        for p in ps:
            p.step(0.0625, 40)
        print("particles", rep, [p.x for p in ps], [p.y for p in ps], [p.energy() for p in ps])
    h = Heavy(1.0, 4.0)
    print("heavy", h.step(0.0625, 30), h.energy(), h.mass, norm2(h), norm2(ps[0]))
    q = Particle(0.0, 5.0, 2.0, 0.0)
    q.step(0.0625, 5)
    q.vx = 3                      # float -> int: the type guard
    print("int vx", q.step(0.0625, 5), q.energy())
    q.vx = True                   # a bool
    print("bool vx", q.step(0.0625, 5))
    del q.vy                      # deleted: the key guard
    q.vy = 1.5                    # back, at another index
    print("moved vy", q.step(0.0625, 5), q.y, q.energy())
    r = Particle(1.0, 2.0, 3.0, 4.0)
    r.__dict__.clear()            # an empty dict: the length guard
    r.x, r.vx, r.y, r.vy = 1.0, 0.5, 2.0, 0.25
    print("cleared", r.step(0.0625, 4), r.energy())
    s = Particle(0.0, 1.0, 1.0, 1.0)
    del s.vx
    try:
        s.step(0.0625, 3)         # AttributeError from the interpreter, after a deopt
    except AttributeError as e:
        print("AttributeError", e)
    t = Particle(0.0, 1.0, 1.0, 1.0)
    t.vx = "fast"
    try:
        t.step(0.0625, 3)
    except TypeError as e:
        print("TypeError", e)
    big = Counter()
    print("counter", big.add(10), big.n)
    big.total = 2**31 - 20        # the compiled add overflows: deopt, the interpreter goes on
    print("counter long", big.add(5), big.n)
    u = Counter()
    u.extra = 7                   # more entries: the layout still holds
    print("extra", u.add(6), u.extra)


def run_layer():
    L = Layer(32)
    x = array('b', [(i * 11) % 200 - 100 for i in range(32)])
    t = 0.0
    for k in range(5):
        t += L.dot(x)
    print("layer", t)
    L.bias = 2.5                  # int -> float
    print("float bias", L.dot(x))
    L.w = array('h', [1000] * 32) # another typecode
    print("int16 w", L.dot(x))
    L.w = bytearray(range(32))
    print("bytearray w", L.dot(x))
    L.w = [1] * 32                # a list: not an array
    print("list w", L.dot(x))
    L.w = array('b', [2] * 4)     # too short: IndexError from the interpreter's rerun
    try:
        L.dot(x)
    except IndexError as e:
        print("IndexError", e)


def make_filter(alpha):
    state = 0.0
    def update(x, n):
        nonlocal state
        for i in range(n):
            state = state + alpha * (x - state)
        return state
    def reset(v):
        nonlocal state
        state = v
    def forget():
        nonlocal state
        del state
    return update, reset, forget


def make_scaler(k):
    def scale(a):
        s = 0
        for v in a:
            s += v * k
        return s
    return scale


def run_closures():
    update, reset, forget = make_filter(0.25)
    print("filter", update(1.0, 4), update(2.0, 3))
    reset(5)                      # the cell becomes an int
    print("int state", update(1.0, 2))
    reset(2.0)
    print("float state", update(3.0, 2))
    forget()
    try:
        update(1.0, 1)
    except NameError as e:
        print("NameError", e)
    sc = make_scaler(3)
    print("scaler", sc(array('h', [1, 2, 3, 400])), sc(array('h', [5, 6])))
    sc2 = make_scaler(0.5)
    print("float scaler", sc2(array('h', [1, 2, 3])))


def patch_class():
    p = Particle(0.0, 3.0, 1.0, 0.0)
    p.step(0.0625, 4)
    log = []
    def get_vy(self):
        return self.__dict__['vy']
    def set_vy(self, v):
        log.append(v)
        self.__dict__['vy'] = v
    Particle.vy = property(get_vy, set_vy)   # stores now call the setter
    print("patched", p.step(0.0625, 3), len(log))


run_particles()
run_layer()
run_closures()
run_mover()
run_nested()
patch_class()
