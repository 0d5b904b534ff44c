# Python code called back from built-ins: map, sorted(key=), filter, __lt__
class P:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
xs = [(i * 7919) % 1000 for i in range(3000)]
t = 0
for r in range(3):
    t += sum(map(lambda z: z + 1, xs))
    t += sorted(xs, key=lambda z: -z)[0]
    t += len(list(filter(lambda z: z & 1, xs)))
    t += sorted([P(v) for v in xs[:500]])[0].v
print(t)
