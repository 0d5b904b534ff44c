# A puzzle solver in the style of the hexiom benchmark, on a square grid:
# 9x9 number placement solved by constraint propagation (dicts of sets of
# candidates) and recursive search on the cell with fewest candidates.
# Argument 1: how many puzzles (variants of one grid, relabelled and with
# rows swapped within bands) are solved.
import sys

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 2

BASE = ("..3.2.6.." "9..3.5..1" "..18.64.." "..81.29.." "7.......8"
        "..67.82.." "..26.95.." "8..2.3..9" "..5.1.3..")
DIGITS = "123456789"
CELLS = [(r, c) for r in range(9) for c in range(9)]
UNITS = ([[(r, c) for c in range(9)] for r in range(9)]
         + [[(r, c) for r in range(9)] for c in range(9)]
         + [[(r, c) for r in range(br, br + 3) for c in range(bc, bc + 3)]
            for br in (0, 3, 6) for bc in (0, 3, 6)])
PEERS = {cell: set() for cell in CELLS}
for unit in UNITS:
    for cell in unit:
        PEERS[cell].update(unit)
for cell in CELLS:
    PEERS[cell].discard(cell)
# sets of tuples iterate in another order in P4JIT (docs/language.md): keep
# the propagation order fixed with sorted lists
PEERS = {cell: sorted(peers) for cell, peers in PEERS.items()}


class Contradiction(Exception):
    pass


class Board:
    def __init__(self, options=None):
        self.options = options if options is not None else {cell: set(range(1, 10)) for cell in CELLS}
        self.stats = {"assign": 0, "eliminate": 0}

    def copy(self):
        b = Board({cell: set(opts) for cell, opts in self.options.items()})
        b.stats = self.stats
        return b

    def assign(self, cell, digit):
        self.stats["assign"] += 1
        for other in sorted(self.options[cell] - {digit}):
            self.eliminate(cell, other)

    def eliminate(self, cell, digit):
        opts = self.options[cell]
        if digit not in opts:
            return
        opts.discard(digit)
        self.stats["eliminate"] += 1
        if not opts:
            raise Contradiction(cell)
        if len(opts) == 1:
            (only,) = opts
            for peer in PEERS[cell]:
                self.eliminate(peer, only)
        for unit in UNITS:
            if cell not in unit:
                continue
            places = [c for c in unit if digit in self.options[c]]
            if not places:
                raise Contradiction(digit)
            if len(places) == 1 and len(self.options[places[0]]) > 1:
                self.assign(places[0], digit)

    def solved(self):
        return all(len(v) == 1 for v in self.options.values())

    def text(self):
        return "".join(str(min(self.options[cell])) for cell in CELLS)


def search(board, depth=0):
    if board.solved():
        return board, depth
    cell = min((c for c in CELLS if len(board.options[c]) > 1),
               key=lambda c: (len(board.options[c]), c))
    for digit in sorted(board.options[cell]):
        trial = board.copy()
        try:
            trial.assign(cell, digit)
        except Contradiction:
            continue
        found = search(trial, depth + 1)
        if found:
            return found
    return None


def variant(k):
    perm = DIGITS[k % 9:] + DIGITS[:k % 9]
    relabel = {d: perm[i] for i, d in enumerate(DIGITS)}
    rows = [BASE[r * 9:r * 9 + 9] for r in range(9)]
    band = (k // 9) % 3
    rows[band * 3], rows[band * 3 + 1] = rows[band * 3 + 1], rows[band * 3]
    return "".join(relabel.get(ch, ch) for ch in "".join(rows))


def solve(grid):
    board = Board()
    for cell, ch in zip(CELLS, grid):
        if ch != ".":
            board.assign(cell, int(ch))
    return search(board)


checksum = 0
depths = []
stats = None
for k in range(COUNT):
    board, depth = solve(variant(k))
    depths.append(depth)
    text = board.text()
    for ch in text:
        checksum = (checksum * 7 + int(ch)) % 999983
    stats = board.stats
print("puzzles", COUNT, "checksum", checksum, "depths", depths[:5])
print("first row", text[:9], "stats", sorted(stats.items()))
