# Object-heavy code of the kind people write (not tuned for any
# interpreter): a binary search tree of node objects, a shape hierarchy
# with overridden methods and a property, an iterator class and a
# generator pipeline. Argument 1 scales it (the corpus runs the default).
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 300


class Node:
    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.left = None
        self.right = None


class Tree:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key, value):
        if self.root is None:
            self.root = Node(key, value)
            self.size += 1
            return
        node = self.root
        while True:
            if key < node.key:
                if node.left is None:
                    node.left = Node(key, value)
                    self.size += 1
                    return
                node = node.left
            elif key > node.key:
                if node.right is None:
                    node.right = Node(key, value)
                    self.size += 1
                    return
                node = node.right
            else:
                node.value = value
                return

    def find(self, key):
        node = self.root
        while node is not None:
            if key == node.key:
                return node.value
            node = node.left if key < node.key else node.right
        return None

    def depth(self, node):
        if node is None:
            return 0
        return 1 + max(self.depth(node.left), self.depth(node.right))

    def walk(self, node):
        if node is not None:
            yield from self.walk(node.left)
            yield node.key
            yield from self.walk(node.right)


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def describe(self):
        return "%s with area %d" % (self.name, self.area())


class Rect(Shape):
    def __init__(self, w, h):
        Shape.__init__(self, "rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"

    @property
    def side(self):
        return self.w


class Tri(Shape):
    def __init__(self, b, h):
        super().__init__("tri")
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h // 2


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def squares(it):
    for v in it:
        yield v * v


t = Tree()
seed = 12345
for i in range(N):
    seed = (seed * 1103515245 + 12345) % 2147483648
    t.insert(seed % (4 * N), i)
hits = 0
for k in range(4 * N):
    if t.find(k) is not None:
        hits += 1
keys = list(t.walk(t.root))
print("tree", t.size, hits, t.depth(t.root), keys[:5], keys == sorted(keys))

shapes = []
for i in range(N):
    kind = i % 3
    if kind == 0:
        shapes.append(Rect(i % 7 + 1, i % 5 + 1))
    elif kind == 1:
        shapes.append(Square(i % 9 + 1))
    else:
        shapes.append(Tri(i % 6 + 2, i % 4 + 2))
total = 0
for _ in range(5):
    for s in shapes:
        total += s.area()
sides = sum(s.side for s in shapes if isinstance(s, Square))
print("shapes", Shape.count, total, sides, shapes[1].describe(), shapes[2].describe())

print("pipeline", sum(squares(evens(Countdown(N * 10)))))
