# Error inside a nested loop body after several iterations.
table = [[1, 2], [3, 4], [5, 0], [7, 8]]
total = 0
for r in range(len(table)):
    row = table[r]
    print("row", r, row)
    for cell in row:
        total += 60 // cell
        print("  cell", cell, "inverse", 60 // cell, "total", total)
print("unreachable", total)
