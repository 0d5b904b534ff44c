# open(path, 'rb'): read, readinto (bytearray and array), seek from the start,
# the position and the end, tell, close; the errors of a closed or missing file.
from array import array

f = open("data.bin", "rb")
print(f.read(5), f.tell())
print(len(f.read()), f.tell(), f.read(), f.read(10))
print(f.seek(0), f.seek(10, 1), f.seek(-4, 2), f.read())
f.seek(100)
buf = bytearray(7)
print(f.readinto(buf), list(buf), f.tell())
a = array("b", bytes(6))
print(f.readinto(a), list(a))
w = array("i", bytes(8))
print(f.readinto(w), w[0], w[1])
f.seek(296)
big = bytearray(10)
print(f.readinto(big), list(big))
print(f.read(-1), f.read(0))
try:
    f.seek(-1)
except OSError as e:
    print("OSError", e)
f.close()
f.close()
for op in range(3):
    try:
        if op == 0:
            f.read()
        elif op == 1:
            f.seek(0)
        else:
            f.readinto(buf)
    except ValueError as e:
        print("ValueError", e)
try:
    open("no-such-file.bin", "rb")
except FileNotFoundError as e:
    print("FileNotFoundError", e)
try:
    open("no-such-file.bin", "rb")
except OSError as e:
    print("OSError", type(e).__name__)
try:
    open(None, "rb")
except TypeError as e:
    print("TypeError")
