# Subscript assignment and augmented assignment on lists and dicts.
grid = []
for r in range(3):
    grid.append([0] * 4)
for r in range(3):
    for c in range(4):
        grid[r][c] = r * 10 + c
print(grid)
grid[1][-1] += 100
grid[-1][0] -= 50
grid[0][2] *= grid[2][3]
print(grid)
d = {"x": [1, 2], "y": {"z": 0}}
d["x"][0] = "one"
d["y"]["z"] += 5
d["y"]["new"] = d["x"]
d["x"].append(3)
print(d)
counts = [0] * 5
for v in [1, 3, 3, 4, 0, 1, 3]:
    counts[v] += 1
print(counts)
s = [1, 2, 3]
s[0] **= 10
s[1] <<= 3
s[2] //= 2
s[-1] |= 6
s[-2] %= 7
print(s)
cube = {}
for i in range(4):
    cube[i] = i ** 3
    cube[i] -= i
print(cube)
