# Braces, colons and '!' inside string literals of an f-string field are
# text, not the field's end or format spec (f"{'a { b'}").
d = {"a:b": 1, "}": 2, "!": 3}
w = 6
print(f"{'a { b'}", f"{'}'}", f'{"{"}', f"{d['a:b']}", f"{d['}']!r:>4}", f"{d['!']:{w}}")
print(f"{'x' + ':' + 'y'}", f"{'{'.join(['p', 'q'])}", f"{[1, 2][0:1]}", f"{1:'>4}", f"{'z'!r:^7}")
print(f"{'a!=b' if 1 != 2 else 'eq'}", f"{len('}{')}")
