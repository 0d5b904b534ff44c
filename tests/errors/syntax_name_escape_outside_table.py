# p4: deviation
# a name CPython knows, outside the blocks P4JIT ships (docs/language.md)
print("\N{TIBETAN LETTER KA}")
