# enum against CPython 3.11: members, iteration, lookup by value and name,
# aliases, auto, unique, IntEnum/StrEnum/Flag, repr/str/format, errors
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
import enum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1          # an alias of RED
    def describe(self):
        return '%s is %d' % (self.name, self.value)
    @classmethod
    def default(cls):
        return cls.GREEN

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED) is Color, isinstance(Color.GREEN, Color))
print(list(Color), len(Color), Color(2), Color['BLUE'], Color.CRIMSON is Color.RED, Color(1).name)
print(Color, repr(Color), Color.RED.describe(), Color.default(), list(Color.__members__))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, Color.RED in Color, {Color.RED: 'r'}[Color.CRIMSON])
print(f'{Color.RED}', format(Color.BLUE, '>12'), str(Color.GREEN), [c.value for c in reversed(list(Color))])
print(sorted(Color, key=lambda c: c.value, reverse=True))

class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
    TRIANGLE = auto()
print(list(Shape), Shape.TRIANGLE.value)

class Mixed(Enum):
    A = 10
    B = auto()
    C = 'text'
print([m.value for m in Mixed])

class Planet(Enum):
    MERCURY = (3, 2)
    EARTH = (6, 6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def density(self):
        return self.mass * self.radius
print(Planet.EARTH.value, Planet.EARTH.mass, Planet.MERCURY.density, Planet((3, 2)))

class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO * 3, Num.ONE == 1, Num.TWO > Num.ONE, sorted([Num.TWO, Num.ONE]))
print(f'{Num.TWO}', format(Num.ONE, '03d'), int(Num.TWO), [1, 2, 3][Num.ONE], isinstance(Num.ONE, int), Num(2))

class Mode(StrEnum):
    READ = auto()
    WRITE = 'w'
print(Mode.READ, repr(Mode.READ), Mode.WRITE + '+', Mode.READ == 'read', Mode('w'), Mode.READ.upper())

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(Perm.R, Perm.X.value, rw.value, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), Perm.W & rw)
print([p.value for p in Perm], len(rw), repr(Perm.W), (rw ^ Perm.R).name)

class Bits(IntFlag):
    A = 1
    B = 2
    C = 4
print(Bits.A | Bits.C, int(Bits.B | Bits.C), Bits.A + 10, repr(Bits.B), Bits(3).value)

@unique
class Fine(Enum):
    X = 1
    Y = 2
print(list(Fine))

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, Animal(3))
Sizes = Enum('Sizes', [('S', 's'), ('M', 'm')])
print(Sizes.M, Sizes('s'))

class Empty(Enum):
    def hello(self):
        return 'hi'
class Sub(Empty):
    Z = 5
print(Sub.Z.hello(), list(Sub))

class WithMissing(Enum):
    A = 'a'
    @classmethod
    def _missing_(cls, value):
        return cls.A if isinstance(value, str) and value.lower() == 'a' else None
print(WithMissing('A'))

def err(f):
    try:
        print(f())
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)

err(lambda: Color(7))
err(lambda: Color['PURPLE'])
err(lambda: hasattr(Color, 'PURPLE'))
err(lambda: Color.RED < Color.BLUE)
err(lambda: WithMissing('zz'))
def dup():
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
err(dup)
def extend():
    class More(Color):
        PURPLE = 4
err(extend)
