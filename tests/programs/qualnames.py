# __qualname__ of functions, methods, lambdas and classes, and where CPython
# shows it: reprs and the TypeError of a call.


def top():
    def nested(a):
        def deeper():
            pass
        return deeper
    return nested


class Outer:
    def method(self, x):
        return x

    @staticmethod
    def static():
        pass

    @classmethod
    def klass(cls):
        pass

    handler = lambda self: 0

    class Inner:
        def method(self):
            pass

        class Innermost:
            pass


def factory():
    class Local:
        def get(self):
            return 1
    return Local


def declared_global():
    global made_global
    def made_global():
        pass


declared_global()
print(top.__qualname__, top().__qualname__, top()(0).__qualname__)
print(Outer.__qualname__, Outer.method.__qualname__, Outer.static.__qualname__, Outer.klass.__qualname__)
print(Outer.handler.__qualname__, Outer.Inner.__qualname__, Outer.Inner.method.__qualname__)
print(Outer.Inner.Innermost.__qualname__, Outer.Inner.Innermost.__name__)
print(factory().__qualname__, factory().get.__qualname__, Outer().method.__qualname__)
print(made_global.__qualname__, (lambda: 0).__qualname__, print.__qualname__, int.__qualname__)
print(Outer.Inner, factory(), Outer.Inner.Innermost)
print(repr(top()).split(" at ")[0], repr(Outer().method).split(" of ")[0])
print("__qualname__" in Outer.Inner.__dict__, "__qualname__" in vars(Outer))

# type() takes __qualname__ from the namespace (and only a str)
T = type("T", (), {"__qualname__": "Somewhere.T", "x": 1})
print(T.__name__, T.__qualname__, T, sorted(k for k in T.__dict__ if not k.startswith("__")))
try:
    type("U", (), {"__qualname__": 3})
except TypeError as e:
    print("TypeError", e)

# call errors name the function by its qualified name
for call in (lambda: top()(), lambda: Outer().method(), lambda: Outer().method(1, 2),
             lambda: Outer.Inner().method(1), lambda: factory()().get(x=1), lambda: top()(1, a=2)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
