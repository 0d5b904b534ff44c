# Every silent wrong result issue 14 listed as found by MicroPython's tests,
# in one program (each is also covered where its feature is tested).
from array import array
print(repr("a b  ".split(None, 1)), b"a b  ".split(None, 1), bytes(array('h', [1, 2])))
print(repr('{:05s}'.format('ab')), '{:08,}'.format(1234))
for spec in ("{:=5}", "{:+s}"):
    try:
        print(spec.format("ab"))
    except ValueError as e:
        print("ValueError", e)
try:
    print(0.0 ** float('-inf'))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print("\N{BULLET}", len("\N{LATIN SMALL LETTER E WITH ACUTE}"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.start, e.end)
# and the attributes of the codec errors (encoding, object, start, end, reason)
for text, enc in (("a\u00e9\u20acx\u20ac", "latin-1"), ("abc\u20ac\u20ac\u20acd", "ascii")):
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print(repr(e.object), e.start, e.end, e.reason, e.encoding, e)
for data in (b"a\xff", bytearray(b"ab\xe2\x82"), b"\xc3(", b"\x80abc"):
    for enc in ("utf-8", "ascii"):
        try:
            data.decode(enc)
        except UnicodeDecodeError as e:
            print(repr(e.object), e.start, e.end, e.reason, e.encoding, e)
class K:
    def m(self, a):
        pass
try:
    K().m(1, 2)
except TypeError as e:
    print(e)
print(float("0" * 150 + "1.5") == 1.5, float("0." + "0" * 130 + "1") < 1, pow(2, 3, None))
view = {}.values()
print(hash(view) == hash(view), f"{'a { b'}")
src = "x = 1 # comment\ry = 2\rprint(x + y)\r"
exec(compile(src, "cr.py", "exec"))
exec(compile('s = """a\r\nb"""\rprint(repr(s))\r', "crlf.py", "exec"))
