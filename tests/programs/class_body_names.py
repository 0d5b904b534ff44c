# A class body reading a name before its own assignment of it: CPython's
# LOAD_NAME looks in the module's globals and then the built-ins, skipping
# enclosing functions; a name it never assigns still comes from them.
value = "global value"
len_calls = []


class Shadow:
    value = value + " (copied)"  # the global, then a class attribute
    len = len  # the built-in
    size = len("abc")


print(Shadow.value, Shadow.size, Shadow.len is len)


def make(value, other):
    class Inner:
        seen = value  # global: the class assigns value below
        value = "class attr"
        enclosing = other  # not assigned in the class: the enclosing function's
        both = (value, other)

    value += "!"
    return Inner.seen, Inner.value, Inner.enclosing, Inner.both, value


print(make("param", 7))


def missing():
    class NoGlobal:
        try:
            nothing_here = nothing_here
        except NameError as e:
            error = str(e)

    return NoGlobal.error


print(missing())


class Counter:
    count = 0
    count = count + 1  # its own, once assigned
    items = [i for i in range(count + 2)]  # the outermost iterable: class scope


print(Counter.count, Counter.items)


def later_global():
    class A:
        x = late
        late = 2

    return A.x, A.late


late = "module late"
print(later_global())


class Methods:
    print = print  # the built-in, used below as a class attribute

    def show(self, *a):
        self.print("method", *a)


Methods().show(1, 2)


def deleted():
    class B:
        value = 1
        del value
        try:
            got = value  # unbound in the class again: the global
        except NameError:
            got = "NameError"

    return B.got


print(deleted())
