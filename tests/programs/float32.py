# p4: deviation
# Floats are IEEE single precision in P4JIT, printed as the shortest repr
# that reads back to the same float32.
print(0.1 + 0.2)
print(1 / 3, 2 / 3, 10 / 3)
print(16777216.0 + 1.0)
print(3.14159265358979)
print(1e38 * 10)
print(0.1 * 3, 100.0 / 7)
print(float("1.0000001"), float("1.00000001"))
print(2.0 ** 0.5, 1e-45, 1e-46)
