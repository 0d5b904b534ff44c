# C[key] on a user class calls C.__class_getitem__(key), implicitly a class
# method (or an explicit one); a class without it is not subscriptable.


class Box:
    def __class_getitem__(cls, item):
        return cls.__name__ + "[" + getattr(item, "__name__", repr(item)) + "]"


class SubBox(Box):
    pass


class Explicit:
    @classmethod
    def __class_getitem__(cls, item):
        return (cls, item)


print(Box[int], SubBox[str], Box[3], Explicit[1, 2] == (Explicit, (1, 2)))


class Plain:
    pass


try:
    Plain[int]
except TypeError as e:
    print("TypeError", e)
