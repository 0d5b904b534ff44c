# Regression (issue 17, item 4): compiled recursion ran on the machine stack
# bounded only by the recursion limit. With a limit memory cannot hold, the
# firmware stack grew into the heap and the code buffer (p4sim trapped at
# 400000; at 200000 compiled code returned a value where the interpreter
# raised RecursionError). Both must raise RecursionError before memory runs
# out (CPython, at its default limit, raises it too).
# p4: args --recursion-limit 200000 --stack 16384
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


def down_float(n, x):
    if n == 0:
        return x
    return down_float(n - 1, x * 1.0) + 0.5


for n in (10, 900, 150000, 390000):
    try:
        print(n, down(n))
    except RecursionError:
        print(n, "RecursionError")
    try:
        print(n, down_float(n, 1.0))
    except RecursionError:
        print(n, "RecursionError")
print("done")
