# Lists held in attributes (self.row[i], self.grid[i][j]): compiled code
# checks each item's type as it reads it and writes a number's type and
# value as it stores it. Between calls the lists change: an item becomes a
# float, a str, None; the list grows, shrinks, is replaced by another kind;
# indices run off either end (IndexError exactly as interpreted).
class Regs:
    def __init__(self, n):
        self.regs = [0] * n
        self.gains = [1.0] * n
        self.grid = [[0] * n for _ in range(n)]
        self.addr = 1

    def raw(self):
        return self.regs[self.addr]

    def fill(self, a, b):
        loc = a + 2
        self.regs[loc] = b
        self.regs[loc + 1] = self.regs[loc] + 1
        self.regs[-1] = loc
        for i in range(loc, loc + 2):
            self.grid[loc][i] = loc
        self.grid[loc][loc - 1] += 1
        self.grid[loc + 1][loc] = self.regs[loc]
        return self.grid[loc][loc] + self.regs[loc + 1]

    def scaled(self, n):
        acc = 0.0
        for i in range(n):
            acc += self.regs[i % len(self.regs)] * self.gains[i % len(self.gains)]
        return acc

    def diag(self):
        s = 0
        for i in range(len(self.grid)):
            s += self.grid[i][i] * (i + 1)
        return s

    def setg(self, i, v):
        self.gains[i] = v
        return self.gains[i - 1]


r = Regs(8)
for step in range(12):
    if step == 3:
        r.regs[5] = 2.5
    elif step == 4:
        r.regs[5] = 7
        r.gains[2] = 3
    elif step == 5:
        r.grid[4] = [1.5] * 8
    elif step == 6:
        r.regs.append(9)
        r.grid[4] = [2] * 8
    elif step == 7:
        r.regs = [1, 2, 3, 4, 5, 6]
    elif step == 8:
        r.gains = [0.5, "x", 1.0]
    elif step == 9:
        r.regs[0] = None
        r.gains = [0.25, 0.5]
    elif step == 10:
        r.regs = [3] * 9
        r.addr = -9
    elif step == 11:
        r.addr = 9
    for name, call in (("raw", lambda: r.raw()), ("fill", lambda: r.fill(step % 4, step * 3)),
                       ("scaled", lambda: r.scaled(10)), ("diag", lambda: r.diag()),
                       ("setg", lambda: r.setg(step % 3, step * 0.5))):
        try:
            print(step, name, call())
        except (IndexError, TypeError) as ex:
            print(step, name, type(ex).__name__, ex)
    print(step, r.regs, r.gains, r.grid[4][:4])
