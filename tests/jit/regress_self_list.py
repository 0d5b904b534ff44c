# Regression (issue 17, the stack guard found it): typing a list argument
# for the JIT walked rows of rows without end. A list containing itself
# recursed until the host segfaulted (on p4sim: a store into the stack
# guard); a chain of nested lists as deep as the heap allows did the same.
# Such arguments are no type the JIT compiles: the function is interpreted.
def total(a):
    s = 0
    for i in range(3):
        s += i
    return s


def first(rows):
    s = 0
    for r in rows:
        s += r[0]
    return s


a = [1]
a[0] = a
print(total(a))
b = [1.5]
for i in range(5000):
    b = [b]
print(total(b))
c = [[[1]]]
print(total(c))
print(first([[1, 2], [3, 4]]), first([[1.5], [2.5]]))
