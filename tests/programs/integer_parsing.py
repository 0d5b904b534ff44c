# int() and float() parsing rules.
for s in ["0", "-12", "+7", "  42  ", "1_000", "0x1F", "12.5", "", "abc", "1__0", "_1"]:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
for s, b in [("ff", 16), ("0b101", 0), ("0o17", 0), ("z", 36), ("12", 3), ("9", 8), ("0x10", 16)]:
    try:
        print(s, b, int(s, b))
    except ValueError as e:
        print(s, b, "ValueError:", e)
for s in ["1.5", "-0.25", "1e3", "inf", "-Infinity", "nan", " 2 ", "1.5.2", "", "e3", "1_0.5"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
