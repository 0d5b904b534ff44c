# Class protocol corners: super() in classmethods and __str__, property.setter,
# __getattr__, functions stored on instances and classes, NotImplemented from
# both sides, ordering with only __lt__, custom hashing, nested isinstance tuples.
class A:
    tag = "A"
    def make(cls):
        return "made " + cls.tag
    make = classmethod(make)
    def __str__(self):
        return "A-str"
class B(A):
    tag = "B"
    def make(cls):
        return "B:" + super().make()
    make = classmethod(make)
    def __str__(self):
        return "B+" + super().__str__()
print(B.make(), B().make(), str(B()), A.make())
class P:
    def __init__(self):
        self._v = 1
    def g(self):
        return self._v
    v = property(g)
    def s(self, x):
        self._v = x * 10
    v = v.setter(s)
p = P(); p.v = 4; print(p.v, P.v.fget is P.g if False else type(P.v).__name__)
class Dyn:
    def __getattr__(self, name):
        if name.startswith("x"):
            return name * 2
        raise AttributeError(name)
d = Dyn(); d.real = 1
print(d.xy, d.real)
try:
    d.nope
except AttributeError as e:
    print("AE", e)
print(d.__class__.__name__, object.__repr__(d)[:14], repr(object())[:8])
class F:
    pass
f = F(); f.cb = None
def hello(x): return "hi " + str(x)
f.cb = hello
print(f.cb(3))
F.cb2 = hello
print(f.cb2()[:13])
class E1:
    def __eq__(self, o):
        return NotImplemented
x = E1(); y = E1()
print(x == x, x == y, x != y, x in [y], x in [x])
class Lt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return "Lt" + str(self.v)
print(sorted([Lt(3), Lt(1), Lt(2)]), min([Lt(3), Lt(1)]), max([Lt(3), Lt(5), Lt(1)]))
try:
    print(Lt(1) > Lt(2), Lt(1) <= Lt(2))
except TypeError as e:
    print("TE", e)
class K:
    def __init__(self, k): self.k = k
    def __hash__(self): return self.k % 3
    def __eq__(self, o): return isinstance(o, K) and self.k == o.k
dd = {K(1): "a", K(4): "b", K(1): "c"}
print(len(dd), dd[K(4)], K(7) in dd, [v for v in dd.values()])
class Ex(Exception):
    def __str__(self):
        return "Ex<" + super().__str__() + ">"
print(str(Ex("m")), repr(Ex("m")), Ex("a", "b"))
print(isinstance(B(), (int, (str, A))), issubclass(B, ((A,),)))
class S:
    count = 0
    def __init__(self):
        S.count += 1
        self.id = S.count
s1, s2 = S(), S()
print(s1.id, s2.id, S.count, s1.count)


# __slots__: instances of classes whose MRO all has __slots__ take only those names
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Q(P):
    __slots__ = ["z"]
class R(P):
    pass
class S:
    __slots__ = "v"
p = P(1, 2); q = Q(3, 4); q.z = 5; r = R(6, 7); r.anything = 8
s = S(); s.v = 9
print(p.x, p.y, q.x, q.z, r.anything, s.v)
for obj, attr in ((p, "z"), (q, "w"), (s, "x")):
    try:
        if attr == "z":
            obj.z = 1
        elif attr == "w":
            obj.w = 1
        else:
            obj.x = 1
    except AttributeError as e:
        print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(k for k in r.__dict__ if k == "anything"))
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)

# reversed() of a class with __len__ and __getitem__ stops where __getitem__
# raises IndexError or StopIteration, as CPython's does (found by
# tests/lang/gen_lang.py: the IndexError escaped); other errors propagate
class Shorter:
    def __init__(self, n, stop, exc):
        self.n, self.stop, self.exc = n, stop, exc
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i == self.stop:
            raise self.exc(i)
        return i * 10
for n, stop, exc in [(5, 3, IndexError), (4, 1, StopIteration), (3, 1, KeyError), (3, 7, IndexError)]:
    try:
        print(n, stop, list(reversed(Shorter(n, stop, exc))))
    except Exception as e:
        print(n, stop, 'raised', type(e).__name__)

# __index__ makes an instance an index (subscripts, slice bounds and steps,
# item assignment and deletion, hex/oct/bin); `in` falls back to __getitem__
# (0, 1, ... until IndexError); __len__ past the index range is an
# OverflowError. Found by tests/lang/gen_lang.py (each was a TypeError).
class Ix:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i
class BadIx:
    def __index__(self):
        return "no"
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
class HugeLen:
    def __len__(self):
        return 2 ** 70
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__
xs = [10, 20, 30, 40, 50]
print(xs[Ix(1)], xs[Ix(-1)], (1, 2, 3)[Ix(2)], "abcd"[Ix(3)], b"xyz"[Ix(0)], range(3, 30, 3)[Ix(4)])
print(xs[Ix(1):Ix(4)], xs[::Ix(-2)], "abcdef"[Ix(1)::Ix(2)], attempt(lambda: xs[Ix(9)]), attempt(lambda: xs[BadIx()]))
print(hex(Ix(255)), oct(Ix(-8)), bin(Ix(5)), hex(Ix(2 ** 40)), attempt(lambda: hex(BadIx())))
ys = list(xs)
ys[Ix(0)] = 'first'
del ys[Ix(-1)]
ys[Ix(1):Ix(3)] = ['mid']
k = Ix(1)
d = {k: 'by identity'}
print(ys, d[k], 1 in d)   # a dict's key is the instance itself, not its __index__
print(9 in Seq(), 5 in Seq(), attempt(lambda: 1 in Ix(1)), list(Seq()))
print(attempt(lambda: len(HugeLen())), attempt(lambda: bool(HugeLen())))

# A property's AttributeError goes on to __getattr__ (CPython's
# __getattribute__ failing); other errors, and classes without __getattr__,
# keep it
class Fallback:
    @property
    def p(self):
        raise AttributeError('inner')
    @property
    def q(self):
        raise KeyError('q')
    def __getattr__(self, n):
        return 'getattr:' + n
class NoFallback:
    @property
    def p(self):
        raise AttributeError('kept')
print(Fallback().p, Fallback().zz, attempt(lambda: Fallback().q), attempt(lambda: NoFallback().p),
      getattr(Fallback(), 'p'), hasattr(NoFallback(), 'p'), getattr(NoFallback(), 'p', 'default'))
