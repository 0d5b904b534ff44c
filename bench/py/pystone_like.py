# A Dhrystone-style loop: records (classes), procedure calls, string
# comparison, integer arithmetic and array (list) work. The size is the loop
# count (argument 1; a small default for the tests).
import sys

LOOPS = int(sys.argv[1]) if len(sys.argv) > 1 else 400

RED, GREEN, BLUE, CYAN, MAGENTA = range(5)


class Record:
    def __init__(self, link=None, kind=0, colour=RED, value=0, text=""):
        self.link = link
        self.kind = kind
        self.colour = colour
        self.value = value
        self.text = text

    def clone(self):
        return Record(self.link, self.kind, self.colour, self.value, self.text)


class Bench:
    def __init__(self):
        self.glob_int = 0
        self.glob_bool = False
        self.glob_ch1 = "A"
        self.glob_ch2 = "B"
        self.row = [0] * 51
        self.grid = [[0] * 51 for _ in range(51)]
        self.head = Record()
        self.head.link = Record(None, 0, GREEN, 40, "SOME STRING, FIRST ONE")

    def proc_record(self, rec):
        nxt = rec.link
        nxt.value = 5 + rec.value % 7
        copy = nxt.clone()
        copy.link = rec
        copy.value = self.proc_int(copy.value)
        if copy.kind == 0:
            copy.colour = self.pick_colour(copy.colour)
            rec.value = copy.value + 1
        else:
            rec.kind = copy.kind
        return copy

    def proc_int(self, v):
        k = v + 10
        while True:
            if self.glob_ch1 == "A":
                k -= 1
                v = k - self.glob_int
                break
        return v

    def pick_colour(self, c):
        if c == RED:
            return BLUE
        if c == GREEN:
            return CYAN if self.glob_int > 100 else RED
        return MAGENTA

    def fill(self, a, b):
        loc = a + 5
        self.row[loc] = b
        self.row[loc + 1] = self.row[loc]
        self.row[loc + 30] = loc
        for i in range(loc, loc + 2):
            self.grid[loc][i] = loc
        self.grid[loc][loc - 1] += 1
        self.grid[loc + 20][loc] = self.row[loc]
        self.glob_int = 5

    def compare(self, s1, s2):
        idx = 2
        while idx <= 2:
            if s1[idx] != s2[idx + 1]:
                idx += 1
        if s1 > s2:
            self.glob_int += 7
            return True
        return False

    def run(self, loops):
        s1 = "DHRYSTONE PROGRAM, 1'ST STRING"
        total = 0
        for i in range(loops):
            self.glob_ch1 = "A"
            self.glob_bool = not self.glob_bool
            s2 = "DHRYSTONE PROGRAM, 2'ND STRING" if i % 3 else "DHRYSTONE PROGRAM, 0'TH STRING"
            a, b = 2, 3
            c = 5 * a - b
            self.glob_bool = not self.compare(s1, s2)
            while a < b:
                c = 5 * a - b
                a += 1
            self.fill(a % 10, c)
            rec = self.proc_record(self.head)
            for ch in "ABC":
                if ch == self.glob_ch2:
                    self.glob_ch2 = chr(ord(ch) + 1)
            self.glob_ch2 = "B"
            b = b * a
            a = b // c if c else 0
            b = 7 * (b - a) - c
            total = (total * 33 + a + b + c + rec.value + rec.colour + self.glob_int) % 1000003
        return total


b = Bench()
print("checksum", b.run(LOOPS))
print("row", sum(b.row), "grid", sum(sum(r) for r in b.grid))
print("head", b.head.value, b.head.kind, b.head.link.value)
