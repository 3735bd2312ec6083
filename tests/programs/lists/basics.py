# List creation, indexing, len, membership and printing.
a = [1, 2, 3]
b = []
c = [1, "two", 3.0, None, True, [4, 5], (6,), {"k": 7}]
print(a, b, c, len(a), len(b), len(c))
print(a[0], a[-1], c[5][1], c[6][0], c[7]["k"], c[-3])
print(2 in a, 5 in a, "two" in c, [4, 5] in c, 3 not in a, None in c)
a[1] = 20
a[-1] = a[0] + a[1]
print(a)
nested = [[1, 2], [3, [4, [5, []]]]]
print(nested, nested[1][1][1][0], len(nested[1][1]))
m = [0] * 5
m[2] = 9
print(m, [None] * 3, [[0] * 2] * 2, [] * 10)
grid = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
for i in range(3):
    for j in range(3):
        grid[i][j] = i * 3 + j
    print(grid[i])
print(grid)
alias = grid[0]
alias[0] = 99
print(grid[0], alias == grid[0], grid[0] == [99, 1, 2])
print(list(), list("ab"), list(range(4)), list((1, 2)), list({"x": 1, "y": 2}))
print(repr([]), str([1, [2]]), [[]], [[], []])
