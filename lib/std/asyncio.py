"""asyncio for P4JIT: an event loop of callbacks and timers, futures, tasks
that drive coroutines, gather/wait_for/timeout/shield/wait, and the primitives
Event, Lock, Semaphore, Condition and Queue.

The scheduling follows CPython 3.11's model step for step, because programs
print their interleavings and CPython is the oracle:
- the loop runs in iterations; each runs the callbacks that were ready when
  it began (a callback scheduled meanwhile waits for the next one), after
  first moving the timers that are due to the end of the ready list;
- a future's done-callbacks are never run inline: finishing a future
  schedules them, in the order they were added;
- a task is a callback that sends into (or throws into) its coroutine once;
  what the coroutine yields decides how it resumes: a future makes the task
  a done-callback of that future, a bare `yield` (sleep(0)) reschedules it
  for the next iteration;
- cancelling a task cancels the future it waits on, or marks it so that its
  next step throws CancelledError into the coroutine.

Time is kept in integer microseconds of time.monotonic_ns(), so that timers
compare exactly although floats are binary32 here; loop.time() gives seconds
since the loop was made. An idle loop waits with time.sleep_us, which the
firmware (p4sim, QEMU) spends on the simulated cycle counter.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
Deviations from CPython: docs/language.md.
"""

import sys as _sys
import time as _time
from heapq import heappush as _heappush, heappop as _heappop

__all__ = [
    "CancelledError", "InvalidStateError", "TimeoutError", "QueueEmpty", "QueueFull",
    "Handle", "TimerHandle", "AbstractEventLoop", "Loop", "Future", "Task",
    "new_event_loop", "get_event_loop", "set_event_loop", "get_running_loop",
    "run", "sleep", "sleep_ms", "create_task", "ensure_future", "current_task", "all_tasks",
    "gather", "wait_for", "wait_for_ms", "timeout", "timeout_at", "Timeout", "shield", "wait",
    "as_completed", "iscoroutine", "isfuture",
    "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED",
    "Event", "Lock", "Semaphore", "BoundedSemaphore", "Condition",
    "Queue", "LifoQueue", "PriorityQueue",
]


class CancelledError(BaseException):
    """The task or future was cancelled."""


class InvalidStateError(Exception):
    """A future's result was asked for before it was set, or set twice."""


# Since 3.11 asyncio's TimeoutError is the built-in one.
TimeoutError = TimeoutError


class QueueEmpty(Exception):
    """get_nowait() on an empty Queue."""


class QueueFull(Exception):
    """put_nowait() on a full Queue."""


FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


def _now_us():
    return _time.monotonic_ns() // 1000


def _seconds_to_us(seconds):
    # round, not truncate: 0.01 is 0.0099999998 in binary32
    return int(round(seconds * 1000000))


def _type_name(obj):
    return type(obj).__name__


def iscoroutine(obj):
    """Is obj a coroutine object (what an `async def` returns) or a
    generator (which CPython's tasks drive too)?"""
    name = _type_name(obj)
    return name == "coroutine" or name == "generator"


def isfuture(obj):
    """Is obj a Future (or Task), by asyncio's duck-typing mark?"""
    return getattr(obj, "_asyncio_future_blocking", None) is not None


def _callable_name(fn):
    name = getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None)
    return name if name else repr(fn)


# ---- handles ---------------------------------------------------------------


class Handle:
    """A callback with its arguments, scheduled on a loop; cancel() stops it."""

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def __repr__(self):
        parts = [type(self).__name__]
        if self._cancelled:
            parts.append("cancelled")
        else:
            parts.append(_callable_name(self._callback) + "(" + ", ".join(repr(a) for a in self._args) + ")")
        return "<" + " ".join(parts) + ">"

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def get_context(self):
        return None

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": "Exception in callback " + _callable_name(self._callback) + "()",
                "exception": exc,
                "handle": self,
            })


class TimerHandle(Handle):
    """A Handle due at a time: _when_us on the loop's microsecond clock."""

    def __init__(self, when_us, callback, args, loop, context=None):
        Handle.__init__(self, callback, args, loop)
        self._when_us = when_us

    def when(self):
        return (self._when_us - self._loop._epoch_us) / 1000000

    def __repr__(self):
        text = Handle.__repr__(self)
        return text[:12] + " when=" + repr(self.when()) + text[12:]


