# Recursion close to the default limit works; deeper raises RecursionError.
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(900))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError caught")
print(count(10))
