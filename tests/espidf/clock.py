# The time module on the ESP-IDF port (run by run_component.py against
# CPython): time.time() is the system time ESP-IDF keeps (the stubs' clock
# starts at 2026-01-01), sleep waits through the port, and monotonic()
# sees the wait.
import time


def busy(n):
    s = 0
    for i in range(n):
        s += i & 7
    return s


print(time.time() > 1.7e9)
a = time.monotonic()
time.sleep(0.004)
b = time.monotonic()
print(b - a >= 0.004, b - a < 1.0)
print(busy(1000))