# ---- the running loop and the current loop ----------------------------------

_running_loop = None
_current_loop = None
# set_event_loop() was called: get_event_loop() no longer makes a loop
# (CPython's policy; so after asyncio.run() it raises).
_current_loop_set = False


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError("no running event loop")
    return _running_loop


def _get_running_loop():
    return _running_loop


def get_event_loop():
    """The running loop, else the current one (made at the first call)."""
    global _current_loop
    if _running_loop is not None:
        return _running_loop
    if _current_loop is None:
        if _current_loop_set:
            raise RuntimeError("There is no current event loop in thread 'MainThread'.")
        set_event_loop(new_event_loop())
    return _current_loop


def set_event_loop(loop):
    global _current_loop, _current_loop_set
    if loop is not None and not isinstance(loop, Loop):
        raise TypeError("loop must be an instance of AbstractEventLoop or None, not '%s'" % _type_name(loop))
    _current_loop = loop
    _current_loop_set = True


def new_event_loop():
    return Loop()


def _stop_when_done(fut):
    # run_until_complete's callback; a SystemExit or KeyboardInterrupt has
    # already left run_forever.
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut._loop.stop()


class Loop:
    """The event loop: ready callbacks, a heap of timers, the current task."""

    def __init__(self):
        self._ready = []
        self._timers = []       # heap of (when_us, sequence number, TimerHandle)
        self._timer_seq = 0
        self._epoch_us = _now_us()
        self._stopping = False
        self._running = False
        self._closed = False
        self._exception_handler = None
        self._debug = False
        self._current_task = None
        self._tasks = {}        # the tasks not done yet, in creation order

    def __repr__(self):
        return "<%s running=%s closed=%s debug=%s>" % (_type_name(self), self._running, self._closed, self._debug)

    # -- scheduling

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def call_soon(self, callback, *args, context=None):
        if self._closed:
            raise RuntimeError("Event loop is closed")
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        return self.call_soon(callback, *args)

    def _call_at_us(self, when_us, callback, args):
        self._check_closed()
        handle = TimerHandle(when_us, callback, args, self)
        self._timer_seq += 1
        _heappush(self._timers, (when_us, self._timer_seq, handle))
        return handle

    def call_later(self, delay, callback, *args, context=None):
        return self._call_at_us(_now_us() + _seconds_to_us(delay), callback, args)

    def call_at(self, when, callback, *args, context=None):
        return self._call_at_us(self._epoch_us + _seconds_to_us(when), callback, args)

    def time(self):
        return (_now_us() - self._epoch_us) / 1000000

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        return Task(coro, loop=self, name=name)

    # -- running

    def _run_once(self):
        timers = self._timers
        while timers and timers[0][2]._cancelled:
            _heappop(timers)
        if not self._ready and not self._stopping:
            if not timers:
                raise RuntimeError("event loop idle: no callback is ready and no timer is set")
            wait_us = timers[0][0] - _now_us()
            if wait_us > 0:
                _time.sleep_us(wait_us)
        now = _now_us()
        ready = self._ready
        while timers and timers[0][0] <= now:
            handle = _heappop(timers)[2]
            if not handle._cancelled:
                ready.append(handle)
        # what the callbacks schedule runs in the next iteration
        self._ready = []
        count = len(ready)
        i = 0
        try:
            while i < count:
                handle = ready[i]
                i += 1
                if not handle._cancelled:
                    handle._run()
        except BaseException:
            self._ready = ready[i:] + self._ready
            raise

    def _check_running(self):
        if self._running:
            raise RuntimeError("This event loop is already running")
        if _running_loop is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def run_forever(self):
        global _running_loop
        self._check_closed()
        self._check_running()
        self._running = True
        _running_loop = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _running_loop = None

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        made_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_stop_when_done)
        try:
            self.run_forever()
        except BaseException:
            if made_task and future.done() and not future.cancelled():
                future.exception()  # the caller sees it: no "never retrieved"
            raise
        finally:
            future.remove_done_callback(_stop_when_done)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def stop(self):
        self._stopping = True

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready = []
        self._timers = []

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self):
        pass

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = bool(enabled)

    # -- errors

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError("A callable object or None is expected, got %r" % (handler,))
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Writes the context to stderr: the message, the other entries, and
        the exception's traceback."""
        err = _sys.stderr
        message = context.get("message") or "Unhandled exception in event loop"
        err.write(message + "\n")
        for key in sorted(context):
            if key not in ("message", "exception"):
                err.write("%s: %r\n" % (key, context[key]))
        exc = context.get("exception")
        if exc is not None:
            if hasattr(_sys, "print_exception"):
                _sys.print_exception(exc, err)
            else:
                err.write(repr(exc) + "\n")

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass
            return
        try:
            self._exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({
                    "message": "Unhandled error in exception handler",
                    "exception": exc,
                    "context": context,
                })
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass


