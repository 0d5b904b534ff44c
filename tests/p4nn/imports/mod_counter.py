# a helper module of test_import.py: globals of its own, a function the JIT compiles
from array import array

count = 0
scale = 3
names = ["a", "b"]


def bump(n):
    global count
    count += n
    return count


def scaled_dot(a, b, n):
    acc = 0
    for i in range(n):
        acc += a[i] * b[i]
    return acc * scale


def set_scale(k):
    global scale
    scale = k


def make(n):
    return array("b", [i % 7 - 3 for i in range(n)])


print("mod_counter runs, __name__ is", __name__)
if __name__ == "__main__":
    print("not printed on import")
