# An int too large for a float: OverflowError as in CPython (ints themselves
# grow without limit).
def grow(x):
    return x * 65536
print(grow(1000))
print(float(grow(10 ** 400)))
