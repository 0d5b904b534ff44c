# memoryview.release() and `with memoryview(...)`: every use of a released
# view raises ValueError; release() is idempotent; views made from it
# before stay usable.
def attempt(label, f):
    try:
        print(label, "->", f())
    except ValueError as e:
        print(label, "!! ValueError", e)
    except TypeError as e:
        print(label, "!! TypeError", e)


buf = bytearray(b"hello world")
m = memoryview(buf)
part = m[6:]
m.release()
m.release()
for label, f in [
    ("index", lambda: m[0]),
    ("slice", lambda: m[1:3]),
    ("len", lambda: len(m)),
    ("bytes", lambda: bytes(m)),
    ("tobytes", lambda: m.tobytes()),
    ("tolist", lambda: m.tolist()),
    ("hex", lambda: m.hex()),
    ("nbytes", lambda: m.nbytes),
    ("obj", lambda: m.obj),
    ("eq", lambda: (m == b"hello world", m == m, m != m)),
    ("store", lambda: m.__setitem__(0, 65)),
    ("iter", lambda: list(m)),
    ("cast", lambda: m.cast("B")),
    ("part", lambda: bytes(part)),
]:
    attempt(label, f)
buf[0] = ord("J")
buf[1:3] = b"EL"
print(buf, bytes(part))

with memoryview(bytearray(b"abc")) as v:
    print(v[0], bytes(v[1:]), len(v))
attempt("after with", lambda: v[0])
attempt("with released", lambda: [1 for _ in [0] if memoryview(b"").release() is None])

w = memoryview(b"xyz")
w.release()
try:
    with w:
        pass
except ValueError as e:
    print("enter released:", e)

arr = memoryview(bytearray(range(8))).cast("H")
print(arr.tolist())
arr.release()
attempt("cast view", lambda: arr[1])

# repr names a released view (its address differs between runs: only the start)
shown = memoryview(b"ab")
print(repr(shown).split(" at ")[0])
shown.release()
print(repr(shown).split(" at ")[0], str(shown).split(" at ")[0])
