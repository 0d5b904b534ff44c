# A dict method on globals() kept from an earlier call changes only the names
# it is given: names stored or deleted since that call keep their values (the
# sync after the method put the old ones back, and unbound g itself).
B = 2
g = globals()
B = 5
g.update(C=1)
print(B, C)


def bind_d():
    global D
    D = 7


bind_d()
print(g.setdefault("E", 0), D, E, g is globals())
print(g.setdefault("B", 9), g.pop("C"), B)
del B
g |= {"F": 3}
try:
    print(B)
except NameError as e:
    print(e)
H = 4
print(g.popitem() == ("H", 4) or g.popitem(), F, "H" in globals())
g[1] = "not a name"
I = 8
g.update(J=9)
print(g[1], I, J)


def scale(n):
    t = 0
    for i in range(n):
        t += K * i
    return t


K = 3
print(scale(4))
K = 10
g.update(L=0)   # K's store stays, and code built with K = 3 is not run again
print(scale(4), K)
