# An exception escaping a generator: the traceback shows the consumer's
# frames, then the generator's (through a yield from).


def parse(items):
    for item in items:
        yield int(item)


def doubled(items):
    yield from (2 * x for x in parse(items))


total = 0
for v in doubled(["1", "2", "x3"]):
    total += v
    print("running total", total)
