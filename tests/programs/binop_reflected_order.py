# Which of a.__add__ / b.__radd__ runs first when b's class derives from a's.
log = []

class V:
    def __init__(self, n):
        self.n = n
    def __add__(self, o):
        log.append('V.add')
        return V(self.n + (o.n if isinstance(o, V) else o))
    def __radd__(self, o):
        log.append('V.radd')
        return V((o.n if isinstance(o, V) else o) + self.n)
    def __sub__(self, o):
        log.append('V.sub')
        return NotImplemented
    def __lt__(self, o):
        log.append('V.lt')
        return True
    def __gt__(self, o):
        log.append('V.gt')
        return False

class W(V):          # inherits __radd__: V.__add__ runs first
    pass

class X(V):          # overrides __radd__: X.__radd__ runs first
    def __radd__(self, o):
        log.append('X.radd')
        return X(100)
    def __rsub__(self, o):
        log.append('X.rsub')
        return 7

class Y(V):          # comparisons: the subclass's reflected one first, overridden or not
    pass

class Z(W):          # overrides below an intermediate class that does not
    def __radd__(self, o):
        log.append('Z.radd')
        return 5

for a, b in [(V(1), W(2)), (V(1), X(2)), (W(1), X(2)), (V(1), Z(2)), (W(1), Z(2)), (Z(1), V(2))]:
    log.clear()
    r = a + b
    print(type(a).__name__, '+', type(b).__name__, '->', type(r).__name__, getattr(r, 'n', r), log)
log.clear()
print(V(1) - X(2), log)
log.clear()
print(V(1) < Y(2), log)
log.clear()
print(3 + W(4) is not None, log)
class I(int):
    def __radd__(self, o):
        return 'I.radd'
class J(int):
    pass
print(5 + I(2), 5 + J(2), type(5 + J(2)).__name__)
