# dataclasses against CPython: generated __init__/__repr__/__eq__/order/hash,
# defaults and default_factory, frozen, inheritance, helpers, errors
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
from typing import List, Optional

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print(Point.__annotations__, Point.y, [f.name for f in fields(Point)], Point.__match_args__)
print(Point.__hash__ is None, is_dataclass(p), is_dataclass(Point), is_dataclass(3))
p.x = 10
print(p, asdict(p), astuple(p), replace(p, y=7), p)

@dataclass
class Inventory:
    name: str
    tags: List[str] = field(default_factory=list)
    count: int = field(default=1, repr=False)
    note: Optional[str] = field(default=None, compare=False)
    secret: int = field(default=42, init=False)

a = Inventory('bolt')
b = Inventory('bolt')
a.tags.append('metal')
print(a, b, a.tags is not b.tags, a.secret, a == Inventory('bolt', ['metal'], 1, 'other'))
print(asdict(a))

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)

vs = [Version(1, 2), Version(1, 0, 'x'), Version(0, 9)]
print(sorted(vs), max(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 9))
print(hash(Version(1, 2)) == hash(Version(1, 2, 'other')), {Version(1), Version(1)})
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print('FrozenInstanceError', e, isinstance(e, AttributeError))
try:
    del vs[0].minor
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)

@dataclass
class Base:
    a: int
    b: str = 'b'

@dataclass
class Child(Base):
    c: float = 1.5
    def total(self):
        return self.a + self.c

ch = Child(1, 'x', 2.5)
print(ch, ch.total(), [f.name for f in fields(ch)], isinstance(ch, Base))

@dataclass
class WithPost:
    w: int
    h: int
    area: int = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h

print(WithPost(3, 4))

@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), hash(Ident(1)) is not None)

@dataclass(unsafe_hash=True)
class Hashy:
    k: str
print(hash(Hashy('a')) == hash(Hashy('a')))

@dataclass
class Nested:
    p: Point
    items: list
print(asdict(Nested(Point(1, 2), [Point(3, 4)])), astuple(Nested(Point(1, 2), [])))

@dataclass
class Custom:
    v: int
    def __repr__(self):
        return 'Custom<%d>' % self.v
print(Custom(3), Custom(3) == Custom(3))

def err(f):
    try:
        print(f())
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)

err(lambda: Point())
err(lambda: Point(1, 2, 3))
err(lambda: Point(1, z=3))
err(lambda: Version(1) < Point(1))
err(lambda: {Point(1)})
err(lambda: replace(a, secret=3))
err(lambda: fields(3))
err(lambda: asdict(Point))

def bad_mutable():
    @dataclass
    class Bad:
        items: list = []
err(bad_mutable)

def bad_order():
    @dataclass
    class Bad:
        x: int = 0
        y: int
err(bad_order)
err(lambda: field(default=1, default_factory=list))
