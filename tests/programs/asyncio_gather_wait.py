# asyncio's combinators: gather (results in order, return_exceptions, the
# first failure, cancelling it and its children, duplicates, futures),
# wait_for (in time, timeouts, None, <= 0, a task that refuses to stop,
# cancelling the waiter), shield, wait (the three return_when), as_completed
# and ensure_future. What decides an order is sleep(0) steps or a timeout
# against a sleep seconds long, so a slow host prints the same.
import asyncio


def say(*args):
    print(*args)


async def value(name, steps, result=None):
    say("start", name)
    for _ in range(steps):
        await asyncio.sleep(0)
    say("end", name)
    return name if result is None else result


async def fail(name, steps, exc=ValueError):
    say("start", name)
    for _ in range(steps):
        await asyncio.sleep(0)
    say("raise", name)
    raise exc(name)


async def forever(name):
    try:
        say("start", name)
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        say("cancelled", name)
        raise


async def stubborn(name, steps):
    # refuses one cancellation, then finishes after more steps
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        say(name, "ignores cancel")
    for _ in range(steps):
        await asyncio.sleep(0)
    say(name, "finishes")
    return name + " done"


async def gathers():
    say("== gather")
    say(await asyncio.gather(value("a", 2), value("b", 0), value("c", 1)))
    say(await asyncio.gather())
    # results keep the argument order; a duplicate runs once
    t = asyncio.create_task(value("dup", 1, 5))
    say(await asyncio.gather(t, value("x", 0), t))
    # return_exceptions puts exceptions (and cancellations) in the list
    ts = [asyncio.create_task(value("ok", 2)), asyncio.create_task(fail("bad", 1)),
          asyncio.create_task(forever("gone"))]
    await asyncio.sleep(0)
    ts[2].cancel("no")
    res = await asyncio.gather(*ts, return_exceptions=True)
    say([type(r).__name__ for r in res], res[1].args, res[2].args)
    # without it the first exception propagates at once; the others go on
    ts = [asyncio.create_task(fail("bad1", 1, KeyError)), asyncio.create_task(value("slow", 4)),
          asyncio.create_task(fail("bad2", 2))]
    try:
        await asyncio.gather(*ts)
    except KeyError as e:
        say("gather raised", repr(e), [t.done() for t in ts])
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    say("later", [t.done() for t in ts], repr(ts[2].exception()))
    # a cancelled child (without return_exceptions) makes gather raise CancelledError
    ts = [asyncio.create_task(forever("c1")), asyncio.create_task(value("v1", 3))]
    g = asyncio.gather(*ts)
    await asyncio.sleep(0)
    ts[0].cancel()
    try:
        await g
    except asyncio.CancelledError:
        say("gather got CancelledError; v1 done:", ts[1].done())
    await ts[1]
    # cancelling the gather cancels every child still running
    g = asyncio.gather(forever("g1"), forever("g2"), value("g3", 0))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    say("gather cancel", g.cancel(), g.cancel() if g.done() else "pending")
    try:
        await g
    except asyncio.CancelledError:
        say("gather cancelled", g.cancelled())
    say("cancel finished gather", g.cancel())
    # a gather awaited by a task that is cancelled
    async def gathering():
        try:
            await asyncio.gather(forever("h1"), forever("h2"))
        except asyncio.CancelledError:
            say("gathering task cancelled")
            raise
    t = asyncio.create_task(gathering())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        say("task cancelled", t.cancelled())
    # futures set by callbacks, and a mix with coroutines
    loop = asyncio.get_running_loop()
    f1, f2 = loop.create_future(), loop.create_future()
    loop.call_soon(f2.set_result, "f2")
    loop.call_soon(f1.set_result, "f1")
    say(await asyncio.gather(f1, value("mix", 1), f2))


async def waits_for():
    say("== wait_for")
    say(await asyncio.wait_for(value("quick", 2), 10))
    try:
        await asyncio.wait_for(forever("slow"), 0.002)
    except asyncio.TimeoutError as e:
        say("timeout", type(e).__name__, asyncio.TimeoutError is TimeoutError)
    say(await asyncio.wait_for(value("none", 1), None))
    # timeout <= 0: a finished future's result, else cancel and time out
    done_future = asyncio.get_running_loop().create_future()
    done_future.set_result("ready")
    say(await asyncio.wait_for(done_future, 0))
    try:
        await asyncio.wait_for(value("zero", 1), 0)
    except TimeoutError:
        say("timeout at 0")
    # an exception from the awaited coroutine comes through
    try:
        await asyncio.wait_for(fail("inner", 1), 10)
    except ValueError as e:
        say("inner raised", e)
    # the task swallows the cancellation: wait_for returns its result late
    say("stubborn:", await asyncio.wait_for(stubborn("st", 2), 0.002))
    # a task cancelled by someone else: the waiter sees CancelledError
    t = asyncio.create_task(forever("victim"))

    async def canceller():
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        say("canceller cancels")
        t.cancel()
    c = asyncio.create_task(canceller())
    try:
        await asyncio.wait_for(t, 10)
    except asyncio.CancelledError:
        say("wait_for saw CancelledError", t.cancelled())
    await c
    # the waiting task is cancelled: the inner task is cancelled too
    async def waiter():
        try:
            await asyncio.wait_for(forever("inner2"), 10)
        except asyncio.CancelledError:
            say("waiter cancelled")
            raise
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        say("waiter done", w.cancelled())
    # wait_for_ms (MicroPython) where it exists, with the same meaning
    wait_for_ms = getattr(asyncio, "wait_for_ms", None)
    if wait_for_ms is None:
        def wait_for_ms(aw, ms):
            return asyncio.wait_for(aw, ms / 1000)
    try:
        await wait_for_ms(forever("ms"), 2)
    except asyncio.TimeoutError:
        say("wait_for_ms timeout")
    say(await wait_for_ms(value("ms2", 1), 10000))


