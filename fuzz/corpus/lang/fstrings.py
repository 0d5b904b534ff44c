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
