# An object a compiled loop makes (`r = Reading(...)`, no example instance
# to read its layout from) passed to a method beside an instance of the same
# class that has one (`r.delta(prev)`): the callee is compiled for two
# instances of the class with the layout of the other, guarded at each
# attribute (jit/report-made-beside: not refused as "an object" with its
# result guessed, which deoptimised the loop and compiled it again). Then
# the same call where the made objects' layouts differ (attributes set in
# another order, an extra attribute, a subclass): the guards deoptimise and
# the interpreter gives the same results.
class Reading:
    def __init__(self, t, v, flip=False):
        if flip:
            self.v = v
            self.t = t
        else:
            self.t = t
            self.v = v

    def delta(self, other):
        return self.v - other.v


class Late(Reading):
    def __init__(self, t, v):
        self.t = t
        self.note = "late"
        self.v = v


class Tracker:
    def __init__(self, first):
        self.last = first

    def track(self, n):
        # prev: the instance read from self.last, then the objects made here
        s = 0.0
        prev = self.last
        for i in range(n):
            r = Reading(i, (i * 37 % 11) * 0.25)
            s += r.delta(prev)
            prev = r
        self.last = prev
        return s

    def track_mixed(self, n):
        s = 0.0
        prev = self.last
        for i in range(n):
            if i % 5 == 3:
                r = Late(i, i * 0.5)
            else:
                r = Reading(i, (i % 7) * 1.5 - 2.0, i % 3 == 0)
            s += r.delta(prev)
            prev = r
        self.last = prev
        return s


a = Tracker(Reading(0, 1.0))
print("track", a.track(10), a.track(200), a.last.t, a.last.v)
b = Tracker(Reading(0, 0.0))
print("mixed", b.track_mixed(10), b.track_mixed(120), b.last.t, b.last.v)
c = Tracker(Late(2, 0.75))
print("mixed late first", c.track_mixed(40), c.last.t)
d = Tracker(Reading(1, 3.0, True))
print("track flipped first", d.track(30), d.last.t)
