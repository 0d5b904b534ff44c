# Every supported import form.
import math
import array
import math as m
from math import sqrt, floor as fl
from array import array as Arr
import array as arrmod, math as mm
print(math.floor(2.5), m.ceil(2.5), sqrt(25.0), fl(-0.5), mm.fabs(-2))
print(Arr("b", [1, 2]), array.array("h", [3]), arrmod.array("i", [4]))
print(isinstance(Arr("i"), array.array))
try:
    import nosuchmodule
except ImportError as e:
    print("ImportError:", e)
try:
    from math import nosuchthing
except ImportError as e:
    print("ImportError")
except AttributeError as e:
    print("ImportError")
