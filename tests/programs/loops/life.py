# Conway's game of life on a small torus.
W = 20
H = 10
grid = []
for y in range(H):
    grid.append([0] * W)
for x, y in [(1, 0), (2, 1), (0, 2), (1, 2), (2, 2), (10, 5), (11, 5), (12, 5)]:
    grid[y][x] = 1
def step(g):
    new = []
    for y in range(H):
        row = []
        for x in range(W):
            n = 0
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if dx != 0 or dy != 0:
                        n += g[(y + dy) % H][(x + dx) % W]
            if g[y][x] == 1 and (n == 2 or n == 3):
                row.append(1)
            elif g[y][x] == 0 and n == 3:
                row.append(1)
            else:
                row.append(0)
        new.append(row)
    return new
for gen in range(30):
    grid = step(grid)
    alive = 0
    for row in grid:
        alive += sum(row)
    print(gen, alive)
for row in grid:
    line = ""
    for c in row:
        line += "#" if c else "."
    print(line)
