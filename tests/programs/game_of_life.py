# Conway's Game of Life on a small torus.
W, H = 10, 8
grid = [[0] * W for _ in range(H)]
for x, y in [(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)]:
    grid[y][x] = 1
def step(g):
    new = [[0] * W for _ in range(H)]
    for y in range(H):
        for x in range(W):
            n = 0
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if dx or dy:
                        n += g[(y + dy) % H][(x + dx) % W]
            new[y][x] = 1 if n == 3 or (n == 2 and g[y][x]) else 0
    return new
for gen in range(4):
    grid = step(grid)
for row in grid:
    print("".join("#" if c else "." for c in row))
print(sum(sum(row) for row in grid))
