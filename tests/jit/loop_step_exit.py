# A loop counter stepped before a `break` or `return` that leaves the loop:
# the value after the step is what the code after the loop reads. sr.c once
# moved such a step to the end of the iteration when nothing in the loop
# but its phi read it, so the way out read a register nothing wrote
# (p4sim: f(0, 100, 7) gave 4227175, not 1).

def step_then_break(start, n, k):
    i = start
    while i < n:
        i += 1
        if k > 5:
            break
    return i


def step_then_break_on_other(n, k):
    i = 0
    j = 0
    while i < n:
        i += 1
        j += 3
        if j > k:
            break
    return i * 100 + j


def step_then_return(start, n, k):
    i = start
    while i < n:
        i += 2
        if k < 0:
            return i
    return -i


def step_in_nest(rows, cols, k):
    total = 0
    for r in range(rows):
        c = 0
        while c < cols:
            c += 1
            if k == r:
                break
        total += c * (r + 1)
    return total


def step_then_break_array(a, n, k):
    i = 0
    s = 0
    while i < n:
        s += a[i]
        i += 1
        if k > 5:
            break
    return i * 1000 + s


from array import array

a = array('i', [5, -3, 8, 1, 9, 2, 7])
for start in (0, 3, 17, 40, 99, 100, 150):
    print(step_then_break(start, 100, 7), step_then_break(start, 100, 1),
          step_then_return(start, 100, -1), step_then_return(start, 100, 1))
for k in (0, 2, 3, 9, 50):
    print(step_then_break_on_other(10, k), step_in_nest(4, 6, k), step_then_break_array(a, 7, k))
