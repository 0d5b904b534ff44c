# Breadth- and depth-first search on an adjacency dict.
edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("f", "g")]
graph = {}
for u, v in edges:
    graph.setdefault(u, []).append(v)
    graph.setdefault(v, []).append(u)
def bfs(start):
    dist = {start: 0}
    queue = [start]
    while queue:
        u = queue.pop(0)
        for v in graph[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist
def dfs(u, seen):
    seen.append(u)
    for v in sorted(graph[u]):
        if v not in seen:
            dfs(v, seen)
    return seen
print(bfs("a"), bfs("f"))
print(dfs("a", []), dfs("g", []))
components = []
seen_all = []
for node in sorted(graph):
    if node not in seen_all:
        comp = dfs(node, [])
        seen_all += comp
        components.append(sorted(comp))
print(components)