async def timeouts():
    say("== timeout")
    cm = asyncio.timeout(10)
    say(repr(cm))
    async with cm:
        say(await value("in time", 1))
    say("expired", cm.expired(), repr(cm))
    cm = asyncio.timeout(0.002)
    try:
        async with cm:
            await forever("too slow")
            say("not reached")
    except TimeoutError:
        say("TimeoutError; expired", cm.expired(), repr(cm))
    # no deadline, then one in the past: it expires at the next suspension
    try:
        async with asyncio.timeout(None) as cm:
            say("when", cm.when())
            await value("before", 1)
            cm.reschedule(asyncio.get_running_loop().time() - 1)
            await forever("rescheduled")
    except TimeoutError:
        say("rescheduled timeout")
    # the inner deadline passes first: the outer one is not expired
    async with asyncio.timeout(10) as outer:
        try:
            async with asyncio.timeout(0) as inner:
                await forever("nested")
        except TimeoutError:
            say("inner expired", inner.expired(), "outer", outer.expired())
    # a block that swallows the cancellation ends normally
    async with asyncio.timeout(0.001) as cm:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            say("block swallowed the cancel")
    say("after swallowing: expired", cm.expired(), asyncio.current_task().cancelling())
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        say("RuntimeError", e)
    # timeout_at with the loop's clock; another task's result inside
    loop = asyncio.get_running_loop()
    async with asyncio.timeout_at(loop.time() + 10):
        t = asyncio.create_task(value("inside", 2))
        say(await t)


async def shields():
    say("== shield")
    inner = asyncio.create_task(value("shielded", 3))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        say("outer cancelled; inner cancelled:", inner.cancelled())
    say("inner result", await inner)
    say("shield of done", await asyncio.shield(inner))
    # shield inside a task being cancelled
    inner = asyncio.create_task(value("sh2", 2))

    async def protect():
        try:
            return await asyncio.shield(inner)
        except asyncio.CancelledError:
            say("protect cancelled")
            raise
    p = asyncio.create_task(protect())
    await asyncio.sleep(0)
    p.cancel()
    await asyncio.sleep(0)
    say("inner still running:", not inner.done(), "result", await inner)


async def waits():
    say("== wait")
    ts = [asyncio.create_task(value("w%d" % i, i)) for i in range(3)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    say("first", sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(ts)
    say("all", sorted(t.result() for t in done), len(pending))
    ts = [asyncio.create_task(value("e0", 3)), asyncio.create_task(fail("e1", 1)),
          asyncio.create_task(value("e2", 0))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    say("first exception", len(done), len(pending), [t in done for t in ts])
    if pending:
        await asyncio.wait(pending)
    say(repr(ts[1].exception()))
    # all done already: wait still lets other tasks run one iteration
    ready = [asyncio.create_task(value("r0", 0))]
    await asyncio.sleep(0)
    other = asyncio.create_task(value("other", 0))
    done, pending = await asyncio.wait(ready)
    say("all done", len(done), "other ran:", other.done())
    t = asyncio.create_task(forever("wt"))
    done, pending = await asyncio.wait([t], timeout=0.002)
    say("timeout", len(done), len(pending) and t in pending)
    t.cancel()
    for bad in ([], [value("coro", 0)]):
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            say(type(e).__name__, e)
            for b in bad:
                b.close()
    say("== as_completed")
    ts = [asyncio.create_task(value("ac%d" % i, 3 - i)) for i in range(3)]
    for aw in asyncio.as_completed(ts):
        say("as_completed", await aw)
    say("== ensure_future")
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    say(asyncio.ensure_future(f) is f, asyncio.isfuture(f), asyncio.iscoroutine(f))
    c = value("ef", 0)
    say(asyncio.iscoroutine(c))
    t = asyncio.ensure_future(c)
    say(type(t).__name__, await t)

    class Awaitable:
        def __await__(self):
            yield from asyncio.sleep(0).__await__()
            return "awaitable result"
    say(await asyncio.ensure_future(Awaitable()))
    try:
        asyncio.ensure_future(3)
    except TypeError as e:
        say("TypeError", e)
    f.cancel()


asyncio.run(gathers())
asyncio.run(waits_for())
asyncio.run(timeouts())
asyncio.run(shields())
asyncio.run(waits())
