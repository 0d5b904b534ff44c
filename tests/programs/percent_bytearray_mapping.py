# bytearray % args formats as bytes % args and makes a bytearray (P4JIT:
# TypeError, unsupported operand); a right operand that is not a tuple
# counts as a mapping (unused arguments no error) when CPython's type has a
# mapping subscript and is not the format's own kind of text: a deque has
# none (P4JIT formatted it silently), a bytearray or memoryview under str %
# has one, a str, bytes or bytearray under bytes % does not.
from array import array
from collections import deque

cases = [
    ("bytearray", lambda: bytearray(b"%d-%s|%5.1f") % (5, b"x", 2.5)),
    ("bytearray one", lambda: bytearray(b"<%x>") % 255),
    ("bytearray list", lambda: bytearray(b"ab") % [1]),
    ("bytes deque", lambda: b"xy" % deque([1])),
    ("str deque", lambda: "ab" % deque([1])),
    ("str deque key", lambda: "%(a)s" % deque([1])),
    ("bytes bytearray", lambda: b"xy" % bytearray(b"q")),
    ("str bytearray", lambda: "ab" % bytearray()),
    ("str memoryview", lambda: "ab" % memoryview(b"x")),
    ("bytes memoryview", lambda: b"ab" % memoryview(b"x")),
    ("bytes array", lambda: b"a" % array("b")),
    ("bytes str", lambda: b"a" % "x"),
    ("str set", lambda: "ab" % {1, 2}),
    ("bytearray bad", lambda: bytearray(b"%d") % "x"),
]
for label, f in cases:
    try:
        r = f()
        print(label, type(r).__name__, r)
    except Exception as e:
        print(label, type(e).__name__, e)
b = bytearray(b"%d%%")
keep = b
b %= 42
print(b, keep, b is keep)

# a bytearray's repr escapes ' even between double quotes, as CPython's
# (P4JIT wrote bytes' repr: bytearray(b"<b'q'>"))
print(bytearray(b"%r") % (b"q",))
for raw in (b"<b'q'>", b'a"b', b"a'b\"c", b"\\'", b"plain"):
    print(repr(bytearray(raw)), repr(raw))
