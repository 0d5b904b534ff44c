# A compiled function trusted the kind of a list argument's items (all
# looked at when the call entered) across calls: a callee, interpreted or
# compiled, a method or a special method, that stores items of another type
# into the list made it read a float's bits as an int (f below printed
# 1075838980). Functions that call, or store into a list read from an
# attribute, now check each item's type word (src/jit/build_ops.c
# list_params_exposed). CPython is the oracle.


def to_float(lst):
    for i in range(len(lst)):
        lst[i] = lst[i] + 0.5


def to_str(lst):
    lst[0] = "s"


def f(lst):
    a = lst[0]
    to_float(lst)
    return a + lst[0]


def g(lst, n):
    s = 0
    for i in range(n):
        s += lst[i]
        if i == 1:
            to_float(lst)
    return s


def read_ints(lst):  # call-free: its kind stays trusted when entered from the interpreter
    s = 0
    for i in range(len(lst)):
        s += lst[i]
    return s


def via_compiled_callee(lst):
    to_float(lst)
    return read_ints(lst)  # compiled for the checked list this caller holds


def store_after(lst):
    to_float(lst)
    lst[1] = 7  # an int into what became a list of floats: the type word too
    return lst[0] + lst[1]


def aliased(a, b):
    x = a[0]
    to_float(b)
    return x + a[0] + b[1]


def replace_row(rows):
    rows[0] = [0.25, 0.75]


def nested(rows):
    x = rows[0][0]
    replace_row(rows)
    to_float(rows[1])
    return x + rows[0][1] + rows[1][0]


def gone_str(lst):
    x = lst[1]
    to_str(lst)
    try_it = lst[0]
    return x + try_it


class Holder:
    def __init__(self, items):
        self.items = items

    def floatify(self):
        to_float(self.items)

    def via_method(self, lst):
        x = lst[0]
        self.floatify()
        return x + lst[0]

    def via_attr_store(self, lst):
        x = lst[0]
        self.items[0] = 2.5  # the same list as lst: no call, still a store of another type
        return x + lst[0]

    def attr_then_call(self):
        x = self.items[1]
        to_float(self.items)
        return x + self.items[1]


class Box:
    def __init__(self, lst):
        self.lst = lst

    def __setitem__(self, i, v):
        self.lst[i] = v

    def __add__(self, k):
        to_float(self.lst)
        return k


def via_setitem(lst, box):
    x = lst[0]
    box[0] = 1.25
    return x + lst[0]


def via_add(lst, box):
    x = lst[1]
    y = box + 1
    return x + y + lst[1]


def loop_over(lst):
    s = 0
    for x in lst:  # each item's type word checked: a failure resumes at the loop's FOR_ITER
        s += x
        if x == 2:
            to_float(lst)
    return s


def loop_rows(rows):
    s = 0.0
    for r in rows:
        for x in r:
            s += x
        replace_row(rows)
    return s


class Bag:
    def __init__(self, items):
        self.items = items

    def total(self):  # call-free: a list read from an attribute, its items checked in the loop
        s = 0
        for x in self.items:
            s += x
        return s


def nop():
    pass


def index_error(lst, i):  # a checked list's bad index raises what the interpreter raises
    nop()
    lst[i] = 2.5
    return lst[i]


G = [10, 20, 30]


def touch_global():
    G[2] = 0.5


def via_global(lst):
    x = lst[2]
    touch_global()
    return x + lst[2]


for _ in range(3):
    print(f([3, 4]), g([1, 2, 3, 4], 4), via_compiled_callee([1, 2]))
    l1 = [1, 2]
    print(store_after(l1), l1)
    l2 = [5, 6]
    print(aliased(l2, l2), l2)
    print(nested([[1, 2], [3, 4]]))
    try:
        print(gone_str([1, 2]))
    except TypeError as e:
        print("TypeError", e)
    h = Holder([1, 2, 3])
    print(h.via_method(h.items), h.items)
    h2 = Holder([4, 5])
    print(h2.via_attr_store(h2.items), h2.items)
    print(Holder([7, 8]).attr_then_call())
    l3 = [2, 3]
    print(via_setitem(l3, Box(l3)), l3)
    l4 = [2, 3]
    print(via_add(l4, Box(l4)), l4)
    G[:] = [10, 20, 30]  # (not G = ...: assigning a global drops all compiled code)
    print(via_global(G), G)
    print(read_ints([1, 2, 3]))
    l5 = [1, 2, 3, 4]
    print(loop_over(l5), l5, loop_over([5, 6]))
    print(loop_rows([[1, 2], [3, 4], [5, 6]]))
    for i in (1, 5, -1, -9):
        try:
            print(index_error([1, 2, 3], i))
        except IndexError as e:
            print("IndexError", e)
    bag = Bag([1, 2, 3])
    print(bag.total())
    bag.items[1] = 0.5
    print(bag.total())
    bag.items[2] = "x"
    try:
        print(bag.total())
    except TypeError as e:
        print("TypeError", e)
