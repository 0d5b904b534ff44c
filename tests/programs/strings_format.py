# str.format with positional fields and format specs.
print("{} + {} = {}".format(1, 2, 3))
print("{0}{1}{0}".format("ab", "cd"), "{{literal}} {}".format(5))
print("[{:5}] [{:<5}] [{:>5}] [{:^5}] [{:*^7}]".format("ab", "ab", "ab", "ab", "ab"))
print("[{:5d}] [{:<5d}] [{:05d}] [{:+d}] [{: d}]".format(42, 42, 42, 42, 42))
print("{:x} {:X} {:o} {:b} {:#x} {:#b}".format(255, 255, 8, 5, 255, 5))
print("{:.2f} {:.0f} {:8.3f} {:08.3f} {:+.1f}".format(3.14159, 2.5, 2.71828, -1.5, 2.0))
print("{:e} {:.2e} {:g} {:.3g} {:%} {:.1%}".format(12345.678, 0.00012, 0.5, 1234567.0, 0.25, 0.125))
print("{:,} {:,} {:_}".format(1234567, -1000, 1000000))
print("{!r} {!s} {}".format("q", "q", [1, "x"]))
print("{:>10}|{:<10}|".format(3.5, True), format(42, "04d"), format(0.5, ".3f"), format("s", ">3"))
print("{:d}".format(True), "{}".format(None), "{:10.3}".format("abcdef"))
# Values whose first significant digit lies right of the last printed one
# round to 0 or 1 unit (the firmware's picolibc rounded 0.375 "%.0f" to "1"
# and 0.03125 "%.1f" to "0.1", in round() too: found by tests/lang/gen_lang.py
# under p4sim). All these are exact in binary32.
small = [0.5, 0.25, 0.375, 0.4375, 0.03125, 0.046875, 0.0625, 0.00390625, 0.005859375, 0.75, -0.375, -0.03125]
for p in range(3):
    print(p, ['%.*f' % (p, x) for x in small])
    print(p, [format(x, '.%df' % p) for x in small], [format(x, '.%d%%' % p) for x in small[7:9]])
    print(p, [round(x, p) for x in small])
