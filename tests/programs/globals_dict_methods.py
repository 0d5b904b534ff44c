# globals()'s dict methods reach the module's names: update, setdefault, pop, |=.
x = 1
def show():
    return x
globals().update(x=2, y=3)
print(x, y, show())
globals().update({"z": 4}, w=5)
print(z, w)
print(globals().setdefault("x", 9), globals().setdefault("v", 7), v)
print(globals().pop("y"))
try:
    print(y)
except NameError as e:
    print(e)
g = globals()
g |= {"x": 10}
print(x, show())
print(sorted(k for k in globals() if len(k) == 1))
def f():
    globals().update(counter=globals().get("counter", 0) + 1)
for _ in range(3):
    f()
print(counter)
d = {"a": 1}
d.update(b=2)
print(d)
