# Bare string statements compile to no code (lang15): blocks whose only
# statement is a string, in every kind of block.
try:
    "only a string"
except Exception:
    pass
finally:
    "and here"
try:
    "x"
finally:
    pass
class Ctx:
    def __enter__(self): return self
    def __exit__(self, *a): return False
with Ctx():
    "nothing"
for i in range(2):
    "loop"
while False:
    "never"
if True:
    "if"
else:
    "else"
def g():
    "doc"
    yield 1
async def h():
    "doc"
print(list(g()), g.__doc__, h.__doc__)
match 3:
    case 3:
        "matched"
lam = lambda: "x"
print(lam())
def only():
    "a"
    "b"
print(only(), only.__doc__)
