# Generator expressions as call arguments (P4JIT builds them as lists).
nums = [3, -1, 4, -1, 5, -9]
print(sum(x * x for x in nums), max(abs(x) for x in nums), min(x for x in nums if x > 0))
print(sorted(x % 4 for x in nums), list(str(x) for x in range(3)), tuple(c for c in "ab"))
print("".join(chr(65 + i) for i in range(5)), len([x for x in nums if x < 0]))
