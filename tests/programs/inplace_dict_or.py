# d |= x on a dict is dict.__ior__: it updates d from x (a mapping or
# key-value pairs) or raises TypeError; x's __ror__ is never asked (P4JIT
# returned x.__ror__(d), leaving d as it was: gen_lang.py's in-place
# section). The other built-in in-place operators for comparison.
from array import array


class R:
    def __ror__(self, o): return "ror"
    def __radd__(self, o): return "radd"
    def __rmul__(self, o): return "rmul"
    def __rand__(self, o): return "rand"


class Pairs:                         # a mapping by keys() and []
    def keys(self): return ["k", "j"]
    def __getitem__(self, k): return k * 2
    def __ror__(self, o): return "ror"


def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def ior(x, y):
    x |= y
    return x


def iadd(x, y):
    x += y
    return x


def iand(x, y):
    x &= y
    return x


d = {"a": 1}
t("dict |= R", lambda: ior(d, R()))
t("dict |= Pairs", lambda: (ior(d, Pairs()) is d, d))
t("dict |= pairs", lambda: (ior(d, [("z", 0)]) is d, d))
t("dict | R", lambda: {"a": 1} | R())
t("dict | Pairs", lambda: {"a": 1} | Pairs())
t("set |= R", lambda: ior({1}, R()))
t("set &= R", lambda: iand({1}, R()))
t("list += R", lambda: iadd([1], R()))
t("bytearray += R", lambda: iadd(bytearray(b"a"), R()))
t("array += R", lambda: iadd(array("b"), R()))

# list += and deque += take any iterable, a set or a dict view too (P4JIT
# sent them to the set operators: TypeError)
from collections import deque
for seq in ([1, 2], deque([1, 2], 3)):
    for name, it in (("set", {3}), ("frozenset", frozenset({4})), ("keys", {"k": 1}.keys()), ("items", {"k": 2}.items())):
        t("%s += %s" % (type(seq).__name__, name), lambda: iadd(seq, it) is seq)
    print(seq)
