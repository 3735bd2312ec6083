# Conway's Game of Life on a torus: gliders, a blinker and a pulsar, with
# population counts and a checksum per generation.


def make(w, h):
    return [[0] * w for _ in range(h)]


def place(grid, pattern, top, left):
    for r, line in enumerate(pattern):
        for c, ch in enumerate(line):
            if ch == "#":
                grid[top + r][left + c] = 1


def step(grid):
    h = len(grid)
    w = len(grid[0])
    new = make(w, h)
    for r in range(h):
        up = grid[(r - 1) % h]
        row = grid[r]
        down = grid[(r + 1) % h]
        for c in range(w):
            left = (c - 1) % w
            right = (c + 1) % w
            n = (up[left] + up[c] + up[right] + row[left] + row[right]
                 + down[left] + down[c] + down[right])
            if n == 3 or (n == 2 and row[c]):
                new[r][c] = 1
    return new


def population(grid):
    return sum([sum(row) for row in grid])


def checksum(grid):
    s = 0
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v:
                s = (s * 31 + r * 64 + c) % 1000000007
    return s


def render(grid):
    return ["".join(["#" if v else "." for v in row]) for row in grid]


GLIDER = [".#.", "..#", "###"]
BLINKER = ["###"]
PULSAR = [
    "..###...###..",
    ".............",
    "#....#.#....#",
    "#....#.#....#",
    "#....#.#....#",
    "..###...###..",
    ".............",
    "..###...###..",
    "#....#.#....#",
    "#....#.#....#",
    "#....#.#....#",
    ".............",
    "..###...###..",
]

grid = make(32, 24)
place(grid, GLIDER, 1, 1)
place(grid, GLIDER, 5, 20)
place(grid, BLINKER, 20, 5)
place(grid, PULSAR, 10, 18)
history = []
for gen in range(24):
    if gen % 6 == 0:
        print("gen", gen, "pop", population(grid), "sum", checksum(grid))
    history.append(checksum(grid))
    grid = step(grid)
for line in render(grid)[:12]:
    print(line)
seen = {}
for h in history:
    seen[h] = True
print("final pop", population(grid), "distinct states", len(seen))

small = make(8, 8)
place(small, BLINKER, 3, 2)
period = []
for i in range(4):
    period.append(render(small)[3])
    small = step(small)
print(period)