AbstractEventLoop = Loop


# ---- futures ---------------------------------------------------------------


class Future:
    """A result that arrives later: awaiting it suspends the task until
    set_result, set_exception or cancel; its done-callbacks are scheduled on
    the loop, never called inline."""

    # Task._step's test: not None marks a future; True while a task waits
    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = get_event_loop() if loop is None else loop
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None
        self._cancelled_exc = None
        self._unretrieved = False  # an exception nobody has looked at yet

    def __repr__(self):
        return "<%s %s>" % (_type_name(self), self._state_text())

    def _state_text(self):
        if self._state == _CANCELLED:
            return "cancelled"
        if self._state == _PENDING:
            return "pending"
        if self._exception is not None:
            return "finished exception=%r" % (self._exception,)
        return "finished result=%r" % (self._result,)

    def get_loop(self):
        return self._loop

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def _make_cancelled_error(self):
        # The CancelledError a task's coroutine ended with is re-raised as it
        # was (once); otherwise a new one carries the cancel message.
        exc = self._cancelled_exc
        if exc is not None:
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not set.")
        self._unretrieved = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        self._unretrieved = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks = kept
        return removed

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        self._callbacks = []
        for fn in callbacks:
            self._loop.call_soon(fn, self)

    def _finish(self, result):
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def _fail(self, exc):
        self._exception = exc
        self._state = _FINISHED
        self._schedule_callbacks()
        self._unretrieved = True

    def _cancel(self, msg=None):
        self._unretrieved = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def cancel(self, msg=None):
        return self._cancel(msg)

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError("%s: %r" % (self._state, self))
        self._finish(result)

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError("%s: %r" % (self._state, self))
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._fail(exception)

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self  # the task waits for this future
            if self._state == _PENDING:
                raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


# ---- tasks -----------------------------------------------------------------

_task_count = 0


