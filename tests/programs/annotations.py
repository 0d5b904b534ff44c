# PEP 526 variable annotations: module, class and function level, simple
# and complex targets, with and without a value.
from array import array

count: int = 3
pair: tuple = 1, 2
names: list
(paren): str = "parenthesised"
print(count, pair, paren)
try:
    names
except NameError:
    print("a bare annotation binds nothing")


class Point:
    x: float = 0.0
    y: float = 0.0
    label: str

    def __init__(self, x: float, y: float) -> None:
        self.x: float = x
        self.y = y

    def norm2(self) -> float:
        total: float = 0.0
        for v in (self.x, self.y):
            sq: float = v * v
            total += sq
        return total


p = Point(3.0, 4.0)
print(p.x, p.y, p.norm2(), Point.x, hasattr(Point, "label"))


def local_by_annotation():
    count: int
    try:
        print(count)
    except NameError as e:
        print(type(e).__name__)


local_by_annotation()


def annotation_not_evaluated_here(n: int) -> int:
    unused: UndefinedType  # noqa: F821 (never evaluated in a function)
    buf: array = array("i", range(n))
    buf[0]: int = 42
    s: int = 0
    for i in range(n):
        s += buf[i]
    return s


print(annotation_not_evaluated_here(5))
try:
    evaluated_at_module_level: UndefinedType = 1  # noqa: F821
except NameError as e:
    print("NameError", e)
