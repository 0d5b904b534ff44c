# The format-spec mini-language, swept: specs built from every component
# ([[fill]align][sign][z][#][0][width][grouping][.precision][type]) by a
# small deterministic generator, applied to ints, floats (values exact in
# float32), strs and bools. Each result or error message must be CPython's.
FILLS = ["", "<", ">", "^", "=", "*<", "0>", "0=", "x^", "\u20ac>", "\u00e9="]
SIGNS = ["", "+", " ", "-"]
ZS = ["", "", "", "z"]
ALTS = ["", "#"]
ZEROS = ["", "0"]
WIDTHS = ["", "1", "7", "12"]
GROUPS = ["", ",", "_"]
PRECS = ["", ".0", ".1", ".3", ".6"]
TYPES = ["", "d", "x", "X", "o", "b", "c", "n", "e", "E", "f", "F", "g", "G", "%", "s", "q", "\u00e9", "\x7f", "\x01"]
VALUES = [0, 5, -5, 65, 255, 1234, -1234567, 1000000, True,
          0.0, -0.0, 0.5, 1.5, 2.5, -2.25, 1234.5, 100.0, 1048576.0, 0.03125, 1e10, -3e9,
          float("inf"), float("-inf"), float("nan"),
          "ab", "", "\u00e9t\u00e9"]

seed = 12345


def pick(options):
    global seed
    seed = (seed * 1103 + 12345) % 65536
    return options[(seed >> 4) % len(options)]


def attempt(value, spec):
    try:
        return repr(format(value, spec))
    except (ValueError, TypeError, OverflowError) as e:
        return repr(e)


specs = []
for n in range(420):
    spec = pick(FILLS) + pick(SIGNS) + pick(ZS) + pick(ALTS) + pick(ZEROS) + pick(WIDTHS)
    spec += pick(GROUPS) + pick(PRECS) + pick(TYPES)
    specs.append(spec)

for spec in specs:
    row = []
    for v in VALUES:
        row.append(attempt(v, spec))
    print(repr(spec), " ".join(row))

# str.format with the same specs, also through nested fields
for spec in specs[:80]:
    try:
        print("{:{}}|{!r:{}}|{:{}{}}".format(1234, spec, "ab", spec[:2], 0.5, spec, ""))
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(e))
