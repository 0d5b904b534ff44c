# p4: float-tolerance
# A damped spring integrated with semi-implicit Euler.
x, v = 1.0, 0.0
k, c, dt = 4.0, 0.3, 0.01
for step in range(1, 1001):
    a = -k * x - c * v
    v += a * dt
    x += v * dt
    if step % 200 == 0:
        print(step, x, v)
energy = 0.5 * v * v + 0.5 * k * x * x
print("energy", energy)
