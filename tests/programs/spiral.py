# Walk a matrix in spiral order; rotate it.
def spiral(m):
    out = []
    top, bottom, left, right = 0, len(m) - 1, 0, len(m[0]) - 1
    while top <= bottom and left <= right:
        for j in range(left, right + 1):
            out.append(m[top][j])
        top += 1
        for i in range(top, bottom + 1):
            out.append(m[i][right])
        right -= 1
        if top <= bottom:
            for j in range(right, left - 1, -1):
                out.append(m[bottom][j])
            bottom -= 1
        if left <= right:
            for i in range(bottom, top - 1, -1):
                out.append(m[i][left])
            left += 1
    return out
m = [[r * 4 + c for c in range(4)] for r in range(3)]
print(spiral(m))
rot = [[m[len(m) - 1 - r][c] for r in range(len(m))] for c in range(len(m[0]))]
print(rot, spiral([[1]]), spiral([[1, 2, 3]]))
