# Regression (found by the random program generator): range() with a
# variable step of 0 must raise range()'s own ValueError from compiled code;
# it raised a TypeError with a garbled operator.


def f(step):
    s = 0
    for i in range(0, 12, step):
        s += i
    return s


for step in (5, -1, 0, 1):
    try:
        print(step, f(step))
    except ValueError as e:
        print(step, "ValueError", e)
