# asyncio tasks: the order steps interleave in, results and exceptions
# through await, every way of cancelling a task, current_task, names, the
# loop's own API (call_soon/call_later/stop/run_forever/run_until_complete),
# exception handlers and asyncio.run's cleanup. Sleeps that decide an order
# differ by seconds, so a slow host (sanitizers) prints the same.
import asyncio

log = []


def say(*args):
    print(*args)


# ---- 1. interleaving with sleep(0), results, exceptions ----------------------


async def worker(name, n):
    for i in range(n):
        say("worker", name, "step", i)
        await asyncio.sleep(0)
    return name * n


async def boom(kind, after):
    for _ in range(after):
        await asyncio.sleep(0)
    say("boom raises", kind.__name__)
    raise kind("from boom")


async def part1():
    say("== part1")
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2), name="bee")
    say("created", a.done(), b.get_name())
    say("direct await", await worker("c", 1))
    say("a result", await a, "b result", await b)
    say("done flags", a.done(), b.done(), a.cancelled(), a.result(), a.exception())
    t = asyncio.create_task(boom(ValueError, 2))
    try:
        await t
    except ValueError as e:
        say("caught", repr(e), t.done(), repr(t.exception()))
    try:
        t.result()
    except ValueError as e:
        say("result raises again", e)
    # awaiting a finished task again gives the same outcome
    say("again", await a)
    # a task that is not done: result() and exception() refuse
    p = asyncio.create_task(worker("p", 1))
    for probe in (p.result, p.exception):
        try:
            probe()
        except asyncio.InvalidStateError as e:
            say("InvalidStateError", e)
    await p
    # a return value passes through nested awaits
    async def outer():
        return [await worker("n", 1), await asyncio.sleep(0, "slept")]
    say("nested", await asyncio.create_task(outer()))
    # create_task wants a coroutine
    try:
        asyncio.create_task(42)
    except TypeError as e:
        say("TypeError", e)
    # ... or a generator, which yields None to wait one iteration
    def plain():
        say("generator task starts")
        yield
        say("generator task ends")
        return "gen"
    say("generator task", await asyncio.create_task(plain()))


# ---- 2. cancellation ---------------------------------------------------------


async def sleeper(name, delay, swallow=False):
    try:
        say(name, "sleeps")
        await asyncio.sleep(delay)
        say(name, "woke")
        return name
    except asyncio.CancelledError as e:
        say(name, "cancelled", e.args)
        if not swallow:
            raise
        return name + " swallowed"
    finally:
        say(name, "finally")


async def waits_on(name, other):
    try:
        r = await other
        say(name, "got", r)
    except asyncio.CancelledError:
        say(name, "cancelled while awaiting")
        raise


async def self_cancel():
    asyncio.current_task().cancel()
    say("self_cancel still runs")
    await asyncio.sleep(0)
    say("not reached")


