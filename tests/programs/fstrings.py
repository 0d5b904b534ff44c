# f-strings with expressions, conversions and specs.
name = "Ada"
n = 7
x = 2.5
print(f"hello {name}, n={n}, twice={n * 2}")
print(f"{x:.3f} {n:>4} {n:04d} {name!r} {name:^9}|")
items = [1, 2, 3]
print(f"{len(items)} items: {items} sum={sum(items)}")
print(f"{'nested'} {n if n > 5 else 0} {{braces}}")
print(f"{n}{n}", f"", f"plain")
for i in range(3):
    print(f"row {i}: {'#' * i}")

# self-documenting fields (f"{expr=}") and tuples in fields
x, y, name = 7, 2.5, "p4"
print(f"{x=}", f"{x = }", f"{x=:04d}", f"{name=}", f"{name=!s}", f"{name=!r:>8}", f"{y=:.2f}")
print(f"a {x + 1=} b {[x] * 2=} c", f"{x==7=}", f"{x!=7}")
print(f"{1,}", f"{x, y}", f"{x,y,=}", f"{(x, y)=}", f"{x:{3}}|{x=:{'>'}{4}}")
