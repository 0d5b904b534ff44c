# Strings in numeric code: str arguments passed on, compared (== != < <=
# > >=) with constants, with each other and with str attributes, len() of
# ASCII and non-ASCII strs; attributes that change from a str to a number
# or None between calls (compiled code deoptimises to the interpreter).
def weight(kind, n):
    if kind == "coin":
        return n * 5
    if kind != "button":
        return -len(kind)
    return n


def order(a, b):
    r = 0
    if a < b:
        r += 1
    if a <= b:
        r += 2
    if a > b:
        r += 4
    if a >= b:
        r += 8
    if a == b:
        r += 16
    return r + len(a) * 100 + len(b) * 1000


def total(kind, n):
    s = 0
    for i in range(n):
        s += weight(kind, i)
    return s


class Machine:
    def __init__(self, mode):
        self.mode = mode
        self.count = 0

    def step(self, n):
        for i in range(n):
            if self.mode == "run":
                self.count += 2
            elif self.mode == "idle":
                self.count -= 1
            else:
                self.count += len(self.mode)
        return self.count

    def same(self, other):
        return self.mode == other.mode


for k in ("coin", "button", "x", "", "coins", "héllo"):
    print(k, total(k, 10), weight(k, 3))
words = ["a", "b", "ab", "ba", "", "é", "e", "ée", "zz", "a" * 40]
for a in words:
    print(a, [order(a, b) for b in words])
m, m2 = Machine("run"), Machine("idle")
for mode in ("run", "idle", "stop", "run", "naïve", 5, None, "run"):
    m.mode = mode
    try:
        print(mode, m.step(4), m.same(m2), m2.step(2))
    except TypeError as ex:
        print(mode, "TypeError", ex)
