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


# A return whose finally bodies end in continue or break: the loop goes on
# (or ends) and the return is cancelled; nested finally bodies that return.
def cancelled(n, mode):
    log = []
    for i in range(n):
        try:
            try:
                log.append(i)
                if i % 2:
                    return ("returned", i)
            finally:
                if mode == "inner-return" and i == 2:
                    return ("inner", i, log)
        finally:
            if mode == "continue":
                continue
            if mode == "break" and i == 1:
                break
    return ("end", log)


for mode in ("continue", "break", "inner-return", "plain"):
    print(mode, cancelled(5, mode))


def nested_with_exception(x):
    for i in range(x):
        try:
            pass
        finally:
            try:
                try:
                    print(x, i)
                finally:
                    try:
                        1 / 0
                    finally:
                        return 42
            finally:
                print("continue")
                continue
    return -1


print(nested_with_exception(3))
