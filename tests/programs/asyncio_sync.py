# asyncio's synchronisation: Event (waiters woken together, clear, cancelled
# waiters), Lock (FIFO hand-over, async with, cancelled waiters, release
# errors), Semaphore/BoundedSemaphore, Condition (notify, notify_all,
# wait_for), Queue/LifoQueue/PriorityQueue (blocking put/get, join and
# task_done, nowait errors, cancelled getters and putters, woken or not), and
# a sensor pipeline built from them. Every order here comes from sleep(0)
# steps, not from clocks.
import asyncio


def say(*args):
    print(*args)


async def steps(n):
    for _ in range(n):
        await asyncio.sleep(0)


# ---- Event ---------------------------------------------------------------


async def event_waiter(name, ev):
    say(name, "waits")
    try:
        r = await ev.wait()
        say(name, "woke", r)
    except asyncio.CancelledError:
        say(name, "cancelled")


async def events():
    say("== Event")
    ev = asyncio.Event()
    say(ev.is_set(), await asyncio.wait_for(asyncio.sleep(0, "x"), 1))
    ws = [asyncio.create_task(event_waiter("w%d" % i, ev)) for i in range(3)]
    await steps(1)
    ws[1].cancel()
    await steps(1)
    say("set")
    ev.set()
    ev.set()
    say("is_set", ev.is_set())
    await steps(2)
    say("already set:", await ev.wait())
    ev.clear()
    say("cleared", ev.is_set())
    t = asyncio.create_task(event_waiter("late", ev))
    await steps(1)
    ev.set()
    ev.clear()  # the waiter was woken by set(); clear() does not take it back
    await t
    # set then cancel in the same step: the cancel wins
    t = asyncio.create_task(event_waiter("race", ev))
    await steps(1)
    ev.set()
    t.cancel()
    await steps(2)
    say("race cancelled", t.cancelled())


# ---- Lock --------------------------------------------------------------


async def locker(name, lock, hold, log):
    async with lock:
        log.append(name + "+")
        await steps(hold)
        log.append(name + "-")


async def lock_cancel_waiter(name, lock):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        say(name, "cancelled while waiting; locked:", lock.locked())
        raise
    say(name, "acquired")
    lock.release()


