# __index__ wherever CPython takes an integer (range, chr, round, bytes,
# sequence repetition, subscripts, slices, hex/oct/bin), dict subclasses'
# __missing__, complex() keywords and the !a conversion.


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Ix:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class BadIx:
    def __index__(self):
        return "x"


three, neg, big = Ix(3), Ix(-2), Ix(2**40)
cases = [
    ("range", lambda: list(range(three))),
    ("range3", lambda: list(range(Ix(1), Ix(20), three))),
    ("range idx", lambda: range(10)[three]),
    ("range slice", lambda: range(10)[three:Ix(8):Ix(2)]),
    ("chr", lambda: chr(Ix(0x263A))),
    ("chr big", lambda: chr(big)),
    ("round", lambda: round(3.14159, three)),
    ("round int", lambda: round(123456, neg)),
    ("bytes", lambda: bytes(three)),
    ("bytearray", lambda: bytearray(Ix(2))),
    ("bytes neg", lambda: bytes(neg)),
    ("list*", lambda: [1, 2] * three),
    ("*tuple", lambda: three * (0,)),
    ("str*", lambda: "ab" * three),
    ("neg*", lambda: "ab" * neg),
    ("list idx", lambda: [10, 20, 30, 40][three]),
    ("neg idx", lambda: "hello"[neg]),
    ("slice", lambda: "abcdefgh"[three:Ix(7):Ix(2)]),
    ("hex", lambda: (hex(three), oct(Ix(64)), bin(neg))),
    ("bad", lambda: list(range(BadIx()))),
    ("none", lambda: list(range(None))),
    ("float", lambda: chr(65.0)),
    ("list.pop", lambda: [10, 20, 30, 40].pop(three)),   # method arguments take __index__ too
    ("list.pop neg", lambda: [10, 20, 30, 40].pop(neg)),
    ("list.insert", lambda: [10, 20, 30, 40].insert(Ix(1), 0)),
    ("list.pop bad", lambda: [1].pop(BadIx())),
    ("array.pop", lambda: __import__("array").array("h", [1, 2, 3, 4]).pop(three)),
    ("str.split", lambda: "a b c d e".split(" ", Ix(2))),
]
for label, f in cases:
    show(label, f)
lst = [1, 2]
keep = lst
lst *= three
print(lst, lst is keep)


class Defaulting(dict):
    def __missing__(self, key):
        self[key] = value = len(key) if isinstance(key, str) else -1
        return value


d = Defaulting(a=1)
print(d["a"], d["xyz"], d[(1, 2)], sorted(d.items(), key=repr))
print(d.get("nope"), "nope" in d, d.setdefault("q", 9))


class Plain(dict):
    pass


show("plain missing", lambda: Plain(a=1)["b"])


class Counting(dict):
    def __missing__(self, key):
        raise LookupError("no %s" % key)


show("raising missing", lambda: Counting()["k"])

for label, f in [
    ("real=", lambda: complex(real=1, imag=2)),
    ("imag=", lambda: complex(imag=-2.5)),
    ("mixed", lambda: complex(1, imag=2)),
    ("real str", lambda: complex(real="1+2j")),
    ("complex parts", lambda: complex(real=1j, imag=1j)),
    ("dup", lambda: complex(1, real=2)),
    ("unknown", lambda: complex(real=1, x=2)),
    ("imag str", lambda: complex(imag="1")),
]:
    show(label, f)

words = ["caf\u00e9", "na\u00efve", "\u20ac5", "plain", ["\u00df", 1], {"\u00fc": "\u00f6"}]
for w in words:
    print("{!a}".format(w), "{0!a:>16}|".format(w), f"{w!a}", f"{w!a:*^20}", "%a" % (w,), ascii(w))
show("bad conv", lambda: "{!x}".format(1))
