# KeyError with a tuple key, raised inside nested calls.
grid = {(0, 0): "origin", (1, 0): "east"}
def lookup(x, y):
    return grid[(x, y)]
def describe(x, y):
    return "cell " + lookup(x, y)
print(describe(0, 0))
print(describe(1, 0))
print((0, 1) in grid, list(grid))
print(describe(0, 1))
