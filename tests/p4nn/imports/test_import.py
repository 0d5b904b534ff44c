# import of .py modules next to the program: one run of each body, globals of
# its own, from-import, aliases, modules importing modules, functions of a
# module called from the program (compiled by the JIT at their first call
# with -X jit=eager), the errors.
import mod_counter
import mod_counter as again
from mod_counter import bump, scaled_dot, make
import mod_uses_other
from array import array

print(mod_counter is again, again.__name__, mod_counter.scale, mod_uses_other.scale)
print(bump(2), bump(5), mod_counter.count)
a = make(40)
for k in range(3):
    print(scaled_dot(a, a, 40), mod_uses_other.twice(a, 17))
print(mod_uses_other.counter_module() is mod_counter)
# compiled code that built scale in must see the new value
mod_counter.set_scale(5)
print(scaled_dot(a, a, 40), mod_counter.scale)
# ... and so must an assignment from outside, and a deletion
mod_counter.scale = 7
print(scaled_dot(a, a, 40), mod_counter.scale)
mod_counter.names = mod_counter.names + ["c"]
del mod_counter.count
try:
    bump(1)
except NameError as e:
    print("NameError", e)
mod_counter.count = 10
print(bump(1), mod_counter.names)
print(repr(mod_counter).startswith("<module 'mod_counter' from "))
try:
    import mod_raises
except KeyError as e:
    print("KeyError", e)
try:
    import mod_raises
except KeyError as e:
    print("KeyError again", e)
try:
    import mod_syntax
except SyntaxError:
    print("SyntaxError")
try:
    import no_such_module_anywhere
except ImportError as e:
    print(type(e).__name__, e)
try:
    mod_counter.nothing
except AttributeError as e:
    print(e)
