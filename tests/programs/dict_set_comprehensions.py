# Dict and set comprehensions (and how they meet generator expressions and
# list comprehensions): order, scoping, evaluation order, nesting.

squares = {n: n * n for n in range(6)}
print(squares, len(squares))
print({k: v for k, v in squares.items() if v % 2 == 0})
print({v: k for k, v in squares.items()})
print({x % 4: x for x in range(10)})  # later values win, first key order stays
print({w: len(w) for w in "the quick brown fox the end".split()})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({c: i for i, c in enumerate("hello")})
print({n % 5 for n in range(100)}, {n * n % 7 for n in range(20)}, {c for c in "banana"} == {"a", "b", "n"})
print({x for x in []}, {k: 1 for k in ()}, {x * 2 for x in {1, 2, 3}})
print(sorted({w[0] for w in ["apple", "avocado", "banana", "cherry", "blueberry"]}))


LOG = []


def key(k):
    LOG.append("key " + str(k))
    return k


def val(v):
    LOG.append("value " + str(v))
    return v * 10


print({key(i): val(i) for i in range(3)}, LOG)


def invert(mapping):
    return {v: k for k, v in mapping.items()}


def histogram(items):
    counts = {}
    for it in items:
        counts[it] = counts.get(it, 0) + 1
    return {k: "*" * n for k, n in counts.items() if n > 1}


print(invert({"a": 1, "b": 2}), histogram("mississippi"))


def scaled_table(rows, factor):
    # the comprehensions read the function's parameters and locals
    offset = 100
    return {r: [c * factor + offset for c in range(r)] for r in rows}


print(scaled_table([1, 2, 3], 5))


def word_index(text):
    words = text.split()
    return {w: sorted({i for i, x in enumerate(words) if x == w}) for w in set(words) if len(w) > 2}


idx = word_index("to be or not to be that is the question not")
print(sorted(idx.items()))

# nested comprehensions and generator expressions together
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print({r: sum(row) for r, row in enumerate(matrix)})
print({sum(x for x in row if x % 2) for row in matrix})
print({i: {j for j in range(i)} for i in range(4)})
print({k: (v for v in range(2)) is not None for k in "ab"})
print(dict((k, v) for k, v in zip("xyz", range(3))), set(x for x in range(4)))
transpose = {c: [row[c] for row in matrix] for c in range(3)}
print(transpose)

# the comprehension variable does not leak into the enclosing scope
x = "outer"
d = {x: 0 for x in range(3)}
s = {x for x in "abc"}
print(x, d, sorted(s))


def leaks():
    y = "kept"
    r = {y: y for y in range(2)}
    return y, r


print(leaks())

# a dict comprehension over a generator, and one feeding a generator
def evens(limit):
    n = 0
    while n < limit:
        yield n
        n += 2


print({e: e // 2 for e in evens(10)})
print(list(k for k in {n: n for n in evens(7)}))
lookup = {ch: ord(ch) - 96 for ch in "abcdefghij"}
print(sum(lookup[ch] for ch in "badge"), {v for v in lookup.values() if v > 7})
