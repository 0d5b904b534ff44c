# copy against CPython: shallow and deep copies, memo and cycles, __copy__/__deepcopy__
import copy

l = [1, [2, 3], {'k': [4]}]
s = copy.copy(l)
d = copy.deepcopy(l)
print(s == l, s is l, s[1] is l[1], d == l, d[1] is l[1], d[2]['k'] is l[2]['k'])
t = (1, 2, (3,))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
dt = copy.deepcopy(t2)
print(dt, dt is t2, dt[1] is t2[1])
print(copy.copy('abc'), copy.deepcopy(5), copy.copy({1, 2}), copy.deepcopy(frozenset([3])), copy.copy(None))
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc, len(dc))
dd = {'a': 1}
dd['self'] = dd
cd = copy.deepcopy(dd)
print(cd['self'] is cd, cd['a'])

class Point:
    def __init__(self, x, y):
        print('init', x, y)
        self.x, self.y = x, y
    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)

p = Point([1], 2)
q = copy.copy(p)
r = copy.deepcopy(p)
print(q, r, q.x is p.x, r.x is p.x, type(r) is Point)

class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print('__copy__')
        return Custom(self.v + [1])
    def __deepcopy__(self, memo):
        print('__deepcopy__', type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo))

c = Custom([7])
print(copy.copy(c).v, copy.deepcopy(c).v, copy.deepcopy([c, c])[0].v)

class Slotted:
    __slots__ = ('a', 'b')
sl = Slotted()
sl.a = [1]
sc = copy.deepcopy(sl)
print(sc.a, sc.a is sl.a, hasattr(sc, 'b'))

class MyList(list):
    pass
ml = MyList([1, [2]])
ml.tag = 'x'
mc = copy.copy(ml)
md = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.tag, type(md).__name__, md, md[1] is ml[1], md.tag)
memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
print(y, id(x) in memo)
print(copy.Error.__name__, issubclass(copy.Error, Exception))
try:
    copy.copy((i for i in ()))
except TypeError as e:
    print('TypeError', e)
