# A sudoku solver: constraint propagation of candidates plus backtracking
# search on the cell with the fewest candidates.

PUZZLES = [
    "530070000600195000098000060800060003400803001700020006060000280000419005000080079",
    "000000907000420180000705026100904000050000040000507009920108000034059000507000000",
]

ROWS = [[r * 9 + c for c in range(9)] for r in range(9)]
COLS = [[r * 9 + c for r in range(9)] for c in range(9)]
BOXES = [[(br * 3 + r) * 9 + bc * 3 + c for r in range(3) for c in range(3)]
         for br in range(3) for bc in range(3)]
UNITS = ROWS + COLS + BOXES
PEERS = []
for cell in range(81):
    ps = []
    for unit in UNITS:
        if cell in unit:
            for p in unit:
                if p != cell and p not in ps:
                    ps.append(p)
    PEERS.append(ps)

stats = {"guesses": 0, "backtracks": 0}


def parse(s):
    return [int(ch) for ch in s]


def candidates(grid, cell):
    used = [False] * 10
    for p in PEERS[cell]:
        used[grid[p]] = True
    return [d for d in range(1, 10) if not used[d]]


def propagate(grid):
    """Fill cells with a single candidate; return False on a contradiction."""
    changed = True
    while changed:
        changed = False
        for cell in range(81):
            if grid[cell] == 0:
                cands = candidates(grid, cell)
                if len(cands) == 0:
                    return False
                if len(cands) == 1:
                    grid[cell] = cands[0]
                    changed = True
    return True


def solve(grid):
    if not propagate(grid):
        return None
    best = -1
    best_cands = None
    for cell in range(81):
        if grid[cell] == 0:
            cands = candidates(grid, cell)
            if best_cands is None or len(cands) < len(best_cands):
                best, best_cands = cell, cands
                if len(cands) == 2:
                    break
    if best < 0:
        return grid
    for d in best_cands:
        stats["guesses"] += 1
        trial = grid[:]
        trial[best] = d
        result = solve(trial)
        if result is not None:
            return result
        stats["backtracks"] += 1
    return None


def valid(grid):
    for unit in UNITS:
        if sorted([grid[i] for i in unit]) != list(range(1, 10)):
            return False
    return True


def show(grid):
    lines = []
    for r in range(9):
        row = ""
        for c in range(9):
            row += str(grid[r * 9 + c])
            if c in (2, 5):
                row += "|"
        lines.append(row)
        if r in (2, 5):
            lines.append("---+---+---")
    return lines


for n, p in enumerate(PUZZLES):
    stats["guesses"] = 0
    stats["backtracks"] = 0
    grid = parse(p)
    given = len([v for v in grid if v])
    solved = solve(grid)
    print("puzzle", n, "givens", given, "valid", valid(solved))
    for line in show(solved):
        print("  " + line)
    print("  guesses", stats["guesses"], "backtracks", stats["backtracks"])
    print("  checksum", sum([solved[i] * (i + 1) for i in range(81)]))
