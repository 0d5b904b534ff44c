# Results beyond 32 bits become ints of any size (they raised OverflowError
# before ints of any size). Under -X jit=eager the functions are compiled
# (32-bit ints): an overflow check deoptimises and the interpreter computes
# the int beyond 32 bits (docs/jit.md, "Deoptimisation").
def attempt(label, f):
    try:
        print(label, f())
    except OverflowError as e:
        print(label, "OverflowError:", e)
def add(): return 2147483647 + 1
def sub(): return -2147483648 - 1
def mul(): return 65536 * 65536
def power(): return 2 ** 31
def shift(): return 1 << 31
def neg(): return -(-2147483647 - 1)
def fine(): return 2147483647 - 1 + 1
def absmin(): return abs(-2147483647 - 1)
def floordiv(): return (-2147483647 - 1) // -1
def summed(): return sum([2000000000, 2000000000])
for f in [add, sub, mul, power, shift, neg, fine, absmin, floordiv, summed]:
    attempt(f.__name__, f)
