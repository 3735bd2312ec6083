# Nested loops with break/continue affecting only the inner loop.
for i in range(1, 5):
    line = ""
    for j in range(1, 5):
        if j == i:
            continue
        if i * j > 8:
            break
        line = line + str(i * j) + " "
    print(i, line)
count = 0
for a in range(1, 20):
    for b in range(a, 20):
        for c in range(b, 30):
            if a * a + b * b == c * c:
                print("triple", a, b, c)
                count += 1
print("count", count)
i = 0
while i < 3:
    j = 0
    while j < 3:
        if (i + j) % 2 == 0:
            print(i, j, "even")
        j += 1
    i += 1
found = None
for r in range(5):
    for c in range(5):
        if r * c == 6:
            found = (r, c)
            break
    if found is not None:
        break
print("found", found)