async def locks():
    say("== Lock")
    lock = asyncio.Lock()
    say("locked", lock.locked(), await lock.acquire(), lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        say("RuntimeError", e)
    log = []
    ts = [asyncio.create_task(locker(n, lock, h, log)) for n, h in (("a", 2), ("b", 0), ("c", 1))]
    await asyncio.gather(*ts)
    say("order", log)
    # waiters cancelled: the lock passes to the next live one
    await lock.acquire()
    ws = [asyncio.create_task(lock_cancel_waiter("lw%d" % i, lock)) for i in range(4)]
    await steps(1)
    ws[0].cancel()
    ws[2].cancel()
    lock.release()
    await asyncio.gather(*ws, return_exceptions=True)
    say("states", [w.cancelled() for w in ws], lock.locked())
    # the first waiter is cancelled after it was woken: the next one gets it
    await lock.acquire()
    ws = [asyncio.create_task(lock_cancel_waiter("lx%d" % i, lock)) for i in range(2)]
    await steps(1)
    lock.release()
    ws[0].cancel()
    await asyncio.gather(*ws, return_exceptions=True)
    say("after hand-over", lock.locked())
    # an exception inside async with releases the lock
    try:
        async with lock:
            raise KeyError("inside")
    except KeyError:
        say("released after exception:", not lock.locked())


# ---- Semaphore -------------------------------------------------------------


async def limited(name, sem, active, peak):
    async with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        say(name, "in, active", active[0])
        await steps(2)
        active[0] -= 1
    say(name, "out")


async def semaphores():
    say("== Semaphore")
    sem = asyncio.Semaphore(2)
    active, peak = [0], [0]
    await asyncio.gather(*(limited("s%d" % i, sem, active, peak) for i in range(5)))
    say("peak", peak[0], "locked", sem.locked())
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        say("ValueError", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        say("ValueError", e)
    # a cancelled waiter gives up its turn
    s = asyncio.Semaphore(0)

    async def taker(name):
        try:
            await s.acquire()
            say(name, "took")
        except asyncio.CancelledError:
            say(name, "cancelled")
    ts = [asyncio.create_task(taker("t%d" % i)) for i in range(3)]
    await steps(1)
    ts[0].cancel()
    s.release()
    s.release()
    await asyncio.gather(*ts)


# ---- Condition ---------------------------------------------------------------


async def consumer(name, cond, box):
    async with cond:
        r = await cond.wait_for(lambda: box)
        say(name, "got", box.pop(0), r is not None)


async def conditions():
    say("== Condition")
    cond = asyncio.Condition()
    box = []
    ts = [asyncio.create_task(consumer("c%d" % i, cond, box)) for i in range(3)]
    await steps(1)
    async with cond:
        box.append("one")
        cond.notify()
    await steps(3)
    async with cond:
        box.extend(["two", "three"])
        cond.notify_all()
    await asyncio.gather(*ts)
    try:
        cond.notify()
    except RuntimeError as e:
        say("RuntimeError", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        say("RuntimeError", e)

    # a waiter cancelled while it waits still holds the lock when it leaves
    async def cancelled_waiter():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                say("cancelled waiter holds lock:", cond.locked())
                raise
    t = asyncio.create_task(cancelled_waiter())
    await steps(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        say("lock free again:", not cond.locked())


# ---- Queue -----------------------------------------------------------------


async def producer(q, items, name):
    for it in items:
        await q.put(it)
        say(name, "put", it, "size", q.qsize())
    say(name, "done")


async def draining_consumer(q, name, out):
    while True:
        it = await q.get()
        out.append(it)
        say(name, "got", it)
        await steps(1)
        q.task_done()


async def queues():
    say("== Queue")
    q = asyncio.Queue(maxsize=2)
    say(q.maxsize, q.empty(), q.full(), q.qsize())
    out = []
    p = asyncio.create_task(producer(q, range(5), "p"))
    c = asyncio.create_task(draining_consumer(q, "c", out))
    await p
    await q.join()
    say("joined", out, q.empty())
    c.cancel()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        say("QueueEmpty")
    q.put_nowait(1)
    q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        say("QueueFull", q.full())
    say(q.get_nowait(), q.get_nowait())
    try:
        q.task_done()
        q.task_done()
        q.task_done()
    except ValueError as e:
        say("ValueError", e)
    # getters waiting in order; a cancelled getter loses nothing
    q = asyncio.Queue()

    async def getter(name):
        try:
            say(name, "got", await q.get())
        except asyncio.CancelledError:
            say(name, "cancelled")
    gs = [asyncio.create_task(getter("g%d" % i)) for i in range(3)]
    await steps(1)
    gs[0].cancel()
    q.put_nowait("x")
    q.put_nowait("y")
    await asyncio.gather(*gs)
    say("left", q.qsize())
    # woken, then cancelled before it ran: the turn passes to the next in line
    # (getters on an empty queue, putters on a full one)
    gs = [asyncio.create_task(getter("h%d" % i)) for i in range(2)]
    await steps(1)
    q.put_nowait("z")
    gs[0].cancel()
    await asyncio.gather(*gs)
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("full")

    async def putter(name, item):
        try:
            await q.put(item)
            say(name, "put", item)
        except asyncio.CancelledError:
            say(name, "cancelled")
    ps = [asyncio.create_task(putter("p%d" % i, i)) for i in range(3)]
    await steps(1)
    ps[1].cancel()  # waiting, not woken: leaves the line
    q.get_nowait()
    ps[0].cancel()  # woken by the get, cancelled: p2 gets the room
    await asyncio.gather(*ps)
    say("queue holds", q.get_nowait(), q.empty())
    # LIFO and priority orders
    lq, pq = asyncio.LifoQueue(), asyncio.PriorityQueue()
    for v in (3, 1, 2):
        await lq.put(v)
        await pq.put((v, "p%d" % v))
    say([lq.get_nowait() for _ in range(3)], [pq.get_nowait()[1] for _ in range(3)])
    # many items through an unbounded queue keep their order
    q = asyncio.Queue()
    for i in range(100):
        q.put_nowait(i)
    got = []
    while not q.empty():
        got.append(await q.get())
    say("fifo", got == list(range(100)))


# ---- a sensor pipeline --------------------------------------------------------


class Sensor:
    """Produces readings at its own pace; stops when told."""

    def __init__(self, name, values, pace):
        self.name, self.values, self.pace = name, values, pace

    async def run(self, q, stop):
        for v in self.values:
            if stop.is_set():
                break
            await q.put((self.name, v))
            await steps(self.pace)
        await q.put((self.name, None))


async def aggregator(q, n_sensors, lock, totals):
    ended = 0
    while ended < n_sensors:
        name, v = await q.get()
        if v is None:
            ended += 1
            say("sensor ended", name)
            continue
        async with lock:
            totals[name] = totals.get(name, 0) + v
        say("reading", name, v)
    return sum(totals.values())


async def pipeline():
    say("== pipeline")
    q = asyncio.Queue(maxsize=3)
    stop = asyncio.Event()
    lock = asyncio.Lock()
    totals = {}
    sensors = [Sensor("temp", [20, 21, 22, 23], 1), Sensor("hum", [50, 55], 2),
               Sensor("light", list(range(100, 110)), 0)]
    runs = [asyncio.create_task(s.run(q, stop)) for s in sensors]
    agg = asyncio.create_task(aggregator(q, len(sensors), lock, totals))
    await steps(6)
    stop.set()
    total = await asyncio.wait_for(agg, 5)
    await asyncio.gather(*runs)
    say("total", total, sorted(totals.items()))


async def main():
    await events()
    await locks()
    await semaphores()
    await conditions()
    await queues()
    await pipeline()


asyncio.run(main())
