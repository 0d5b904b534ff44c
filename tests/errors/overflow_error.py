# p4: deviation
# P4JIT ints are 32-bit: this overflows where CPython would grow the int.
def grow(x):
    return x * 65536
print(grow(1000))
print(grow(100000))
