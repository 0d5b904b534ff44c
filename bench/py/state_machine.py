# A small state machine: a vending/turnstile controller driven by a stream
# of events, with states as classes, transitions in a dict, entry/exit
# hooks registered by a decorator, and a sensor driver hierarchy feeding it.
# Argument 1: the number of events.
import sys

EVENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 600

HOOKS = {}


def on_enter(name):
    def register(fn):
        HOOKS.setdefault(name, []).append(fn)
        return fn
    return register


class State:
    name = "?"

    def handle(self, machine, event, value):
        return None

    def __repr__(self):
        return "<%s>" % self.name


class Idle(State):
    name = "idle"

    def handle(self, machine, event, value):
        if event == "coin":
            machine.credit += value
            return "paying"
        if event == "service":
            return "service"
        return None


class Paying(State):
    name = "paying"

    def handle(self, machine, event, value):
        if event == "coin":
            machine.credit += value
            if machine.credit >= machine.price:
                return "vending"
        elif event == "cancel":
            machine.refunded += machine.credit
            machine.credit = 0
            return "idle"
        return None


class Vending(State):
    name = "vending"

    def handle(self, machine, event, value):
        if event == "tick":
            machine.sold += 1
            machine.change += machine.credit - machine.price
            machine.credit = 0
            return "idle"
        return None


class Service(State):
    name = "service"

    def handle(self, machine, event, value):
        if event == "tick" and value % 5 == 0:
            return "idle"
        return None


class Machine:
    def __init__(self, price):
        self.states = {s.name: s for s in (Idle(), Paying(), Vending(), Service())}
        self.state = self.states["idle"]
        self.price = price
        self.credit = self.sold = self.change = self.refunded = 0
        self.visits = {}
        self.log = []

    def feed(self, event, value=0):
        nxt = self.state.handle(self, event, value)
        if nxt is not None and nxt != self.state.name:
            self.state = self.states[nxt]
            self.visits[nxt] = self.visits.get(nxt, 0) + 1
            for hook in HOOKS.get(nxt, ()):
                hook(self)


@on_enter("vending")
def note_sale(machine):
    if len(machine.log) < 5:
        machine.log.append(("sale", machine.credit))


@on_enter("service")
def note_service(machine):
    machine.log.append(("service", machine.sold)) if len(machine.log) < 8 else None


class Sensor:
    """Base driver: reads raw values from a register map and scales them."""

    def __init__(self, registers, address):
        self.registers = registers
        self.address = address

    def raw(self):
        return self.registers[self.address % len(self.registers)]

    def read(self):
        return self.scale(self.raw())

    def scale(self, raw):
        raise NotImplementedError


class CoinSensor(Sensor):
    VALUES = (5, 10, 20, 50)

    def scale(self, raw):
        return self.VALUES[raw % 4]


class ButtonSensor(Sensor):
    def scale(self, raw):
        return raw % 11 == 0

    @property
    def pressed(self):
        return self.read()


def event_stream(n):
    regs = [(k * 37 + 11) % 101 for k in range(64)]
    coin, button = CoinSensor(regs, 3), ButtonSensor(regs, 5)
    for k in range(n):
        coin.address += 7
        button.address += 3
        kind = k % 7
        if kind in (0, 1, 2, 4):
            yield "coin", coin.read()
        elif kind == 3 and button.pressed:
            yield "cancel", 0
        elif kind == 6 and k % 97 == 0:
            yield "service", 0
        else:
            yield "tick", k


m = Machine(price=60)
for event, value in event_stream(EVENTS):
    m.feed(event, value)
print("sold", m.sold, "change", m.change, "refunded", m.refunded, "credit", m.credit)
print("visits", sorted(m.visits.items()))
print("state", m.state, "log", m.log)
try:
    Sensor([1], 0).read()
except NotImplementedError:
    print("abstract sensor refused")
