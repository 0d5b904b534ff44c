# N queens with generators and sets: a recursive generator yields every
# placement; the solutions are reduced to classes under the board's
# symmetries with a set of canonical tuples. Argument 1: the board size.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 6


def placements(n, row=0, cols=frozenset(), up=frozenset(), down=frozenset(), so_far=()):
    if row == n:
        yield so_far
        return
    for c in range(n):
        if c in cols or (row + c) in up or (row - c) in down:
            continue
        yield from placements(n, row + 1, cols | {c}, up | {row + c}, down | {row - c}, so_far + (c,))


def symmetries(sol):
    n = len(sol)
    cells = {(r, c) for r, c in enumerate(sol)}
    forms = []
    for _ in range(4):
        cells = {(c, n - 1 - r) for r, c in cells}
        forms.append(cells)
        forms.append({(r, n - 1 - c) for r, c in cells})
    for form in forms:
        yield tuple(c for r, c in sorted(form))


def canonical(sol):
    return min(symmetries(sol))


def count_pairs(solutions):
    """How many column values each first-row choice leads to (a dict of sets)."""
    seen = {}
    for s in solutions:
        seen.setdefault(s[0], set()).add(s[-1])
    return {k: len(v) for k, v in sorted(seen.items())}


sols = list(placements(N))
classes = {canonical(s) for s in sols}
print("n", N, "solutions", len(sols), "distinct", len(classes))
print("first", sols[0] if sols else None)
print("last", sols[-1] if sols else None)
print("canonical", sorted(classes)[:3])
print("pairs", count_pairs(sols))
print("lazy", next(placements(N), None))
