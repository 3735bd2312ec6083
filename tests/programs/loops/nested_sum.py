# Nested loops over ranges with an accumulator.
n = 150
total = 0
for i in range(n):
    for j in range(n):
        total += (i * j) % 7
print(total)
count = 0
i = 0
while i < 200:
    j = i
    while j < 200:
        if (i + j) % 3 == 0:
            count += 1
        j += 1
    i += 1
print(count)
tri = 0
for a in range(60):
    for b in range(a):
        for c in range(b):
            tri += 1
print(tri, 60 * 59 * 58 // 6)
