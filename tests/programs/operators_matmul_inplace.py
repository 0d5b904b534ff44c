# The @ operator (__matmul__, __rmatmul__, __imatmul__) and every augmented
# assignment calling its in-place method first, falling back to the binary
# and reflected ones; errors name the augmented operator.


class Mat:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        if not isinstance(other, Mat):
            return NotImplemented
        cols = list(zip(*other.rows))
        return Mat([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __rmatmul__(self, other):
        return ("rmatmul", other)

    def __repr__(self):
        return "Mat(%r)" % (self.rows,)


a = Mat([[1, 2], [3, 4]])
b = Mat([[5, 6], [7, 8]])
print(a @ b)
print(a @ b @ a)
print(3 @ a)
c = a
c @= b  # no __imatmul__: __matmul__, rebinding c
print(c, a, c is a)
for bad in ("a @ 1", "1 @ 2", "[1] @ [2]", "'x' @ a"):
    try:
        print(eval(bad))
    except TypeError as e:
        print(bad, "->", e)


class Log:
    """Every in-place method logs and returns self; binary ones return a tag."""

    def __init__(self):
        self.log = []


names = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor"]
for n in names:
    setattr(Log, "__i%s__" % n, (lambda n: lambda self, o: (self.log.append((n, o)), self)[1])(n))

x = Log()
x += 1
x -= 2
x *= 3
x @= 4
x /= 5
x //= 6
x %= 7
x **= 8
x <<= 9
x >>= 10
x &= 11
x |= 12
x ^= 13
print(type(x).__name__, x.log)


class OnlyBinary:
    def __init__(self, v):
        self.v = v

    def __truediv__(self, o):
        return OnlyBinary(self.v / o)

    def __floordiv__(self, o):
        return OnlyBinary(self.v // o)

    def __mod__(self, o):
        return OnlyBinary(self.v % o)

    def __pow__(self, o):
        return OnlyBinary(self.v ** o)

    def __lshift__(self, o):
        return OnlyBinary(self.v << o)

    def __rshift__(self, o):
        return OnlyBinary(self.v >> o)

    def __isub__(self, o):
        return NotImplemented  # falls back to __sub__

    def __sub__(self, o):
        return OnlyBinary(self.v - o)


y = OnlyBinary(100)
y /= 8
print(y.v)
y = OnlyBinary(100)
y //= 8
y %= 5
y **= 3
y <<= 2
y >>= 1
y -= 1
print(y.v)


class R:
    def __rtruediv__(self, o):
        return "rtruediv %r" % (o,)

    def __rlshift__(self, o):
        return "rlshift %r" % (o,)


z = 10
z /= R()
print(z)
z = 1
z <<= R()
print(z)

# in place on attributes and items, evaluated once
class Box:
    pass


box = Box()
box.m = Mat([[2]])
box.m @= Mat([[3]])
print(box.m)
lst = [Log(), Log()]
lst[1] /= "q"
lst[1] @= "r"
print(lst[1].log, lst[0].log)

# numbers and built-ins keep their meaning under every augmented operator
v = 7
v /= 2
print(v)
v = 7
v //= 2
v **= 3
v %= 10
v <<= 4
v >>= 1
print(v)
s = {1, 2, 3}
t = s
t -= {1}
t &= {2, 3, 4}
t |= {9}
t ^= {3}
print(s is t, sorted(s))
for src in ("v = 1\nv /= 'a'", "v = 'a'\nv //= 2", "v = []\nv @= []", "v = 2\nv <<= 1.5", "v = {1}\nv -= [1]",
            "v = 3\nv **= 'x'", "v = 1.5\nv %= 'x'", "v = 'a'\nv -= 1"):
    try:
        exec(src)
    except TypeError as e:
        print(e)

# a subclass of a built-in type: the built-in in-place operator changes the instance
class MySet(set):
    pass


ms = MySet([1, 2, 3])
same = ms
ms -= {2}
ms |= {7}
print(type(ms).__name__, sorted(ms), ms is same)


class MyList(list):
    pass


ml = MyList([1])
keep = ml
ml += [2]
ml *= 2
print(type(ml).__name__, ml, ml is keep)
