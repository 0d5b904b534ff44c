# Triple-quoted strings, line continuations, escapes.
text = """Line one
    indented line
Line "three" with 'quotes'"""
print(text)
print(len(text.split("\n")))
joined = "part one, " \
         "part two"
print(joined)
total = 1 + \
    2 + \
    3
print(total)
print('''single-quoted
triple''')
print("\\n is a newline escape; \\t is a tab", "\101\102", "\x41\x42")
s = "multi" "ple" \
    " pieces"
print(s)
