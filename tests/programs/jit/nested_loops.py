# Nested loops: the inner loop gets hot long before the outer one.
total = 0
for i in range(60):
    row = 0
    for j in range(200):
        row += (i * j) % 7
    total += row
    if i % 10 == 0:
        print(i, row, total)
print("rect", total)

# Triangular: the inner trip count grows (and is zero at the start).
tri = 0
for i in range(120):
    for j in range(i):
        tri += j ^ i
    if i % 20 == 0:
        print(i, tri)
print("tri", tri)

# Three levels with while loops and a float accumulator in the middle one.
a = 0
f = 0.0
i = 0
while i < 20:
    j = 0
    while j < 30:
        f += (i - j) * 0.125
        k = 0
        while k < j % 7:
            a += i * k - j
            k += 1
        j += 1
    i += 1
    if i % 5 == 0:
        print(i, a, f)
print("three", a, f)

# Inner loop over a list that the outer loop keeps extending.
xs = [1]
s = 0
for i in range(80):
    for x in xs:
        s = (s * 31 + x) % 1000000007
    xs.append(i * i % 97)
    if i % 16 == 0:
        print(i, len(xs), s)
print("grow", s)

# The same inner loop alternately run with int and float bounds data.
vals = [3, 2.5]
for i in range(200):
    v = vals[i % 2]
    for j in range(40):
        v = v * 1.5 - j if j % 2 else v + j
    vals[i % 2] = v % 1000
print("alt", vals)
