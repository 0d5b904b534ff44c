# time and random: only properties are printed (CPython's generator and
# clocks differ from P4JIT's), so the same text comes out of both.
import random
import time

t0 = time.monotonic()
time.sleep(0.01)
t1 = time.monotonic()
print(t1 >= t0, type(t0).__name__, type(time.time()).__name__, time.time() > 0, time.perf_counter() >= 0)
time.sleep(0)
# the _ns forms are exact ints: a wait of 3 ms shows as at least 3,000,000 ns
n0 = time.monotonic_ns()
time.sleep(0.003)
n1 = time.monotonic_ns()
print(type(n0).__name__, n1 - n0 >= 3000000, n1 - n0 < 10 ** 10, time.perf_counter_ns() >= n1)
print(type(time.time_ns()).__name__, time.time_ns() > 0)
for bad in [-1, "x"]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
has_ticks = hasattr(time, "ticks_ms")
print(has_ticks == hasattr(time, "ticks_diff"))
if has_ticks:  # MicroPython's ticks arithmetic (P4JIT has it; CPython does not)
    a = time.ticks_ms()
    time.sleep_ms(2)
    ok = time.ticks_diff(time.ticks_ms(), a) >= 1 and time.ticks_diff(time.ticks_us(), time.ticks_us()) <= 0
    wrap = time.ticks_add(2 ** 30 - 1, 5)
    ok = ok and wrap == 4 and time.ticks_diff(wrap, 2 ** 30 - 1) == 5 and time.ticks_diff(3, 10) == -7
    print(ok and time.ticks_add(0, -1) == 2 ** 30 - 1)
else:
    print(True)

# random: same seed, same sequence; bounds; distribution roughly uniform
random.seed(42)
a = [random.random() for i in range(50)]
random.seed(42)
b = [random.random() for i in range(50)]
print(a == b, all(0.0 <= x < 1.0 for x in a), len(dict.fromkeys(a)) > 40)
random.seed("text")
c = [random.randint(1, 6) for i in range(600)]
print(min(c), max(c), all(c.count(k) > 50 for k in range(1, 7)))
r = [random.randrange(10, 20, 3) for i in range(200)]
print(sorted(dict.fromkeys(r)), all(random.randrange(5) in range(5) for i in range(100)))
print(all(-2 <= random.randrange(-2, 3) < 3 for i in range(100)), sorted(dict.fromkeys([random.randrange(4, 0, -2) for i in range(50)])))
u = [random.uniform(2, 3) for i in range(100)]
print(all(2 <= x <= 3 for x in u), random.choice("q"), random.choice([7]), random.choice(range(3, 4)))
lst = list(range(20))
random.shuffle(lst)
print(sorted(lst) == list(range(20)), len(lst))
s = random.sample(range(100), 10)
print(len(s), len(dict.fromkeys(s)), all(0 <= x < 100 for x in s), random.sample("abc", 3) != [], random.sample([], 0))
bits = [random.getrandbits(5) for i in range(100)]
print(min(bits) >= 0, max(bits) < 32, random.getrandbits(0))
random.seed(1)
x1 = random.random()
random.seed(2)
print(x1 != random.random())
random.seed()
random.seed(None)
random.seed(3.5)
random.seed(b"bytes")
for call in [(0,), (5, 5), (1, 10, 0), (1.5,)]:
    try:
        if len(call) == 1:
            random.randrange(call[0])
        elif len(call) == 2:
            random.randrange(call[0], call[1])
        else:
            random.randrange(call[0], call[1], call[2])
    except ValueError as e:
        print("ValueError", e)
for f, arg in [(random.choice, []), (random.shuffle, (1, 2)), (random.getrandbits, -1), (random.seed, [1])]:
    try:
        f(arg)
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    random.randint(3, 1)
except ValueError as e:
    print("ValueError", e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print("ValueError", e)
