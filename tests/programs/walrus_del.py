# Assignment expressions, del of names, Ellipsis, global at module level.
global counter_total
counter_total = 0
if (n := 10) > 5:
    print('n is', n)
data = [1, 4, 9, 16, 25]
while (item := data.pop()) > 5:
    print('popped', item)
print(item, data)
print([y for x in range(6) if (y := x * x) % 2], y)
print([(last := v) + 1 for v in range(4)], last)
def walrus_in_function(values):
    total = 0
    hits = [t for v in values if (t := v * 3) > 5]
    return hits, t, (total := total + len(hits)), total
print(walrus_in_function([1, 2, 3, 4]))
print((a := 1, b := a + 1), a, b)
def nested_walrus():
    k = 0
    res = [[(k := k + j) for j in range(3)] for _ in range(2)]
    return res, k
print(nested_walrus())
# del of globals and locals
g1 = 'global one'
del g1
try:
    print(g1)
except NameError as e:
    print('NameError:', e)
def local_del():
    v = 5
    w = v
    del v
    try:
        return v
    except UnboundLocalError as e:
        return 'UnboundLocalError: ' + str(e), w
print(local_del())
def del_twice():
    q = 1
    del q
    try:
        del q
    except UnboundLocalError as e:
        return str(e)
print(del_twice())
try:
    del never_defined
except NameError as e:
    print('NameError:', e)
p, q, r = 1, 2, 3
del p, (q, r)
try:
    print(q)
except NameError as e:
    print('NameError:', e)
try:
    print(r)
except NameError as e:
    print('NameError:', e)
lst = [1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
def global_del():
    global gx
    gx = 3
    del gx
    try:
        return gx
    except NameError as e:
        return str(e)
print(global_del())
def reassign_after_del():
    s = 'first'
    del s
    s = 'second'
    return s
print(reassign_after_del())
# Ellipsis
e = ...
print(e, repr(...), ... is Ellipsis, e == ..., str(...))
def stub():
    ...
print(stub(), [..., 1][0])
counter_total += 1
print(counter_total)


# := inside a generator expression binds in the enclosing scope (PEP 572):
# a local of the enclosing function (fresh or existing), a global at module
# level; the generator reads and writes that one variable.
def first_hit(limit):
    found = any((hit := i) % 5 == 3 and (hit % 2) == 0 for i in range(limit))
    return found, hit


def existing_local(xs):
    last = -1
    total = sum((last := x) * 2 for x in xs)
    return total, last


def lazy(xs):
    gen = ((seen := x) for x in xs)
    seen = "before"
    out = [seen]
    for v in gen:
        out.append((v, seen))
    return out


hit = 123
print(first_hit(10), hit, existing_local([3, 4, 5]), lazy("ab"))
print(any((hit := i) % 5 == 3 and (hit % 2) == 0 for i in range(10)), hit)
print(max((m := k) * 0 for k in range(4)), m)
