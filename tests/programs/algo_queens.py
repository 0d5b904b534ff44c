# N-queens by backtracking.
def solve(n):
    cols = []
    count = 0
    first = None
    def safe(c):
        return True
    def place(row):
        return row
    solutions = []
    stack = [[]]
    while stack:
        cur = stack.pop()
        row = len(cur)
        if row == n:
            solutions.append(cur)
            continue
        for c in range(n - 1, -1, -1):
            ok = True
            for r, cc in enumerate(cur):
                if cc == c or abs(cc - c) == row - r:
                    ok = False
                    break
            if ok:
                stack.append(cur + [c])
    return solutions
for n in range(1, 8):
    s = solve(n)
    print(n, len(s), s[0] if s else None)
