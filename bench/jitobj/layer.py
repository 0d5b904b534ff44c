# Methods: a class holding an array('b') and a bias, with a dot method that
# reads the array through a local and through self.w[i] (jitobj measurement).
import p4
from array import array
class Layer:
    def __init__(self, n):
        self.w = array('b', [(i * 37) % 255 - 127 for i in range(n)])
        self.bias = 3
    def dot(self, x):
        s = self.bias
        w = self.w
        for i in range(len(x)):
            s += w[i] * x[i]
        return s
    def dot_attr(self, x):
        s = self.bias
        for i in range(len(x)):
            s += self.w[i] * x[i]
        return s
L = Layer(256)
x = array('b', [(i * 11) % 200 - 100 for i in range(256)])
L.dot(x); L.dot_attr(x)
c0 = p4.cycles()
t = 0
for k in range(20):
    t += L.dot(x)
c1 = p4.cycles()
for k in range(20):
    t += L.dot_attr(x)
c2 = p4.cycles()
print("layer dot 20x256 cycles", c1 - c0, "dot via self.w[i]", c2 - c1, t)
