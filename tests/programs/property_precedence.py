# A property (a data descriptor) comes before an instance dict entry of the
# same name; the + * % methods of sequences raise TypeError where a
# number's answer NotImplemented.
class C:
    def __init__(self):
        self.__dict__['x'] = 'dict'
        self._y = 1
    @property
    def x(self):
        return 'property'
    @property
    def y(self):
        return self._y
c = C()
for i in range(3):
    print(c.x, c.y, c.__dict__['x'])
class D:
    pass
d = D()
d.z = 'dict z'
print(d.z)
D.z = property(lambda self: 'late property')
for i in range(2):
    print(d.z)
for v in ['a', b'a', [1], (1,), bytearray(b'a')]:
    for m, arg in [('__add__', 1), ('__mul__', 'x'), ('__rmul__', None), ('__add__', None)]:
        f = getattr(v, m, None)
        try:
            r = f(arg)
            print(type(v).__name__, m, 'NotImplemented' if r is NotImplemented else r)
        except TypeError as e:
            print(type(v).__name__, m, 'TypeError', e)
for v in ['%d', b'%d']:
    for arg in [None, 'x', (1, 2)]:
        try:
            print(v.__mod__(arg))
        except TypeError as e:
            print('TypeError', e)
print((1).__add__('x'), (1.5).__mul__('x'), 'ab'.__mul__(2), [1].__add__([2]), 'x%s'.__mod__(3), (2).__rmul__('ab'))
print([0].__mul__(3), (1,).__rmul__(2), b'x'.__rmul__(2), bytearray(b'y').__mul__(2), {1}.__or__([2]))


# a load site that found the instance's entry before the class had a property
class E:
    pass


def get(o):
    return o.w


e = E()
e.w = 'dict w'
print(get(e), get(e))
E.w = property(lambda self: 'property w')
print(get(e), e.__dict__['w'])
