# p4: float-tolerance
# Two bodies orbiting: positions after a few hundred steps.
import math
bodies = [[0.0, 0.0, 0.0, 0.0, 10.0], [1.0, 0.0, 0.0, 3.0, 0.01]]
dt = 0.001
for step in range(300):
    for i in range(2):
        for j in range(2):
            if i != j:
                dx = bodies[j][0] - bodies[i][0]
                dy = bodies[j][1] - bodies[i][1]
                d = math.sqrt(dx * dx + dy * dy)
                f = bodies[j][4] / (d * d * d)
                bodies[i][2] += dx * f * dt
                bodies[i][3] += dy * f * dt
    for b in bodies:
        b[0] += b[2] * dt
        b[1] += b[3] * dt
for b in bodies:
    print(round(b[0], 3), round(b[1], 3))
