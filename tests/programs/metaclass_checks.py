# isinstance/issubclass ask the metaclass's __instancecheck__/__subclasscheck__;
# abc.ABC.register's virtual subclasses; a metaclass's __getattr__ (lang15).
from abc import ABC, ABCMeta, abstractmethod


class Meta(type):
    calls = []

    def __instancecheck__(cls, obj):
        Meta.calls.append(("inst", cls.__name__, type(obj).__name__))
        return obj == 42

    def __subclasscheck__(cls, sub):
        Meta.calls.append(("sub", cls.__name__, sub.__name__))
        return sub is int

    def __getattr__(cls, name):
        if name.startswith("dyn_"):
            return name[4:] * 2
        raise AttributeError(name)


class Even(metaclass=Meta):
    pass


print(isinstance(42, Even), isinstance(41, Even), isinstance(Even(), Even))
print(issubclass(int, Even), issubclass(str, Even), issubclass(Even, Even))
print(isinstance(42, (str, Even)), issubclass(int, (str, Even)))
print(Meta.calls)
print(Even.dyn_ab, getattr(Even, "dyn_x", "default"), getattr(Even, "nope", "default"))
try:
    Even.nope
except AttributeError as e:
    print("AttributeError", e)


class Truthy(type):
    def __instancecheck__(cls, obj):
        return [1]  # any truthy result is True

    def __subclasscheck__(cls, sub):
        return 0


class T(metaclass=Truthy):
    pass


print(isinstance(1, T), issubclass(T, T), issubclass(int, T))


class Raises(type):
    def __instancecheck__(cls, obj):
        raise ValueError("no instances")


class R(metaclass=Raises):
    pass


try:
    isinstance(1, R)
except ValueError as e:
    print("ValueError", e)
print(isinstance(R(), R))  # the exact type: no call


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...


class Square(Shape):
    def area(self):
        return 4


class Circle:
    def area(self):
        return 3


print(isinstance(Circle(), Shape), issubclass(Circle, Shape))
Shape.register(Circle)
print(isinstance(Circle(), Shape), issubclass(Circle, Shape), isinstance(Square(), Shape))
print(isinstance(1, Shape), issubclass(bool, Shape))
Shape.register(int)
print(isinstance(1, Shape), issubclass(bool, Shape), isinstance("s", Shape))


class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "__len__") or NotImplemented


print(isinstance([], Sized), isinstance(3, Sized), issubclass(dict, Sized))


class Rev:
    def __reversed__(self):
        return iter("cba")


print(list(reversed(Rev())))


class MySized(Sized):  # the hook is inherited, as CPython's lookup finds it
    pass


print(isinstance([], MySized), isinstance(3, MySized))

from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


print(list(reversed(Color)), Color.RED, getattr(Color, "BLUE", None))
try:
    Color.BLUE
except AttributeError as e:
    print("AttributeError", e)
try:
    reversed(Even)
except TypeError as e:
    print("TypeError", e)
