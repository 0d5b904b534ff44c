# Exceptions inside loops: continue, break, and retries.
results = []
for s in ["1", "two", "3", "", "5"]:
    try:
        n = int(s)
    except ValueError:
        results.append("bad")
        continue
    results.append(n * 2)
print(results)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise RuntimeError("flaky")
        print("succeeded after", attempts)
        break
    except RuntimeError as e:
        print("attempt", attempts, "failed:", e)
total = 0
for i in range(10):
    try:
        total += 10 // (i - 5)
    except ZeroDivisionError:
        total += 1000
    finally:
        total += 1
print(total)
