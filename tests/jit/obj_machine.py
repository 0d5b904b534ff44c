# A small state machine: states as ints in attributes, a dispatch method
# calling one handler method per state, counters, and a machine driven by
# another object's method.
IDLE, RUN, WAIT, DONE = 0, 1, 2, 3


class Machine:
    def __init__(self, limit):
        self.state = IDLE
        self.ticks = 0
        self.limit = limit
        self.work = 0
        self.waits = 0

    def on_idle(self, ev):
        if ev % 3 == 0:
            return RUN
        return IDLE

    def on_run(self, ev):
        self.work += ev
        if self.work > self.limit:
            return DONE
        if ev % 5 == 4:
            return WAIT
        return RUN

    def on_wait(self, ev):
        self.waits += 1
        return RUN if ev % 2 == 0 else WAIT

    def feed(self, ev):
        self.ticks += 1
        s = self.state
        if s == IDLE:
            s = self.on_idle(ev)
        elif s == RUN:
            s = self.on_run(ev)
        elif s == WAIT:
            s = self.on_wait(ev)
        self.state = s
        return s == DONE

    def drive(self, n):
        for i in range(n):
            if self.feed(i * 7 % 11):
                return i
        return -1


class Driver:
    def __init__(self, seed):
        self.seed = seed

    def next(self):
        self.seed = (self.seed * 1103 + 12345) % 65536
        return self.seed % 11

    def pump(self, m, n):
        done = 0
        for i in range(n):
            if m.feed(self.next()):
                done += 1
                m.state = IDLE
                m.work = 0
        return done


for lim in (50, 500, 5000):
    m = Machine(lim)
    print(lim, m.drive(3000), m.ticks, m.work, m.waits, m.state)
d = Driver(7)
m = Machine(200)
for rep in range(3):
    print(d.pump(m, 2000), m.ticks, m.waits, d.seed)
