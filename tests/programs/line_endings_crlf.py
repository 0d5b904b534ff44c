# CRLF line endings, also inside triple-quoted strings (read as \n).
s = """first
second
"""
print(repr(s))
t = '''a

b'''
print(repr(t), len(t))
u = "x" \
    "y"
print(u)
