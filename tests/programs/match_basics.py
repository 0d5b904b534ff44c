def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2+3j:
            return "complex"
        case "hi" "there":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case [] :
            return "empty list"
        case [a]:
            return f"one item {a}"
        case [a, b, *rest]:
            return f"two+ {a} {b} {rest}"
        case {"k": v, **others}:
            return f"map k={v} others={others}"
        case {}:
            return "some map"
        case str() as s:
            return f"str {s!r}"
        case int(n) if n > 100:
            return f"big {n}"
        case _:
            return "other"

for v in [0, 1, 3, -1, 1.5, 2+3j, "hithere", None, True, [], [7], (1, 2), [1, 2, 3, 4], {"k": 1, "j": 2}, {"z": 1}, "abc", 500, 50, 3.25, range(3), b"ab"]:
    print(repr(v), describe(v))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"x-axis {x}"
        case Point(0, y=yy):
            return f"y-axis {yy}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case (x, y):
            return f"tuple {x} {y}"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 2), (5, 6), [1, 2], "xy", 7]:
    print(where(p))

match 5:
    case x:
        print("captured", x)
print(x)
try:
    match [1, 2]:
        case [q, 3]:
            pass
    print(q)
except NameError as e:
    print("NameError", e)
match = 3
case = 4
print(match + case)
match (1, 2):
    case (a, b) as t:
        print(a, b, t)
match 1, 2:
    case 1, b:
        print("open", b)
match {"a": 1, "b": [1, 2, {"c": 3}]}:
    case {"a": 1, "b": [_, _, {"c": c}]}:
        print("deep", c)
