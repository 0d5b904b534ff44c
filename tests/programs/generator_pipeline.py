# A realistic generator pipeline: sensor log lines -> parse -> filter ->
# aggregate, plus infinite generators cut off by hand, send()-driven
# coroutines, and a pipeline closed early whose finally clauses run.

LOG = """\
# sensor log, one reading per line: time sensor value
0 temp 21.5
1 hum 40
2 temp 21.7
3 temp bad
4 hum 41

5 press 1013
6 temp 22.1
7 hum 39
8 temp 35.0
9 press 1011
10 temp 22.4
"""


def lines(text):
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            if start < len(text):
                yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def strip_comments(src):
    for line in src:
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def parse(src, errors):
    for line in src:
        parts = line.split()
        try:
            yield int(parts[0]), parts[1], float(parts[2])
        except ValueError:
            errors.append(line)


def only(sensor, src):
    return (r for r in src if r[1] == sensor)


def below(limit, src):
    for t, name, value in src:
        if value < limit:
            yield t, name, value


def window(src, n):
    buf = []
    for item in src:
        buf.append(item)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)


errors = []
readings = list(parse(strip_comments(lines(LOG)), errors))
print(len(readings), "readings,", len(errors), "bad:", errors)
temps = list(below(30.0, only("temp", readings)))
print(temps)
print("mean temp", round(sum(v for _, _, v in temps) / len(temps), 3))
by_sensor = {}
for t, name, value in parse(strip_comments(lines(LOG)), []):
    by_sensor.setdefault(name, []).append(value)
for name in sorted(by_sensor):
    vals = by_sensor[name]
    print(name, len(vals), min(vals), max(vals))
for w in window((v for _, _, v in temps), 3):
    print("window", w, round(sum(w) / 3, 3))


# infinite generators with manual limits (no itertools)
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1


def take(n, src):
    if n <= 0:
        return
    for i, x in enumerate(src):
        yield x
        if i + 1 >= n:
            return


def primes():
    found = []
    for n in naturals(2):
        if all_coprime(n, found):
            found.append(n)
            yield n


def all_coprime(n, ps):
    for p in ps:
        if p * p > n:
            return True
        if n % p == 0:
            return False
    return True


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(take(15, primes())))
print(list(take(20, fib())))
print(list(take(0, fib())), list(take(3, (x * x for x in naturals(5)))))
evens = (n for n in naturals() if n % 2 == 0)
print([evens.__next__() for _ in range(5)], evens.__next__())


# send()-driven coroutines: a running average and a moving-window filter
def running_average():
    total = 0.0
    n = 0
    avg = None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n


def moving_min(width):
    items = []
    low = None
    while True:
        x = yield low
        items.append(x)
        if len(items) > width:
            items.pop(0)
        low = min(items)


ra = running_average()
mm = moving_min(3)
ra.send(None)
mm.send(None)
for x in [10, 20, 0, 40, 50, 5, 60]:
    print(x, round(ra.send(x), 3), mm.send(x))


# a consumer driven by a producer: a line splitter that receives chunks
def splitter(out):
    buf = ""
    try:
        while True:
            chunk = yield
            buf += chunk
            while "\n" in buf:
                i = buf.index("\n")
                out.append(buf[:i])
                buf = buf[i + 1:]
    finally:
        if buf:
            out.append("partial:" + buf)


got = []
sp = splitter(got)
sp.send(None)
for chunk in ["ab", "c\nde", "f\n\ng", "hi"]:
    sp.send(chunk)
sp.close()
print(got)


# a pipeline closed early: each stage's finally runs, innermost first
trace = []


def stage(name, src):
    # closes its source itself: CPython would also close it when the last
    # reference goes, P4JIT (no reference counts) only when asked
    try:
        for x in src:
            yield x
    finally:
        trace.append("close " + name)
        src.close()


def source(n):
    try:
        for i in range(n):
            trace.append("make " + str(i))
            yield i
    finally:
        trace.append("close source")


p = stage("outer", stage("inner", source(100)))
print([p.__next__() for _ in range(3)])
p.close()
print(trace)

trace = []


def delegating(n):
    try:
        yield from stage("sub", source(n))
    finally:
        trace.append("close delegating")


d = delegating(10)
print(d.__next__(), d.__next__())
d.close()
print(trace)


# aggregation with a generator of dicts and a dict comprehension
def records():
    for i, name in enumerate(["ada", "bob", "cy", "dee", "eve", "fay"]):
        yield {"id": i, "name": name, "team": "red" if i % 3 else "blue", "score": (i * 37) % 11}


teams = {}
for r in records():
    teams.setdefault(r["team"], []).append(r["score"])
summary = {team: (len(s), sum(s), max(s)) for team, s in teams.items()}
print(sorted(summary.items()))
top = sorted((r["score"], r["name"]) for r in records())[-2:]
print(top)
