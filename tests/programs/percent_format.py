# printf-style formatting of str and bytes: conversions, flags, width and
# precision (also '*'), mappings, and CPython's errors.
vals = [0, 7, -7, 255, -255, 123456, True]
for spec in ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.4d", "%-+6d|", "%x", "%#x", "%X",
             "%#X", "%08x", "%o", "%#o", "%#8o", "%i", "%u", "%c"]:
    out = []
    for v in vals:
        if spec == "%c" and v < 0:
            continue
        out.append(spec % v)
    print(spec, out)
fl = [0.0, 1.5, -2.25, 3.14159, 100.0, 1e-5, 1234.5, 0.5, -0.0]
for spec in ["%f", "%.2f", "%8.3f", "%-8.1f|", "%08.2f", "%+.1f", "% .0f", "%#.0f", "%e", "%.3e", "%E",
             "%g", "%.3g", "%G", "%#g", "%10.4g", "%s", "%r", "%d"]:
    print(spec, [spec % v for v in fl])
print("%f %e %g" % (3, 4, 5), "%d" % 3.99, "%d" % -3.99, "%x" % True)
print("%s|%r|%a|%5s|%-5s|%.2s|%5.1s|" % ("ab", "ab", "é", "ab", "ab", "abc", "xyz"))
print("%s %s %r" % ([1, "a"], None, (1, "b")), "%s" % ((1, 2),), "%s" % [3], "%r" % "q'uote")
print("%c%c%c" % (65, "é", 0x1F600), "%%", "100%%" % (), "%5c|%-3c|" % ("x", "y"))
print("%*d|%-*d|%.*f|%*.*f|" % (5, 42, 4, 7, 2, 3.14159, 8, 3, 2.5))
print("%*d|" % (-6, 1), "%.*s|" % (2, "hello"))
d = {"name": "p4", "n": 3, "x": 1.5}
print("%(name)s has %(n)d items, %(x).2f, %(n)05d %(name)r" % d)
print("%(a)s %(a)s" % {"a": 1}, "no fields" % {}, "no fields" % [], "%s" % {"k": 1})
print("%(key)s" % {"key": "v", "unused": 1}, "%(a)s%%" % {"a": 5})
print("é%sü" % "ö", "%3s|" % "é", "%-4s|" % "日本")
s = "x=%d"
s %= 5
print(s)
# bytes
print(b"%d %s %5.1f %x %c %c %r %a" % (3, b"ab", 2.25, 255, 65, b"z", b"q", "é"))
print(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 9}, b"%s" % bytearray(b"ba"), b"100%%" % ())
print(b"%-4s|%4s|%.1s" % (b"a", b"b", b"cd"))
# errors
cases = [("%d %d", (1,)), ("%d", (1, 2)), ("abc", 5), ("%", 1), ("%5", 1), ("%z", 1), ("%d", "s"),
         ("%x", 1.5), ("%f", "s"), ("%c", "ab"), ("%c", -1), ("%(a)s", (1,)), ("%(a)s", {"b": 1}),
         ("%*d", ("a", 1)), ("%(a", {"a": 1}), ("%é", 1), ("%c", 0x110000), ("%s %s", "ab")]
for fmt, arg in cases:
    try:
        print(repr(fmt % arg))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(fmt, type(e).__name__, e)
bcases = [(b"%s", "str"), (b"%d", b"x"), (b"%c", 256), (b"%c", b"ab"), (b"%y", 1), (b"%s %s", (b"a",))]
for fmt, arg in bcases:
    try:
        print(repr(fmt % arg))
    except (TypeError, ValueError, OverflowError) as e:
        print(fmt, type(e).__name__, e)
# %c of an int beyond 32 bits is an OverflowError, as for any out-of-range code
for v in (2 ** 40, -2 ** 40, 0x110000):
    try:
        print("%c" % v)
    except OverflowError as e:
        print("OverflowError", e)