async def part2():
    say("== part2")
    # before it ever runs: the coroutine never starts
    t = asyncio.create_task(sleeper("s1", 10))
    say("cancel", t.cancel(), "again", t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        say("s1 awaited: CancelledError", e.args, t.cancelled(), t.done())
    say("cancel done task", t.cancel())
    # while sleeping, with a message
    t = asyncio.create_task(sleeper("s2", 10))
    await asyncio.sleep(0)
    say("cancel with msg", t.cancel("stop now"))
    try:
        await t
    except asyncio.CancelledError as e:
        say("s2 awaited", e.args)
    # a task that swallows the cancellation finishes normally
    t = asyncio.create_task(sleeper("s3", 10, swallow=True))
    await asyncio.sleep(0)
    t.cancel()
    say("s3 result", await t, t.cancelled())
    # cancelling a task that awaits another task cancels the inner one too
    inner = asyncio.create_task(sleeper("inner", 10))
    outer = asyncio.create_task(waits_on("outer", inner))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    outer.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    say("inner", inner.cancelled(), "outer", outer.cancelled())
    # the inner task swallows it: the outer task goes on with the result
    inner = asyncio.create_task(sleeper("inner2", 10, swallow=True))
    outer = asyncio.create_task(waits_on("outer2", inner))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    outer.cancel()
    for _ in range(4):
        await asyncio.sleep(0)
    say("outer2 cancelled", outer.cancelled(), "done", outer.done())
    # a task cancelling itself ends cancelled at its next suspension
    t = asyncio.create_task(self_cancel())
    try:
        await t
    except asyncio.CancelledError:
        say("self_cancel cancelled", t.cancelled())
    # cancel() counts requests; uncancel() takes one back
    t = asyncio.create_task(sleeper("s4", 10))
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    say("cancelling", t.cancelling(), t.uncancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        say("s4 cancelled")
    # CancelledError is a BaseException: `except Exception` lets it through
    say("is BaseException", issubclass(asyncio.CancelledError, BaseException),
        issubclass(asyncio.CancelledError, Exception))

    async def catches_exception():
        try:
            await asyncio.sleep(10)
        except Exception:
            say("wrongly caught")
    t = asyncio.create_task(catches_exception())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        say("passed through except Exception")


# ---- 3. current_task, names, sleeps that end, the loop's API ------------------


async def named():
    me = asyncio.current_task()
    say("current task name", me.get_name())
    me.set_name("renamed")
    return me


async def part3():
    say("== part3")
    t = asyncio.create_task(named(), name="job")
    me = await t
    say("same task", me is t, t.get_name(), asyncio.current_task() is not t)
    say("all_tasks has main", asyncio.current_task() in asyncio.all_tasks())
    loop = asyncio.get_running_loop()
    say("loop", loop is asyncio.get_event_loop(), loop.is_running(), loop.is_closed())
    # call_soon runs in order, after the tasks already ready
    for i in range(3):
        loop.call_soon(say, "soon", i)
    h = loop.call_soon(say, "never")
    h.cancel()
    say("handle cancelled", h.cancelled())
    await asyncio.sleep(0)
    say("after soon")
    # timers: the earlier deadline runs first, whatever the order of calls
    # (call_at from one reading of the clock, so a slow host cannot reorder)
    fut = loop.create_future()
    now = loop.time()
    loop.call_at(now + 0.003, say, "at 3ms")
    loop.call_at(now + 0.001, say, "at 1ms")
    late = loop.call_later(10, say, "never late")
    loop.call_at(now + 0.005, fut.set_result, "future set")
    say("await future", await fut)
    late.cancel()
    # a real sleep lasts at least as long as asked
    t0 = loop.time()
    r = await asyncio.sleep(0.004, "sleep result")
    say("slept", r, loop.time() - t0 >= 0.003)
    # sleep(negative) is sleep(0)
    await asyncio.sleep(-1)
    # a future used by hand: callbacks run in the order added, one iteration later
    f = loop.create_future()
    f.add_done_callback(lambda fu: say("cb1", fu.result()))
    f.add_done_callback(lambda fu: say("cb2", fu.result()))
    cb3 = lambda fu: say("cb3 removed")
    f.add_done_callback(cb3)
    say("removed", f.remove_done_callback(cb3))
    f.set_result(7)
    say("set, callbacks pending", f.done())
    try:
        f.set_result(8)
    except asyncio.InvalidStateError:
        say("InvalidStateError on second set")
    await asyncio.sleep(0)
    f.add_done_callback(lambda fu: say("cb4 after done"))
    await asyncio.sleep(0)
    e = loop.create_future()
    e.set_exception(KeyError("k"))
    try:
        await e
    except KeyError as err:
        say("future exception", repr(err))
    c = loop.create_future()
    say("future cancel", c.cancel("why"), c.cancelled())
    try:
        c.result()
    except asyncio.CancelledError as err:
        say("future cancelled", err.args)


# ---- 4. run(): errors, cleanup, loops by hand ----------------------------------


async def lingering(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        say(name, "cancelled at shutdown")
        raise


async def main_leaves_tasks():
    asyncio.create_task(lingering("l1"))
    await asyncio.sleep(0)
    return "main result"


async def main_raises():
    asyncio.create_task(lingering("l3"))
    await asyncio.sleep(0)
    raise RuntimeError("main failed")


async def nested_run():
    coro = worker("x", 1)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        say("nested run:", e)
    coro.close()


def handler(loop, context):
    # (the message goes on with where the callback was defined)
    say("handler:", context["message"].split(" at ")[0], repr(context.get("exception")))


def divide_by_zero():
    return 1 / 0


async def unretrieved():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    say("handler set", loop.get_exception_handler() is handler)
    asyncio.create_task(boom(KeyError, 0))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    loop.call_soon(divide_by_zero)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    say("unretrieved done")


def part4():
    say("== part4")
    say(asyncio.run(main_leaves_tasks()))
    try:
        asyncio.run(main_raises())
    except RuntimeError as e:
        say("run raised", e)
    asyncio.run(nested_run())
    asyncio.run(unretrieved())
    try:
        asyncio.run(42)
    except ValueError as e:
        say("ValueError", e)
    try:
        asyncio.current_task()
    except RuntimeError as e:
        say("no loop:", e)
    try:
        asyncio.get_running_loop()
    except RuntimeError as e:
        say("no loop:", e)
    # a loop by hand: run_until_complete, stop from a task, run_forever again
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    say("same loop", asyncio.get_event_loop() is loop)

    async def stopper(n):
        for i in range(n):
            say("stopper", i)
            if i == 1 or i == 3:
                loop.stop()
            await asyncio.sleep(0)
        return n

    say("ruc", loop.run_until_complete(worker("r", 2)))
    t = loop.create_task(stopper(4))
    loop.run_forever()
    say("stopped, done:", t.done(), loop.is_running())
    loop.run_forever()
    say("stopped again, done:", t.done())
    say("ruc task", loop.run_until_complete(t), t.done())
    loop.call_soon(say, "callback before stop")
    loop.call_soon(loop.stop)
    loop.call_soon(say, "callback in the same iteration")
    loop.run_forever()
    try:
        loop.run_until_complete(boom(IndexError, 1))
    except IndexError as e:
        say("ruc raised", repr(e))
    loop.close()
    say("closed", loop.is_closed())
    try:
        loop.call_soon(say, "x")
    except RuntimeError as e:
        say("closed loop:", e)
    asyncio.set_event_loop(None)


asyncio.run(part1())
asyncio.run(part2())
asyncio.run(part3())
part4()
