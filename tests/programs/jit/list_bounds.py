# List indexing near the bounds: negative indices and the last element.
n = 50
xs = [i * 3 + 1 for i in range(n)]
acc = 0
for i in range(10000):
    k = i % (2 * n) - n
    acc += xs[k] * (1 if k < 0 else -1)
    acc += xs[-1] - xs[len(xs) - 1] + xs[-n] - xs[0]
    if i % 1000 == 0 or i % 1000 == 99:
        print(i, k, xs[k], acc)
print("ring", acc)

# Index i - 1 wraps to the last element when i == 0.
prev = 0
for rnd in range(100):
    for i in range(n):
        prev = (prev + xs[i - 1] * xs[i]) % 1000003
print("wrap", prev)

# The last element changes while a loop keeps reading it.
ys = [0]
t = 0
for i in range(6000):
    if i % 3 == 0:
        ys.append(i)
    elif i % 3 == 1 and len(ys) > 1:
        ys.pop()
    t += ys[-1] - ys[-len(ys)]
    if i % 1000 == 0:
        print(i, len(ys), ys[-1], t)
print("last", t, len(ys))

# Slices at and beyond the bounds.
s = 0
for i in range(3000):
    a = i % (n + 10) - 5
    s += len(xs[a:]) + len(xs[:a]) + sum(xs[-3:]) + len(xs[a:a + 4])
print("slices", s)

# Subscript assignment with negative indices.
zs = [0] * 7
for i in range(7000):
    zs[-(i % 7) - 1] += i
print("assign", zs)
