# Classes derived from built-in types: the instance carries a value of the
# built-in type that inherited methods, operators, iteration, printing and
# hashing work on; user methods and super() see both.

class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3).push(4)
s.tag = "mine"
print(s, len(s), s.peek(), s.pop(), s, s.tag, isinstance(s, list), type(s).__name__)
s[0] = 10
del s[1]
print(s, s + [7], [0] + s, s * 2, 3 in s, 9 in s, list(reversed(s)), sorted(s), sum(s))
s += [5, 6]
print(type(s).__name__, s, s == [10, 3, 5, 6], s != [1], s < [11], bool(Stack()), bool(s))
print([x * 2 for x in s], s.index(5), s.count(3), s[1:3], str(s), repr(s), f"{s}")


class Registry(dict):
    def __init__(self, name, **kw):
        super().__init__(**kw)
        self.name = name

    def register(self, key, value):
        self[key] = value

    def __missing_text(self):
        return "none"


r = Registry("reg", a=1)
r.register("b", 2)
r["c"] = 3
print(r.name, r, len(r), r["b"], r.get("z", 0), sorted(r.keys()), sorted(r.items()), "a" in r)
del r["a"]
print(r, list(r), r.pop("c"), r, isinstance(r, dict))


class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("ada")
print(n, repr(n), n.shout(), n == "ada", "ada" == n, n + "x", "x" + n, len(n), n[0], n.title(), f"<{n:>5}>")
d = {n: 1}
print(d["ada"], hash(n) == hash("ada"), isinstance(n, str), n.startswith("a"), "%s!" % n)


class Meters(int):
    def describe(self):
        return "%d m" % self


m = Meters(5)
print(m, m + 1, 2 * m, m * m, -m, m > 3, m.describe(), abs(Meters(-2)), m == 5, int(m) + 0, m.bit_length())


class Point(tuple):
    def x(self):
        return self[0]


p = Point((3, 4))
a, b = p
print(p, p.x(), a + b, p + (5,), p == (3, 4), len(p), hash(p) == hash((3, 4)), p.count(3), max(p))


class Tags(set):
    pass


t = Tags([3, 1, 2])
t.add(5)
print(sorted(t), 5 in t, len(t), sorted(t | {9}), isinstance(t, set))


class Celsius(float):
    def fahrenheit(self):
        return self * 9 / 5 + 32


c = Celsius(100)
print(c, c.fahrenheit(), c + 1, round(c), isinstance(c, float))


class Overrides(list):
    def __getitem__(self, i):
        return "item %s: %s" % (i, super().__getitem__(i))

    def __len__(self):
        return super().__len__() * 10

    def __repr__(self):
        return "Overrides" + super().__repr__()


o = Overrides("ab")
print(o[0], o[1], len(o), o, list(o))

try:
    class Bad(list, dict):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    Stack().missing
except AttributeError as e:
    print("AttributeError", e)
try:
    Stack(5)
except TypeError as e:
    print("TypeError", e)
