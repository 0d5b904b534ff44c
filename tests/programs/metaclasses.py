# Metaclasses: `class C(metaclass=M)` with M derived from type. M.__new__ and
# M.__init__ see the name, bases, namespace and the class keywords; the
# metaclass of a base is inherited; type(C) is M; C's attributes fall back
# on M's (methods bound to C, properties of M first); repr, len, iter, [],
# `in` and calls of C go to M's special methods; type.__call__ and
# super().__call__ make the instance. Class keywords other than metaclass
# reach __init_subclass__.


class Meta(type):
    registry = []

    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases],
              sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        mcs.registry.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)

    def describe(cls):
        return "class " + cls.__name__

    def __repr__(cls):
        return "<Meta class " + cls.__name__ + ">"


class A(metaclass=Meta):
    x = 1

    def f(self):
        return 2


class B(A, flag=True):  # the keyword reaches Meta, not __init_subclass__
    y = 2

    @classmethod
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)


class C(B, tag="c"):
    pass


print(Meta.registry)
print(type(A) is Meta, type(B) is Meta, isinstance(A, Meta), isinstance(A, type), issubclass(Meta, type))
print(A.describe(), B.describe(), A.x, B().f(), B.y, A.registry)
print(repr(A), str(B), A, [C], "%s" % C, f"{A!r}")
print(A.__class__, type(A).__name__, type(Meta), Meta.__mro__)
a = A()
print(type(a) is A, isinstance(a, A), a.x, type(a))
try:
    a.describe()
except AttributeError as e:
    print("AttributeError:", e)

# made by calling the metaclass, or type() with a base that has one
X = Meta("X", (), {"q": 5})
print(X, X.q, type(X))
Y = type("Y", (A,), {})
print(type(Y), Y.describe())


# a singleton: the metaclass's __call__ caches the instance
class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kw):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kw)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, v):
        print("Config.__init__", v)
        self.v = v


c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.v)


# a metaclass's property, class-level protocols, class variables
class EnumMeta(type):
    @property
    def label(cls):
        return "label:" + cls.__name__

    def __getitem__(cls, k):
        return cls.members[k]

    def __iter__(cls):
        return iter(cls.members)

    def __len__(cls):
        return len(cls.members)

    def __contains__(cls, x):
        return x in cls.members


class Color(metaclass=EnumMeta):
    members = ["red", "green"]


print(Color.label, Color[1], list(Color), len(Color), "red" in Color, "blue" in Color)
for m in Color:
    print("member", m)


# auto-properties: the metaclass rewrites the namespace
class AutoProp(type):
    def __new__(mcs, name, bases, ns):
        for k in list(ns):
            if k.startswith("_get_"):
                ns[k[5:]] = property(ns[k])
        return super().__new__(mcs, name, bases, ns)


class Point(metaclass=AutoProp):
    def __init__(self):
        self._v = 3

    def _get_v(self):
        return self._v * 2


print(Point().v)


# an ABC-like check before instances are made
class AbstractCheck(type):
    def __call__(cls, *args, **kw):
        missing = [n for n in getattr(cls, "__abstract__", ()) if getattr(cls, n, None) is None]
        if missing:
            raise TypeError("Can't instantiate %s: missing %s" % (cls.__name__, ", ".join(missing)))
        return type.__call__(cls, *args, **kw)


class Base(metaclass=AbstractCheck):
    __abstract__ = ("run",)
    run = None


class Impl(Base):
    def run(self):
        return "ran"


try:
    Base()
except TypeError as e:
    print("TypeError:", e)
print(Impl().run(), type(Impl).__name__)


# counting instances through __call__; a subclass shares the metaclass
class Counted(type):
    def __call__(cls, *args):
        cls.made = getattr(cls, "made", 0) + 1
        return super().__call__(*args)


class W(metaclass=Counted):
    def __init__(self, x):
        self.x = x


w = W(5)
W(6)
print(W.made, w.x, isinstance(W, Counted), type(W) is Counted)


class Sub(W):
    pass


Sub(1)
print(Sub.made, W.made, type(Sub).__name__)


# class keywords reach __init_subclass__ (without a metaclass)
class Plugin:
    plugins = {}

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.plugins[name or cls.__name__] = cls


class One(Plugin, name="one"):
    pass


class Two(Plugin):
    pass


print(sorted(Plugin.plugins))


# __prepare__: the namespace it returns holds what the body did not set
class Prepared(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        return {"injected": 7, "z": 0}


class Q(metaclass=Prepared):
    z = 1


print(Q.injected, Q.z)


# a function as the metaclass: called with name, bases, namespace
def make(name, bases, ns):
    return name + str(len(bases)) + str(sorted(k for k in ns if not k.startswith("__")))


class F(A, metaclass=make):
    v = 1


print(F)

# a subclass of type with no methods of its own
class M(type):
    pass


K = M("K", (), {"a": 1})
print(K, K.a, K.__name__, K.__mro__, type(K()).__name__, K.__class__, M.__bases__)
