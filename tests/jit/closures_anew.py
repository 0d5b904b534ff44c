# Closures made anew and called once (a factory's result called and
# dropped): with -X jit=auto the first is compiled at its call (it has a
# loop), then, since that one was entered only once, the later ones are
# left to the interpreter and --jit-report says how many calls
# (jit/report-closures-anew; each closure's cells are compiled into its own
# specialisation, so each would be compiled again for one call: 7.5 times
# the interpreter's instructions before). Closures that are called again
# are compiled as before, one specialisation per closure (weighted).
def make_scaler(k):
    def scaled_sum(xs):
        s = 0
        for x in xs:
            s += x * k
        return s
    return scaled_sum


def make_weighted(w):
    def weighted(xs):
        t = 0.0
        for x in xs:
            t += x * w
        return t
    return weighted


xs = list(range(20))
total = 0
for i in range(300):
    total += make_scaler(i - 150)(xs)
print("anew", total)

light, heavy = make_weighted(0.5), make_weighted(2.25)
t = 0.0
for i in range(40):
    t += light(xs) - heavy(xs[i % 7:])
print("kept", t)
# a new closure after the ones made anew: interpreted, the same result
print("again", make_scaler(3)(xs), make_scaler(-2)([5, 6, 7]))
