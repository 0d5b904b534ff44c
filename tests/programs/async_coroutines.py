# Coroutines without an event loop module: async def, await, async with,
# async for, driven with send/throw/close, and a small round-robin scheduler
# built on them (as MicroPython's uasyncio does).
import types


@types.coroutine
def suspend(value):
    got = yield value
    return got


class Ready:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        return iter([])  # finishes at once: await gives None


class Ticket:
    def __await__(self):
        got = yield "ticket"
        return "ticket:" + str(got)


async def add(a, b):
    return a + b


async def chain(n):
    total = 0
    for k in range(n):
        total += await add(k, 1)
    got = await suspend("paused")
    total += got
    total += 0 if await Ready(1) is None else 100
    t = await Ticket()
    return total, t


co = chain(4)
print(type(co).__name__, co.send(None))
print(co.send(5))
try:
    co.send("x")
except StopIteration as e:
    print("StopIteration", e.value)


class Ctx:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow

    async def __aenter__(self):
        print("enter", self.name, await suspend("in-" + self.name))
        return self.name.upper()

    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        await suspend("out-" + self.name)
        return self.swallow


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await suspend("tick")
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def body():
    log = []
    async with Ctx("a") as a, Ctx("b") as b:
        log.append(a + b)
    async with Ctx("c", swallow=True):
        raise ValueError("swallowed")
    try:
        async with Ctx("d"):
            raise KeyError("kept")
    except KeyError as e:
        log.append("caught " + repr(e))
    async for i in Countdown(3):
        log.append(i)
    else:
        log.append("else")
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 1:
            break
        log.append(i)
    else:
        log.append("no else")
    for n in range(2):
        async with Ctx("loop%d" % n):
            if n == 0:
                continue
            break
    return log


def run(coro):
    sent, steps = None, []
    while True:
        try:
            steps.append(coro.send(sent))
        except StopIteration as e:
            return steps, e.value
        sent = len(steps)


steps, result = run(body())
print(steps)
print(result)


# A round-robin scheduler: each task yields to it on every await of sleep().
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        yield self.ticks


async def worker(name, n, delay, out):
    for k in range(n):
        await Sleep(delay)
        out.append((name, k))
    return name * n


def scheduler(tasks):
    now, queue, results = 0, [(0, i, t) for i, t in enumerate(tasks)], {}
    while queue:
        queue.sort()
        when, i, task = queue.pop(0)
        now = max(now, when)
        try:
            delay = task.send(None)
            queue.append((now + delay, i, task))
        except StopIteration as e:
            results[i] = (now, e.value)
    return results


out = []
print(scheduler([worker("x", 3, 2, out), worker("y", 2, 3, out), worker("z", 4, 1, out)]))
print(out)


# throw() and close() reach the innermost await
async def guarded():
    try:
        await suspend("waiting")
    except ValueError as e:
        print("guarded caught", e)
        return "recovered"
    finally:
        print("guarded finally")


g = guarded()
print(g.send(None))
try:
    g.throw(ValueError("boom"))
except StopIteration as e:
    print("returned", e.value)
g = guarded()
g.send(None)
g.close()
print("closed")


async def bad(x):
    return await x


async def bad_with(x):
    async with x:
        pass


async def bad_for(x):
    async for i in x:
        pass


class NonIter:
    def __await__(self):
        return 5


class NoAnext:
    def __aiter__(self):
        return 1


for f, arg in ((bad, 5), (bad, None), (bad, NonIter()), (bad, add(1, 2)), (bad_with, 1), (bad_with, Ready(1)),
               (bad_for, [1]), (bad_for, NoAnext())):
    try:
        f(arg).send(None)
        print("no error")
    except TypeError as e:
        print("TypeError", e)
    except StopIteration:
        print("StopIteration")


async def nested(depth):
    if depth == 0:
        return await suspend(depth)
    return 1 + await nested(depth - 1)


c = nested(50)
print(c.send(None), end=" ")
try:
    c.send(7)
except StopIteration as e:
    print(e.value)
try:
    raise StopAsyncIteration("done")
except Exception as e:
    print(type(e).__name__, e, isinstance(e, StopIteration))
