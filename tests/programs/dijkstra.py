# Shortest paths with a simple O(n^2) Dijkstra.
INF = 1000000000
nodes = ["A", "B", "C", "D", "E", "F"]
w = {("A", "B"): 7, ("A", "C"): 9, ("A", "F"): 14, ("B", "C"): 10, ("B", "D"): 15,
     ("C", "D"): 11, ("C", "F"): 2, ("D", "E"): 6, ("E", "F"): 9}
adj = dict([(n, []) for n in nodes])
for (u, v), c in w.items():
    adj[u].append((v, c))
    adj[v].append((u, c))
dist = dict([(n, INF) for n in nodes])
prev = {}
dist["A"] = 0
done = []
while len(done) < len(nodes):
    u = None
    for n in nodes:
        if n not in done and (u is None or dist[n] < dist[u]):
            u = n
    done.append(u)
    for v, c in adj[u]:
        if dist[u] + c < dist[v]:
            dist[v] = dist[u] + c
            prev[v] = u
print(dist)
path = ["E"]
while path[-1] != "A":
    path.append(prev[path[-1]])
print(list(reversed(path)))
