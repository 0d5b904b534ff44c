# Metaclass errors, with CPython's messages: conflicting metaclasses,
# type.__new__'s arguments, keywords nobody takes, attributes missing on the
# class and its metaclass, a metaclass's protocols missing.


class M1(type):
    pass


class M2(type):
    pass


class A(metaclass=M1):
    pass


def attempt(label, fn):
    try:
        fn()
        print(label, "no error")
    except (TypeError, AttributeError) as e:
        print(label, type(e).__name__ + ":", e)


def conflict():
    class B(A, metaclass=M2):
        pass


attempt("conflict", conflict)


def conflict_bases():
    class Other(metaclass=M2):
        pass

    class B(A, Other):
        pass


attempt("conflict bases", conflict_bases)


def derived_ok():
    class M3(M1):
        pass

    class B(A, metaclass=M3):
        pass

    print("derived", type(B).__name__)


attempt("derived", derived_ok)
attempt("M(1)", lambda: M1(1))
attempt("M('a')", lambda: M1("a"))
attempt("M 4 args", lambda: M1("a", (), {}, 1))
attempt("M list bases", lambda: M1("a", [], {}))
attempt("M ns", lambda: M1("a", (), []))
attempt("M name", lambda: M1(1, (), {}))
attempt("type.__new__ not a type", lambda: type.__new__(1, "a", (), {}))
attempt("type.__new__ int", lambda: type.__new__(int, "a", (), {}))
attempt("type.__init__", lambda: type.__init__(A, 1, 2))


def no_kw():
    class B(x=1):
        pass


attempt("keyword", no_kw)


def no_kw_meta():
    class B(metaclass=M1, x=1):
        pass


attempt("keyword with metaclass", no_kw_meta)


class Takes(type):
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns, **kw)


def passes_on():
    class B(metaclass=Takes, y=2):
        pass


attempt("passed on", passes_on)


class Sub:
    def __init_subclass__(cls):
        super().__init_subclass__(1)


def init_sub_args():
    class B(Sub):
        pass


attempt("init_subclass args", init_sub_args)
attempt("missing", lambda: A.nothing)
attempt("len", lambda: len(A))
attempt("iter", lambda: iter(A))
attempt("item", lambda: A[0])
attempt("instance method of metaclass", lambda: M1.mro_of)


class Bad(type):
    def __repr__(cls):
        return 1


class C(metaclass=Bad):
    pass


attempt("repr", lambda: repr(C))
attempt("not a metaclass", lambda: type.__call__(1))


def bad_prepare():
    class P(type):
        @classmethod
        def __prepare__(mcs, name, bases):
            return 3

    class D(metaclass=P):
        pass


attempt("prepare", bad_prepare)