class Task(Future):
    """Runs a coroutine on the loop, one step per callback, and holds its
    outcome as a Future."""

    def __init__(self, coro, *, loop=None, name=None, context=None):
        global _task_count
        Future.__init__(self, loop=loop)
        if not iscoroutine(coro):
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        _task_count += 1
        self._name = "Task-%d" % _task_count if name is None else str(name)
        self._coro = coro
        self._fut_waiter = None      # the future this task waits on
        self._must_cancel = False    # throw CancelledError at the next step
        self._num_cancels_requested = 0
        self._loop.call_soon(self._step)
        self._loop._tasks[self] = None

    def __repr__(self):
        text = "<Task %s name=%r coro=%r" % (self._state_text().split(" ")[0], self._name, self._coro)
        if self._state == _FINISHED:
            text += " " + self._state_text()[9:]
        elif self._fut_waiter is not None:
            text += " wait_for=%r" % (self._fut_waiter,)
        return text + ">"

    def get_coro(self):
        return self._coro

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def cancel(self, msg=None):
        """Asks the coroutine to stop: cancels what it awaits, or throws
        CancelledError into it at its next step. It may refuse."""
        self._unretrieved = False
        if self._state != _PENDING:
            return False
        self._num_cancels_requested += 1
        waiter = self._fut_waiter
        if waiter is not None and waiter.cancel(msg):
            return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self._state != _PENDING:
            raise InvalidStateError("_step(): already done: %r, %r" % (self, exc))
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        if loop._current_task is not None:
            raise RuntimeError("Cannot enter into task %r while another task %r is being executed."
                               % (self, loop._current_task))
        loop._current_task = self
        try:
            if exc is None:
                yielded = self._coro.send(None)
            else:
                yielded = self._coro.throw(exc)
        except StopIteration as stop:
            self._end()
            if self._must_cancel:  # cancel() was called by the coroutine itself
                self._must_cancel = False
                self._cancel(self._cancel_message)
            else:
                self._finish(stop.value)
        except CancelledError as cancelled:
            self._end()
            self._cancelled_exc = cancelled
            self._cancel()
        except (KeyboardInterrupt, SystemExit) as fatal:
            self._end()
            self._fail(fatal)
            raise
        except BaseException as error:
            self._end()
            watched = bool(self._callbacks)
            self._fail(error)
            if not watched:
                self._loop.call_soon(_report_if_unretrieved, self)
        else:
            self._suspend_on(yielded)
        finally:
            loop._current_task = None

    def _end(self):
        self._loop._tasks.pop(self, None)

    def _suspend_on(self, yielded):
        blocking = getattr(yielded, "_asyncio_future_blocking", None)
        if blocking is not None:
            if yielded._loop is not self._loop:
                problem = "Task %r got Future %r attached to a different loop" % (self, yielded)
            elif not blocking:
                problem = "yield was used instead of yield from in task %r with %r" % (self, yielded)
            elif yielded is self:
                problem = "Task cannot await on itself: %r" % (self,)
            else:
                yielded._asyncio_future_blocking = False
                yielded.add_done_callback(self._wakeup)
                self._fut_waiter = yielded
                if self._must_cancel and yielded.cancel(self._cancel_message):
                    self._must_cancel = False
                return
        elif yielded is None:
            # a bare yield (sleep(0)): run again in the next iteration
            self._loop.call_soon(self._step)
            return
        else:
            problem = "Task got bad yield: %r" % (yielded,)
        self._loop.call_soon(self._step, RuntimeError(problem))

    def _wakeup(self, fut):
        try:
            fut.result()
        except BaseException as exc:
            error = exc
        else:
            error = None
        self._step(error)


def _report_if_unretrieved(fut):
    # CPython reports an exception nobody retrieved when the future is
    # garbage-collected. Without reference counts, a task that ended with
    # an exception while nothing waited on it (no done-callback) is
    # reported one iteration later, unless someone retrieved it meanwhile.
    if fut._unretrieved:
        fut._unretrieved = False
        fut._loop.call_exception_handler({
            "message": "Task exception was never retrieved",
            "exception": fut._exception,
            "future": fut,
        })


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return loop._current_task


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return set(t for t in loop._tasks if not t.done())


def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name)


async def _await_awaitable(awaitable):
    return await awaitable


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future._loop:
            raise ValueError("The future belongs to a different loop than the one specified as the loop argument")
        return coro_or_future
    if not iscoroutine(coro_or_future):
        if not hasattr(coro_or_future, "__await__"):
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
        coro_or_future = _await_awaitable(coro_or_future)
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


# ---- sleeping ---------------------------------------------------------------


def _yield_once():
    # a bare yield: the task steps again in the next loop iteration
    yield


async def _sleep_us(delay_us, result):
    loop = get_running_loop()
    fut = loop.create_future()
    timer = loop._call_at_us(_now_us() + delay_us, _set_result_unless_cancelled, (fut, result))
    try:
        return await fut
    finally:
        timer.cancel()


async def sleep(delay, result=None):
    if delay <= 0:
        await _yield_once()
        return result
    return await _sleep_us(_seconds_to_us(delay), result)


async def sleep_ms(ms, result=None):
    """MicroPython's sleep in integer milliseconds."""
    if ms <= 0:
        await _yield_once()
        return result
    return await _sleep_us(int(ms) * 1000, result)


# ---- run ------------------------------------------------------------------


async def _nothing():
    pass


def _cancel_all_tasks(loop):
    left = [t for t in loop._tasks if not t.done()]
    if not left:
        return
    for t in left:
        t.cancel()
    loop.run_until_complete(gather(*left, return_exceptions=True))
    for t in left:
        if not t.cancelled() and t.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": t.exception(),
                "task": t,
            })


