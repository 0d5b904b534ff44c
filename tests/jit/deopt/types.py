# A variable that is an int on one path and a float on another: compiled
# code keeps one machine type per variable, and a path bringing the other
# type leaves for the interpreter where the paths meet (a guard that always
# fails). A compiled caller of such a function gets a float where its
# compiled code expects an int: it leaves at the call, with that result on
# its stack. tests/jit/deopt/check.py: JIT against the interpreter.


def loop_merge(n):
    x = 0
    for i in range(n):
        if i % 4 == 3:
            x = x + 0.5
        else:
            x = x + 1
    return x


def pick(c, v):
    r = v * 2 if c else v * 0.5
    return r


def caller(n):
    s = 0
    t = 0.25
    for i in range(n):
        s = s + pick(i % 3 != 2, i) * 2
        t = t + i
    return s + t


def nested_caller(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total = total + pick(j != 3, j) + i
    return total


def halve_while_big(n):
    s = 1
    for i in range(n):
        s = s * 3
        if s > 1000:
            s = s / 7
    return s


def depth(n):
    # the caller is itself: each level gets the float of the one below
    if n == 0:
        return pick(False, 3)
    return depth(n - 1) + 1


for k in range(11):
    print(loop_merge(k), pick(k % 2 == 0, k), caller(k), nested_caller(k), halve_while_big(k), depth(k))
