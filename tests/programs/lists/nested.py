# Nested lists: building, mutating and printing structures.
tri = []
for i in range(6):
    row = []
    for j in range(i + 1):
        row.append(i * j)
    tri.append(row)
    print(row)
print(tri)
deep = [1]
cur = deep
for i in range(5):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
print(deep)
flat = []
stack = [deep]
while stack:
    item = stack.pop()
    for x in item:
        if isinstance(x, list):
            stack.append(x)
        else:
            flat.append(x)
print(flat, sorted(flat))
table = [["name", "qty"], ["apple", 3], ["pear", 0]]
for r in table:
    print(r[0], r[1], r)
table[2][1] += 7
table.append(["kiwi", 12])
print(table, len(table), table[-1][0][::-1])
