# Calling user functions with keyword arguments and defaults.
def box(width, height=1, fill="#", border=False):
    rows = []
    for r in range(height):
        line = fill * width
        if border:
            line = "|" + line + "|"
        rows.append(line)
    return rows
print(box(3))
print(box(2, 2, "*"))
print(box(width=4, fill="."))
print(box(1, border=True, height=2))
print(box(fill="o", width=2, height=1, border=True))
def f(a, b, c=3):
    return (a, b, c)
print(f(1, 2), f(1, c=9, b=8), f(c=0, a=1, b=2))
for bad in ["dup", "unknown", "missing", "toomany"]:
    try:
        if bad == "dup":
            f(1, a=2, b=3)
        elif bad == "unknown":
            f(1, 2, d=4)
        elif bad == "missing":
            f(1)
        else:
            f(1, 2, 3, 4)
    except TypeError as e:
        print("TypeError:", e)
