# Shortest paths on a weighted grid with a hand-written binary heap
# (Dijkstra), path reconstruction, and an A*-style comparison.


def heap_push(heap, item):
    heap.append(item)
    i = len(heap) - 1
    while i > 0:
        parent = (i - 1) // 2
        if heap[parent] <= heap[i]:
            break
        heap[parent], heap[i] = heap[i], heap[parent]
        i = parent


def heap_pop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    i = 0
    n = len(heap)
    while True:
        left = 2 * i + 1
        right = left + 1
        smallest = i
        if left < n and heap[left] < heap[smallest]:
            smallest = left
        if right < n and heap[right] < heap[smallest]:
            smallest = right
        if smallest == i:
            break
        heap[i], heap[smallest] = heap[smallest], heap[i]
        i = smallest
    return top


def make_grid(w, h, seed):
    grid = []
    x = seed
    for r in range(h):
        row = []
        for c in range(w):
            x = (x * 1103515245 + 12345) % 2147483648
            cost = 1 + (x >> 16) % 9
            if (x >> 8) % 11 == 0:
                cost = 0  # a wall
            row.append(cost)
        grid.append(row)
    grid[0][0] = 1
    grid[h - 1][w - 1] = 1
    return grid


def neighbors(grid, r, c):
    h = len(grid)
    w = len(grid[0])
    out = []
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < h and 0 <= nc < w and grid[nr][nc] > 0:
            out.append((nr, nc))
    return out


def shortest(grid, start, goal, heuristic):
    dist = {start: 0}
    prev = {}
    heap = [(heuristic(start, goal), 0, start)]
    pops = 0
    while heap:
        f, d, node = heap_pop(heap)
        pops += 1
        if node == goal:
            break
        if d > dist.get(node, 10**9):
            continue
        r, c = node
        for nb in neighbors(grid, r, c):
            nd = d + grid[nb[0]][nb[1]]
            if nd < dist.get(nb, 10**9):
                dist[nb] = nd
                prev[nb] = node
                heap_push(heap, (nd + heuristic(nb, goal), nd, nb))
    if goal not in dist:
        return None, [], pops
    path = [goal]
    while path[-1] != start:
        path.append(prev[path[-1]])
    path.reverse()
    return dist[goal], path, pops


def zero(a, b):
    return 0


def manhattan(a, b):
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


for size, seed in ((12, 1), (14, 7), (17, 2024)):
    grid = make_grid(size, size, seed)
    walls = sum([row.count(0) for row in grid])
    goal = (size - 1, size - 1)
    d1, path1, pops1 = shortest(grid, (0, 0), goal, zero)
    d2, path2, pops2 = shortest(grid, (0, 0), goal, manhattan)
    print("size", size, "walls", walls, "dist", d1, d2, "len", len(path1), "pops", pops1, pops2)
    print("  path start", path1[:6])
    if size == 12:
        marks = [["#" if grid[r][c] == 0 else "." for c in range(size)] for r in range(size)]
        for r, c in path1:
            marks[r][c] = "*"
        for row in marks:
            print("  " + "".join(row))

h = []
for v in [5, 3, 9, 1, 7, 2, 8, 2, 6]:
    heap_push(h, v)
print([heap_pop(h) for _ in range(9)])
