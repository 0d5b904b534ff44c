# '%%' is a percent sign; '%' with flags, width or precision before the
# second '%' is not: CPython takes an argument for it (TypeError when none
# is left) and then rejects the conversion (ValueError). Found by rel6's
# gen_lang6 ('%5%' % () gave '%').
cases = [("%%", ()), ("a%%b", ()), ("%5%", ()), ("%5%", (1,)), ("%-%", ()), ("%.2%", ()),
         ("%*%", (3,)), ("%*%", (3, 4)), ("%(a)%", {"a": 1}), ("%(a)5%", {"a": 1}),
         ("%d%%", (5,)), ("%s %5%", ("x",)), ("%s %5%", ("x", "y")), ("%%%d", (7,))]
for fmt, args in cases:
    try:
        print(fmt, repr(fmt % args))
    except (TypeError, ValueError) as e:
        print(fmt, type(e).__name__, e)
for fmt, args in [(b"%%", ()), (b"%5%", ()), (b"%5%", (1,))]:
    try:
        print(fmt, repr(fmt % args))
    except (TypeError, ValueError) as e:
        print(fmt, type(e).__name__, e)
