# p4: args -X path=watched_mods
# Compiled code builds in the globals of imported modules it reads
# (wlib.SCALE); assigning one of them drops the code, so that the new value
# is seen. Assigning another module's global (a counter in wstats) must not
# drop it: before the JIT watched module globals one by one, any such store
# dropped all compiled code, and a kernel beside a counter was compiled
# again at every call (5x slower than without the counter on p4sim).
import sys
sys.path.insert(0, "watched_mods")
from array import array
import wlib, wstats

try:
    import p4
except ImportError:  # CPython
    p4 = None


def state(f):
    return p4.jit_info(f) if p4 else "cpython"


a = array("i", range(20))
wlib.scale(a, 20)
wlib.scale(a, 20)
before = state(wlib.scale)
kept = True
for k in range(5):
    wstats.tick()
    kept = kept and state(wlib.scale) == before
    wlib.scale(a, 20)
print("kept across another module's stores:", kept, wstats.count)
print(sum(a), a[7])

# the global it reads, assigned from outside and from inside its module
wlib.SCALE = 7
wlib.scale(a, 20)
print(sum(a), a[7])
exec("SCALE = 2", wlib.__dict__)
wlib.scale(a, 20)
print(sum(a), a[7])

# a global of the module read by its own code
wlib.EXTRA = 5
print(wlib.extra(10), wlib.extra(10))
wlib.EXTRA = 6
print(wlib.extra(10))


# a name the module has no slot for, read as an attribute (compiled code
# does not build those in: their stores are not watched)
def via_attr(n):
    t = 0
    for i in range(n):
        t += wlib.OTHER
    return t


wlib.OTHER = 2
print(via_attr(10), via_attr(10))
wlib.OTHER = 3
print(via_attr(10))


# a function that reads a global and assigns it is not compiled
# (STORE_GLOBAL); its refused build must not leave that global watched, or
# each of its calls (compiled at the first with -X jit=eager) drops all code
count = 0


def bump():
    global count
    count += 1


def work(n):
    t = 0
    for i in range(n):
        t += i * 3
    return t


print(work(10), work(10))
before = state(work)
kept = True
for k in range(3):
    bump()
    kept = kept and state(work) == before
print("kept across a refused function's stores:", kept, count)
