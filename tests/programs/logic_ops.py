# and/or return operands; not returns a bool; short-circuit evaluation.
def side(x, log):
    log.append(x)
    return x
log = []
print(0 or 5, 3 or 5, 0 and 5, 3 and 5, None or "d", "" or [] or 0)
print(side(0, log) and side(1, log), log)
log = []
print(side(2, log) or side(3, log), log)
print(not 0, not 3, not "", not [1], not None)
x = 5
print(x > 3 and x < 10, x > 3 and x > 10, x < 3 or x == 5)
y = x if x > 3 else -x
z = "big" if x > 100 else "mid" if x > 4 else "small"
print(y, z, 1 if [] else 2, "yes" if "no" else "never")
print([i for i in range(10) if i % 2 and i > 3])
