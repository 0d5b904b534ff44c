# Results beyond 32 bits become ints of any size (they raised OverflowError
# before ints of any size). Each function takes its label, a str, so compiled
# code (32-bit ints) never runs them: compiled code continuing in the
# interpreter at an overflow is the JIT's deoptimisation, tested in tests/jit.
def attempt(label, f):
    try:
        print(label, f(label))
    except OverflowError as e:
        print(label, "OverflowError:", e)
def add(label): return 2147483647 + 1
def sub(label): return -2147483648 - 1
def mul(label): return 65536 * 65536
def power(label): return 2 ** 31
def shift(label): return 1 << 31
def neg(label): return -(-2147483647 - 1)
def fine(label): return 2147483647 - 1 + 1
def absmin(label): return abs(-2147483647 - 1)
def floordiv(label): return (-2147483647 - 1) // -1
def summed(label): return sum([2000000000, 2000000000])
for f in [add, sub, mul, power, shift, neg, fine, absmin, floordiv, summed]:
    attempt(f.__name__, f)