def run(main, *, debug=None):
    """Runs the coroutine main on a new loop, then cancels the tasks left
    and closes the loop; returns main's result or raises its exception."""
    if _running_loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    loop = new_event_loop()
    set_event_loop(loop)
    try:
        if not iscoroutine(main):
            raise ValueError("a coroutine was expected, got %r" % (main,))
        if debug is not None:
            loop.set_debug(debug)
        return loop.run_until_complete(loop.create_task(main))
    finally:
        try:
            _cancel_all_tasks(loop)
            # where CPython shuts down async generators and the executor:
            # two more runs of the loop, which the tasks left can see
            loop.run_until_complete(_nothing())
            loop.run_until_complete(_nothing())
        finally:
            set_event_loop(None)
            loop.close()


# ---- combinators ---------------------------------------------------------------


class _GatheringFuture(Future):
    """gather()'s result: cancelling it cancels the children."""

    def __init__(self, children, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        any_cancelled = False
        for child in self._children:
            if child.cancel(msg):
                any_cancelled = True
        if any_cancelled:
            self._cancel_requested = True
        return any_cancelled


def gather(*aws, return_exceptions=False):
    """A future for the list of results of aws (coroutines become tasks).
    Without return_exceptions the first exception (or cancellation) of a
    child becomes the outer future's."""
    if not aws:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    children = []
    by_arg = {}
    loop = None
    outer = None
    finished = 0

    def child_done(child):
        nonlocal finished
        finished += 1
        if outer is None or outer.done():
            if not child.cancelled():
                child.exception()  # retrieved: it has nowhere to go
            return
        if not return_exceptions:
            if child.cancelled():
                outer.set_exception(child._make_cancelled_error())
                return
            exc = child.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if finished == len(by_arg):
            results = []
            for c in children:
                if c.cancelled():
                    results.append(CancelledError("" if c._cancel_message is None else c._cancel_message))
                else:
                    exc = c.exception()
                    results.append(c.result() if exc is None else exc)
            if outer._cancel_requested:
                outer.set_exception(child._make_cancelled_error())
            else:
                outer.set_result(results)

    for arg in aws:
        fut = by_arg.get(arg)
        if fut is None:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut._loop
            by_arg[arg] = fut
            fut.add_done_callback(child_done)
        children.append(fut)
    outer = _GatheringFuture(children, loop)
    return outer


def _wake_waiter(waiter, *ignored):
    if not waiter.done():
        waiter.set_result(None)


class _WakeOnDone:
    """A done-callback that wakes a waiter future (one object, so that
    remove_done_callback finds it)."""

    def __init__(self, waiter):
        self.waiter = waiter

    def __call__(self, fut):
        _wake_waiter(self.waiter)


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()
    wake = _WakeOnDone(waiter)
    fut.add_done_callback(wake)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(wake)


async def wait_for(aw, timeout):
    """aw's result, or TimeoutError (after cancelling it) when it takes more
    than timeout seconds; None waits for ever."""
    loop = get_running_loop()
    if timeout is None:
        return await aw
    if timeout <= 0:
        fut = ensure_future(aw, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    return await _wait_for_us(aw, _seconds_to_us(timeout), loop)


async def _wait_for_us(aw, timeout_us, loop):
    waiter = loop.create_future()
    timer = loop._call_at_us(_now_us() + timeout_us, _wake_waiter, (waiter,))
    wake = _WakeOnDone(waiter)
    fut = ensure_future(aw, loop=loop)
    fut.add_done_callback(wake)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(wake)
            await _cancel_and_wait(fut, loop)  # it must not run after we return
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(wake)
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timer.cancel()


async def wait_for_ms(aw, timeout_ms):
    """MicroPython's wait_for with the timeout in integer milliseconds."""
    if timeout_ms is None or timeout_ms <= 0:
        return await wait_for(aw, timeout_ms)
    return await _wait_for_us(aw, int(timeout_ms) * 1000, get_running_loop())


class Timeout:
    """timeout()'s async context manager: when the deadline passes, the
    task is cancelled, and the CancelledError leaving the block becomes
    TimeoutError (unless the task was also cancelled by someone else)."""

    def __init__(self, when_us):
        self._state = "created"
        self._when_us = when_us
        self._timer = None
        self._task = None

    def __repr__(self):
        extra = ""
        if self._state == "active":
            when = self.when()
            extra = " when=%r" % (None if when is None else round(when, 3),)
        return "<Timeout [%s]%s>" % (self._state, extra)

    def when(self):
        if self._when_us is None:
            return None
        return (self._when_us - get_running_loop()._epoch_us) / 1000000

    def expired(self):
        return self._state == "expiring" or self._state == "expired"

    def reschedule(self, when):
        if self._state != "active":
            raise RuntimeError("Cannot change state of %s Timeout" % self._state)
        loop = get_running_loop()
        self._set_deadline(loop, None if when is None else loop._epoch_us + _seconds_to_us(when))

    def _set_deadline(self, loop, when_us):
        self._when_us = when_us
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if when_us is not None:
            if when_us <= _now_us():
                self._timer = loop.call_soon(self._expire)
            else:
                self._timer = loop._call_at_us(when_us, self._expire, ())

    def _expire(self):
        self._task.cancel()
        self._state = "expiring"
        self._timer = None

    async def __aenter__(self):
        self._state = "active"
        self._task = current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._set_deadline(get_running_loop(), self._when_us)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._state == "expiring":
            self._state = "expired"
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                raise TimeoutError
        elif self._state == "active":
            self._state = "finished"
        return None


def timeout(delay):
    """An async context manager that cancels the block after delay seconds
    (None: never) and raises TimeoutError instead."""
    return Timeout(None if delay is None else _now_us() + _seconds_to_us(delay))


def timeout_at(when):
    """timeout() with a deadline in loop.time() seconds."""
    if when is None:
        return Timeout(None)
    return Timeout(get_running_loop()._epoch_us + _seconds_to_us(when))


def shield(aw):
    """A future for aw that cancelling does not pass on to aw."""
    inner = ensure_future(aw)
    if inner.done():
        return inner
    loop = inner._loop
    outer = loop.create_future()

    def inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures or tasks fs; returns (done, pending) sets."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect a list of futures, not %s" % _type_name(fs))
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return_when value: %s" % (return_when,))
    loop = get_running_loop()
    fs = set(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    fs = set(ensure_future(f, loop=loop) for f in fs)
    # even when all are done already, the caller waits one iteration (the
    # callbacks below are scheduled), as in CPython
    waiter = loop.create_future()
    timer = None if timeout is None else loop.call_later(timeout, _wake_waiter, waiter)
    left = len(fs)

    def one_done(f):
        nonlocal left
        left -= 1
        if left <= 0 or return_when == FIRST_COMPLETED or (
                return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None):
            if timer is not None:
                timer.cancel()
            _wake_waiter(waiter)

    for f in fs:
        f.add_done_callback(one_done)
    try:
        await waiter
    finally:
        if timer is not None:
            timer.cancel()
        for f in fs:
            f.remove_done_callback(one_done)
    done = set(f for f in fs if f.done())
    return done, fs - done


def as_completed(fs, *, timeout=None):
    """An iterator of awaitables that give the results of fs in the order
    they finish; TimeoutError after timeout seconds."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect an iterable of futures, not %s" % _type_name(fs))
    loop = get_event_loop()
    todo = set(ensure_future(f, loop=loop) for f in set(fs))
    finished = Queue()
    timer = None

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_done)
            finished.put_nowait(None)
        todo.clear()

    def on_done(f):
        if not todo:
            return
        todo.remove(f)
        finished.put_nowait(f)
        if not todo and timer is not None:
            timer.cancel()

    async def next_one():
        f = await finished.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_done)
    if todo and timeout is not None:
        timer = loop.call_later(timeout, on_timeout)
    return iter([next_one() for _ in range(len(todo))])


# ---- synchronisation -----------------------------------------------------------


class _LoopBound:
    _loop = None

    def _get_loop(self):
        loop = get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError("%r is bound to a different event loop" % (self,))
        return loop

    def _repr_extra(self, text):
        waiters = getattr(self, "_waiters", None)
        if waiters:
            text += ", waiters:%d" % len(waiters)
        return "<%s object [%s]>" % (_type_name(self), text)


class _AsyncWith:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Event(_LoopBound):
    """A flag tasks can wait for: set() wakes every waiter."""

    def __init__(self):
        self._waiters = []
        self._value = False

    def __repr__(self):
        return self._repr_extra("set" if self._value else "unset")

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Lock(_AsyncWith, _LoopBound):
    """A mutual-exclusion lock, granted to waiters in the order they came."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        return self._repr_extra("locked" if self._locked else "unlocked")

    def locked(self):
        return self._locked

    async def acquire(self):
        waiters = self._waiters
        if not self._locked and (waiters is None or all(w.cancelled() for w in waiters)):
            self._locked = True
            return True
        if waiters is None:
            waiters = self._waiters = []
        fut = self._get_loop().create_future()
        waiters.append(fut)
        try:
            try:
                await fut
            finally:
                waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()  # pass the turn on
            raise
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock is not acquired.")
        self._locked = False
        self._wake_up_first()

    def _wake_up_first(self):
        if self._waiters:
            fut = self._waiters[0]
            if not fut.done():
                fut.set_result(True)


class Condition(_AsyncWith, _LoopBound):
    """wait() releases the lock until notify(), then takes it again."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __repr__(self):
        return self._repr_extra("locked" if self.locked() else "unlocked")

    async def wait(self):
        if not self.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                break
            if not fut.done():
                woken += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_AsyncWith, _LoopBound):
    """A counter of permits: acquire() waits while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        if self.locked():
            return self._repr_extra("locked")
        return self._repr_extra("unlocked, value:%d" % self._value)

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = []
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its start value."""

    def __init__(self, value=1):
        self._bound_value = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        Semaphore.release(self)


# ---- queues ---------------------------------------------------------------


class Queue(_LoopBound):
    """A first-in first-out queue between tasks; maxsize 0 is unbounded."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    # the storage, which LifoQueue and PriorityQueue replace
    def _init(self, maxsize):
        self._items = []
        self._head = 0

    def _put(self, item):
        self._items.append(item)

    def _get(self):
        item = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        if self._head > 16 and self._head * 2 > len(self._items):
            del self._items[:self._head]
            self._head = 0
        return item

    def _size(self):
        return len(self._items) - self._head

    def __repr__(self):
        return "<%s maxsize=%r>" % (_type_name(self), self._maxsize)

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return self._size()

    def empty(self):
        return self._size() == 0

    def full(self):
        return self._maxsize > 0 and self._size() >= self._maxsize

    @staticmethod
    def _wake_next(waiters):
        while waiters:
            fut = waiters.pop(0)
            if not fut.done():
                fut.set_result(None)
                break

    async def _wait_in_line(self, blocked, waiters):
        """Waits in waiters' line (putters or getters) until blocked() (full,
        or empty) is false. A waiter woken and then cancelled passes its turn
        to the next, as CPython's Queue does."""
        while blocked():
            waiter = self._get_loop().create_future()
            waiters.append(waiter)
            try:
                await waiter
            except BaseException:
                waiter.cancel()
                if waiter in waiters:
                    waiters.remove(waiter)
                if not blocked() and not waiter.cancelled():
                    self._wake_next(waiters)
                raise

    async def put(self, item):
        if self.full():  # tested here too: no coroutine made when there is room
            await self._wait_in_line(self.full, self._putters)
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wake_next(self._getters)

    async def get(self):
        if self.empty():
            await self._wait_in_line(self.empty, self._getters)
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wake_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class LifoQueue(Queue):
    """A Queue that gives the newest item first."""

    def _init(self, maxsize):
        self._items = []

    def _put(self, item):
        self._items.append(item)

    def _get(self):
        return self._items.pop()

    def _size(self):
        return len(self._items)


class PriorityQueue(Queue):
    """A Queue that gives the smallest item first."""

    def _init(self, maxsize):
        self._items = []

    def _put(self, item):
        _heappush(self._items, item)

    def _get(self):
        return _heappop(self._items)

    def _size(self):
        return len(self._items)
