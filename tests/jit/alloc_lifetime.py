# p4: args -m 16K
# bytearray(n) in compiled code must not keep an array alive that the
# interpreter frees: arrays compiled code allocates stay rooted until the
# call returns, so a temporary array or a local assigned twice, followed by
# another allocation, keeps the function interpreted. In a 16K heap three
# arrays of 6000 bytes do not fit, two do.


def temporaries(n):
    # the interpreter frees each array as soon as len() has it
    a = len(bytearray(n))
    b = len(bytearray(n))
    c = len(bytearray(n))
    return a + b + c


def reassigned(n):
    # at the third allocation the interpreter holds one array (in t)
    t = bytearray(n)
    t[0] = 1
    s = t[0]
    t = bytearray(n)
    t[1] = 2
    s += t[1]
    t = bytearray(n)
    return s + len(t)


def own_locals(n):
    # each array in a local of its own: both runs keep both to the end
    # (still compiled)
    a = bytearray(n)
    b = bytearray(n)
    a[0] = 3
    b[n - 1] = 4
    return a[0] + b[n - 1] + len(a) + len(b)


def one(n):
    # a single allocation: nothing is allocated after it (compiled)
    return len(bytearray(n)) + 1


for k in range(3):
    print(temporaries(6000))
    print(reassigned(6000))
    print(own_locals(6000))
    print(one(6000))
