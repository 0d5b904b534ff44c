def unpack(x):
    [] = x
    () = x
    return len(x)
[] = []
() = ()
for [] in [[], (), ""]:
    print("empty")
print(unpack([]), unpack(""))
unpack([1])
