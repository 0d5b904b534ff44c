# repr() of str escapes the characters CPython does not print: C1 controls,
# NBSP and other separators, format characters, private use, unassigned
# code points and noncharacters; all others appear as they are. A sweep
# over every plane (skipping surrogates), compared with CPython.
print(repr("\x80\x9f\xa0\xa1\u00ad\u2028\u2029\u200b\u200d\ufeff\uffff\ufffd\ue000\U000e0001\U0010ffff"))
print(repr("caf\u00e9 \u20ac \u4e2d \U0001f600 \u0378 \u3000"), repr(["\x85", "\xa0x"]), str("\xa0") == "\xa0")
line = []
cp = 0x80
step = 1
while cp < 0x110000:
    if cp < 0xd800 or cp > 0xdfff:
        line.append(repr(chr(cp))[1:-1])
    if len(line) == 48:
        print(hex(cp), "".join(line))
        line = []
    step = 1 if cp < 0x800 else 37 if cp < 0x20000 else 4099
    cp += step
print("".join(line))
