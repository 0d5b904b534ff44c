# Sets and frozensets: displays, constructors, every operator and method,
# repr, hashing, errors. Sets of ints print in CPython's own order (P4JIT
# probes its table the same way); sets of strings are printed sorted, since
# CPython randomises string hashes.

print(set(), frozenset(), {1}, {3, 1, 2}, {5, 13, 21, 1, 3}, {-1, -2, 0, 7, 100, 64})
print(set([3, 3, 1]), set(range(10)), set("abca") == {"a", "b", "c"}, frozenset([2, 1]))
print(set({7: "x", 1: "y"}), set((4, 4, 8)), frozenset(frozenset([9, 8])), {True, 1, 1.0})
print(len({1, 2, 3}), len(set()), bool(set()), bool({0}), 2 in {1, 2}, 5 not in {1, 2})
print(sorted({"pear", "apple", "fig"}), sorted(set("mississippi")))

# the operators, with both sets and frozensets (the left operand gives the type)
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
fa = frozenset(a)
print(a | b, a & b, a - b, b - a, a ^ b)
print(fa | b, fa & b, fa - b, b - fa, fa ^ b, b | fa)
print(a == fa, fa == a, a != b, {1, 2} == {2, 1}, set() == frozenset(), {1} == [1])
print(a <= a, a < a, {1, 2} < a, {1, 9} < a, a >= {5}, a > a, b > {6, 7}, fa >= {1, 2})
print({1, 2} <= frozenset([1, 2, 3]), frozenset([1]) < {1, 2})

# in-place operators change the set itself (every name for it sees the change)
c = {1, 2, 3}
alias = c
c |= {10, 11}
c -= {1}
c &= {2, 3, 10, 99}
c ^= {3, 50}
print(c, alias, c is alias)
f = frozenset([1, 2])
g = f
f |= {3}
print(f, g, f is g)

# methods
s = {10, 20, 30}
s.add(40)
s.add(10)
s.discard(20)
s.discard(999)
s.remove(30)
print(s, s.copy(), s.copy() is s, len(s))
t = s.copy()
t.clear()
print(t, s)
print(s.union([1, 2], (3,), range(2)), s.intersection({10, 40, 7}, [40, 10]), s.difference([10], {1}))
print(s.symmetric_difference([40, 41]), s.issubset([10, 40, 5]), s.issuperset((10,)), s.isdisjoint([1, 2]))
print(fa.union(b), fa.intersection(b), fa.difference(b), fa.symmetric_difference(b), fa.copy() is fa)
u = {1, 2, 3, 4, 5, 6}
u.update([7, 8], {9})
u.intersection_update(range(0, 20, 2), [2, 4, 6, 8, 10])
print(u)
u.difference_update([2], {4})
u.symmetric_difference_update({6, 7})
print(u)
popped = []
p = {5, 3, 9, 1}
while p:
    popped.append(p.pop())
print(popped, p)
print(a.union(), a.intersection(), a.difference(), a.union() is a)

# sets in sets, sets as keys, hashing frozensets
groups = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3])}
print(len(groups), frozenset([1, 2]) in groups, {1, 2} in groups)
d = {frozenset("ab"): 1}
d[frozenset("ba")] = 2
print(len(d), d[frozenset(["a", "b"])])
print(hash(frozenset([1, 2, 3])) == hash(frozenset([3, 2, 1])), hash(frozenset()) == hash(frozenset([])))
pairs = {(1, 2), (2, 1), (1, 2)}
print(sorted(pairs), len({(x, y) for x in range(3) for y in range(3)}))

# iteration
total = 0
for x in {4, 8, 15, 16, 23, 42}:
    total += x
print(total, sorted({x * x for x in range(-3, 4)}), list({9, 1, 17}), tuple(frozenset([33, 1])))
seen = []
m = {1, 2, 3}
try:
    for x in m:
        seen.append(x)
        m.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e, seen)

# errors, with CPython's messages
try:
    {1}.remove(5)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    set([{}])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({1})
except TypeError as e:
    print("TypeError:", e)
try:
    {1} + {2}
except TypeError as e:
    print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
try:
    {1} < [1]
except TypeError as e:
    print("TypeError:", e)
try:
    s2 = {1}
    s2 |= [2]
except TypeError as e:
    print("TypeError:", e)
try:
    frozenset([1]).add(2)
except AttributeError as e:
    print("AttributeError:", e)
try:
    set(5)
except TypeError as e:
    print("TypeError:", e)

# set algebra on words
text = "the quick brown fox jumps over the lazy dog and the quick cat naps"
words = text.split()
vocab = set(words)
short = {w for w in vocab if len(w) <= 3}
animals = {"fox", "dog", "cat", "cow"}
print(len(words), len(vocab), sorted(short))
print(sorted(vocab & animals), sorted(animals - vocab), sorted(short ^ animals), sorted(short | animals)[:5])
letters = [set(w) for w in words]
common = letters[0]
for ls in letters[1:3]:
    common = common & ls
print(sorted(common), sorted(set(text) - set("aeiou ")), len(set(text)))

# set algebra on pseudo-random ints (a fixed LCG): CPython's order exactly
seed = 12345


def rnd(n):
    global seed
    seed = (seed * 75 + 74) % 65537
    return seed % n


for trial in range(12):
    xs = [rnd(60) - 10 for _ in range(rnd(14))]
    ys = [rnd(80) for _ in range(rnd(12))]
    sx, sy = set(xs), set(ys)
    print(sx, sy)
    print(" ", sx | sy, sx & sy, sx - sy, sx ^ sy, sx <= sy, sx.isdisjoint(sy))
    sx |= sy
    sx -= set(xs[:3])
    sx ^= {rnd(40), rnd(40)}
    print(" ", sx, [sx.pop() for _ in range(min(3, len(sx)))], sx)

# dict.keys() and dict.items() are set-like: operators with sets, views and
# other iterables give sets
d = {5: "a", 1: "b", 9: "c", 33: "d", 2: "e"}
e = {1: 0, 2: 0, 40: 0}
k = d.keys()
print(k & {1, 9, 77}, {1, 9, 77} & k, k | {100, 3}, {100, 3} | k, k - {5}, {5, 6} - k, k ^ {1, 50}, {1, 50} ^ k)
print(k & e.keys(), e.keys() & k, k | e.keys(), k - e.keys(), k ^ e.keys(), k & [1, 2, 3], k | [7], k - [5, 1])
print(sorted(d.items() & {(1, "b"), (2, "x")}), [1] & k)
try:
    print(d.values() & {1})
except TypeError as ex:
    print("TypeError:", ex)
