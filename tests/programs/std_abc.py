# abc against CPython: abstract methods block instantiation (TypeError),
# inherited and overridden abstracts, abstract properties/classmethods
from abc import ABC, ABCMeta, abstractmethod
import abc

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self):
        return '%s %s' % (self.name(), self.area())

class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def name(self):
        return 'square'

class Half(Shape):
    def area(self):
        return 0

for c in (Shape, Half):
    try:
        c()
    except TypeError as e:
        print(e)
print(Sq(3).describe(), isinstance(Sq(2), Shape), issubclass(Sq, Shape), sorted(Half.__abstractmethods__))
print(Sq.__abstractmethods__, type(Shape).__name__, type(Sq) is ABCMeta, isinstance(Shape, type))

class M(metaclass=ABCMeta):
    @property
    @abstractmethod
    def p(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
    @staticmethod
    @abstractmethod
    def helper(): ...
try:
    M()
except TypeError as e:
    print(e)

class N(M):
    p = 5
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def helper():
        return 'h'
print(N().p, type(N.make()).__name__, N.helper())

class Plain(ABC):
    def concrete(self):
        return 'fine'
print(Plain().concrete(), Plain.__abstractmethods__)

class Base(ABC):
    @abstractmethod
    def run(self, x):
        return x * 2
class Impl(Base):
    def run(self, x):
        return super().run(x) + 1
print(Impl().run(10))

class Later(Base):
    pass
try:
    Later()
except TypeError as e:
    print(e)

@Base.register
class Virtual:
    pass
print(Virtual.__name__, issubclass(Impl, Base))
