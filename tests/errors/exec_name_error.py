src = "def f(n):\n    return n + undefined_name\n"
ns = {}
exec(src, ns)
print(eval("f", ns).__name__)
eval("f(1)", ns)
