# int.to_bytes and int.from_bytes take a length through __index__ (an int
# subclass too) and a byteorder that is a str subclass, as CPython (both
# were TypeError, and from_bytes's message named to_bytes).
class Idx:
    def __index__(self):
        return 3


class Width(int):
    pass


class Order(str):
    pass


print((5).to_bytes(Idx(), "big"), (-1).to_bytes(Idx(), "little", signed=True), (258).to_bytes(Width(2)))
print((5).to_bytes(2, Order("little")), int.from_bytes(b"\x01\x00", Order("little")),
      int.from_bytes(b"\x80", byteorder=Order("big"), signed=True))
for bad in (lambda: (5).to_bytes(2, 7), lambda: int.from_bytes(b"\x01", 7), lambda: int.from_bytes(b"\x01", Order("mid"))):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
