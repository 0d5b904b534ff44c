# An event loop: tasks are generators that yield how many ticks they sleep,
# timers fire callbacks (closures and lambdas), and a queue (collections.deque)
# carries messages from producers to consumers. Argument 1: ticks to run.
import sys
from collections import deque

TICKS = int(sys.argv[1]) if len(sys.argv) > 1 else 400


class Loop:
    def __init__(self):
        self.now = 0
        self.ready = deque()
        self.sleeping = []      # (wake tick, sequence, task)
        self.timers = []        # (fire tick, sequence, callback)
        self.seq = 0
        self.trace = []

    def spawn(self, task, name):
        self.ready.append((name, task))

    def call_later(self, delay, callback):
        self.seq += 1
        self.timers.append((self.now + delay, self.seq, callback))

    def _due(self, items):
        due = [it for it in items if it[0] <= self.now]
        if due:
            items[:] = [it for it in items if it[0] > self.now]
            due.sort(key=lambda it: (it[0], it[1]))
        return due

    def run(self, ticks):
        while self.now < ticks:
            for _, _, callback in self._due(self.timers):
                callback()
            for _, _, entry in self._due(self.sleeping):
                self.ready.append(entry)
            while self.ready:
                name, task = self.ready.popleft()
                try:
                    delay = next(task)
                except StopIteration as stop:
                    self.trace.append((self.now, name, stop.value))
                    continue
                self.seq += 1
                self.sleeping.append((self.now + max(delay, 1), self.seq, (name, task)))
            self.now += 1


def producer(queue, count, period, start):
    value = start
    for _ in range(count):
        queue.append(value)
        value = (value * 5 + 3) % 1009
        yield period
    return "made %d" % count


def consumer(queue, stats):
    handled = 0
    while True:
        while queue:
            item = queue.popleft()
            stats["sum"] += item
            stats["max"] = max(stats["max"], item)
            handled += 1
        if stats["stop"]:
            return handled
        yield 2


def make_counter():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump


loop = Loop()
queue = deque()
stats = {"sum": 0, "max": 0, "stop": False}
n = TICKS // 8
loop.spawn(producer(queue, n, 3, 1), "p1")
loop.spawn(producer(queue, n, 5, 2), "p2")
loop.spawn(consumer(queue, stats), "c")
counter = make_counter()
fired = []


def periodic(every, label):
    def fire():
        n = counter()
        # keep only the first few: a list growing to thousands of tuples among
        # the loop's garbage fragments P4JIT's non-moving heap (MemoryError)
        if len(fired) < 4:
            fired.append((loop.now, label, n))
        if loop.now + every < TICKS - 2:
            loop.call_later(every, fire)
    return fire


loop.call_later(1, periodic(17, "a"))
loop.call_later(4, periodic(29, "b"))
loop.call_later(TICKS - 2, lambda: stats.update(stop=True))
loop.run(TICKS)
print("ticks", TICKS, "sum", stats["sum"], "max", stats["max"], "left", len(queue))
print("finished", loop.trace)
print("timers", counter(0), fired)
