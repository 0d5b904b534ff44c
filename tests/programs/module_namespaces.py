# Module namespaces as objects: writes through globals() and fn.__globals__,
# import __main__, and the __dict__ of modules.
# p4: args -X path=import_star_mods
import sys

sys.path.insert(0, "import_star_mods")
import star_plain

counter = 1


def read_counter():
    return counter


def scale(x):
    return x * factor


# a store into globals() changes the variable, as in CPython
g = globals()
g["counter"] = 5
print(counter, read_counter(), g is globals())
g["factor"] = 3
print(scale(2), factor)
globals()["counter"] += 1
print(counter, read_counter())
del g["factor"]
try:
    print(scale(1))
except NameError as e:
    print("NameError", e)
print("factor" in globals(), "counter" in globals())

# a new name, then read back through the dict and the module
g["made_here"] = [1, 2]
print(globals()["made_here"], "made_here" in globals())

# fn.__globals__ is the same dict
read_counter.__globals__["counter"] = 42
print(read_counter(), read_counter.__globals__ is globals(), type(scale.__globals__).__name__)


def outer():
    def inner():
        return counter
    return inner


print(outer().__globals__ is globals())

# import __main__: the running program as a module
import __main__

print(repr(__main__).startswith("<module '__main__'"), __main__.__name__, __main__.counter)
__main__.counter = 7
print(counter, read_counter())
__main__.brand_new = "x"
print(__main__.brand_new, globals()["brand_new"])
del __main__.brand_new
print(hasattr(__main__, "brand_new"))
try:
    del __main__.brand_new
except AttributeError:
    print("AttributeError")
import __main__ as again

print(again is __main__, __main__.__dict__ is globals(), __main__.__dict__["counter"])
print(__main__.read_counter is read_counter)

# __dict__ of built-in and imported modules
print(type(sys.__dict__).__name__, sys.__dict__["__name__"], sys.__dict__["maxsize"] == sys.maxsize)
d = star_plain.__dict__
print(type(d).__name__, d["public_value"], d["__name__"], d is vars(star_plain))
d["public_value"] = 100
print(star_plain.public_value, star_plain.public_func(1))
star_plain.__dict__["added"] = "yes"
print(star_plain.added)

# globals() in a loop of a function the JIT may compile
def total(n):
    s = 0
    for i in range(n):
        s += counter * i
    return s


print(total(4))
globals()["counter"] = 2
print(total(4))
