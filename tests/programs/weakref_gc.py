# weakref.ref and weakref.finalize: references cleared when the collector
# frees their object, callbacks run at gc.collect(), finalizers
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

    def __repr__(self):
        return "Node(%s)" % self.name


log = []


def cb(w):
    log.append(("cb", w(), w in refs_by_id.values()))


refs_by_id = {}


def show(title):
    gc.collect()
    print(title, sorted(log, key=repr))
    log.clear()


# non-weakable values
for v in (None, False, True, ..., 0, -7, 1.5, 2**70, 1j, "", "x", (), (1,), [], {}, b"", bytearray(), range(3), slice(1)):
    try:
        weakref.ref(v)
        print("ok", type(v).__name__)
    except TypeError as e:
        print("TypeError", e)


def fn():
    return 1


class K:
    pass


print(weakref.ref(fn)() is fn, weakref.ref(K)() is K, weakref.ref(len)() is len, weakref.ref(gc)() is gc)
s = {1, 2}
fz = frozenset(s)
print(weakref.ref(s)() is s, weakref.ref(fz)() is fz)
a = Node("a")
r = weakref.ref(a)
print(type(r) is weakref.ref, isinstance(r, weakref.ref), weakref.ref is weakref.ReferenceType, callable(r))
print(r() is a, r().name, r.__callback__)
try:
    r(1)
except TypeError:
    print("TypeError r(1)")
a = None
show("after a dies")
print(r())

# one object, several references, some with callbacks
b = Node("b")
rs = [weakref.ref(b, cb), weakref.ref(b), weakref.ref(b, cb)]
for i, w in enumerate(rs):
    refs_by_id[i] = w
print([w() for w in rs])
b = None
show("b dies")
print([w() for w in rs])
refs_by_id.clear()

# the reference dies before its object: no callback
c = Node("c")
rc = weakref.ref(c, cb)
rc = None
gc.collect()
c = None
show("c dies after its ref")

# a cycle of objects is collected as a whole
x, y = Node("x"), Node("y")
x.next, y.next = y, x
rx = weakref.ref(x, lambda w: log.append("x gone"))
ry = weakref.ref(y, lambda w: log.append("y gone"))
show("cycle alive")
print(rx().next is ry())
x = y = None
show("cycle dies")
print(rx(), ry())

# many objects, every third kept alive
# (in helper functions: P4JIT keeps a comprehension's last item alive
# until the function that ran it returns)
def make_nodes(names):
    return [Node(i) for i in names]


def refs_to(objs, cb):
    return [weakref.ref(n, cb) for n in objs]


nodes = make_nodes(range(300))
refs = refs_to(nodes, lambda w: log.append(1))
keep = nodes[::3]
nodes = None
gc.collect()
print("alive", sum(1 for w in refs if w() is not None), "callbacks", len(log))
print([w().name for w in refs[:12] if w() is not None])
log.clear()
keep = None
gc.collect()
print("alive", sum(1 for w in refs if w() is not None), "callbacks", len(log))
log.clear()

# a cache that forgets values nobody uses (a small WeakValueDictionary)
cache = {}


def remember(key, value):
    cache[key] = weakref.ref(value, lambda w, key=key: cache.pop(key, None))


values = make_nodes("v%d" % i for i in range(6))
for i, v in enumerate(values):
    remember(i, v)
del values[1::2]
gc.collect()
print(sorted(cache), [cache[k]().name for k in sorted(cache)])

# references to functions, classes, bound methods and sets
def make():
    def inner():
        return 5
    class Local:
        def m(self):
            return 6
    return inner, Local


inner, Local = make()
obj = Local()
wf, wc, wm, ws = weakref.ref(inner), weakref.ref(Local), weakref.ref(obj.m), weakref.ref({1})
gc.collect()
print(wf()(), wc() is Local, wm(), ws())
inner = Local = obj = None
gc.collect()
print(wf(), wc(), wm())


# finalize
def done(*args, **kw):
    log.append(("done", args, sorted(kw.items())))
    return len(args)


p = Node("p")
f = weakref.finalize(p, done, 1, 2, k=3)
print(isinstance(f, weakref.finalize), f.alive, f.atexit, f.peek()[0] is p, f.peek()[1] is done, f.peek()[2:])
p = None
show("p dies")
print(f.alive, f.peek(), f.detach(), f())

q = Node("q")
f = weakref.finalize(q, done, "q")
print(f(), f.alive, f(), log)
log.clear()
q = None
show("q dies after its finalizer ran")

q = Node("q2")
f = weakref.finalize(q, done)
d = f.detach()
print(d[0] is q, d[1] is done, d[2:], f.alive, f.detach(), f())
q = None
show("q2 dies after detach")

# a finalizer nobody refers to still runs when its object dies
t = Node("t")
weakref.finalize(t, done, "t")
gc.collect()
print("t alive", log)
t = None
show("t dies")

# finalizers of many objects
def finalizers(objs):
    return [weakref.finalize(n, done, n.name) for n in objs]


group = make_nodes(range(50))
fins = finalizers(group)
del group[:25]
show("half of the group dies")
print(sum(f.alive for f in fins))
group = None
gc.collect()
print(len(log), sum(f.alive for f in fins))
log.clear()

try:
    weakref.finalize(5, done)
except TypeError as e:
    print("TypeError", e)

# several refs and finalizers on one object: newest first
m = Node("m")
order = [weakref.ref(m, lambda w: print("ref1", w())), weakref.finalize(m, print, "fin1"),
         weakref.ref(m, lambda w: print("ref2", w())), weakref.finalize(m, print, "fin2")]
m = None
gc.collect()
print([o() for o in order])

print(gc.isenabled(), gc.disable(), gc.isenabled(), gc.enable(), gc.isenabled())

# finalizers still alive at the end run then, newest first, unless atexit is False
keep1, keep2, keep3 = Node("k1"), Node("k2"), Node("k3")
weakref.finalize(keep1, print, "at exit: k1")
quiet = weakref.finalize(keep2, print, "at exit: k2")
quiet.atexit = False
weakref.finalize(keep3, print, "at exit: k3")
print(quiet.atexit, "end of program")
