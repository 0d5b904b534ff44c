# int.bit_count() (Python 3.10): the ones in the absolute value, for ints of
# any size, bools and int subclasses (AttributeError before).
class Flags(int):
    pass


for n in (0, 1, -1, 7, 255, -256, 2**31 - 1, -2**31, 2**32 - 1, 2**63, -(2**63) - 1, 2**100 - 1, -(3**80),
          True, False, Flags(0b1011)):
    print(n, n.bit_count(), bin(n).count("1") == n.bit_count(), n.bit_length())
print(int.bit_count(12), list(map(int.bit_count, range(8))))
try:
    int.bit_count("x")
except TypeError as e:
    print("TypeError")
