# Loops that break after a data-dependent number of iterations.
def collatz_steps(n):
    steps = 0
    while True:
        if n == 1:
            break
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

best = 0
best_n = 0
total = 0
for n in range(1, 3000):
    s = collatz_steps(n)
    total += s
    if s > best:
        best = s
        best_n = n
    if n % 500 == 0:
        print(n, s, total, best_n, best)
print("collatz", best_n, best, total)

# Search loop: break at the first j with j*j % n == r; sometimes j == 0.
found = 0
misses = 0
for n in range(2, 700):
    r = n % 10
    j = 0
    while j < n:
        if j * j % n == r:
            found += j
            break
        j += 1
    if j == n:
        misses += 1
print("search", found, misses)

# Break out of the inner of two loops on a condition that moves each round.
hits = []
for i in range(300):
    limit = (i * 37) % 101
    acc = 0
    for j in range(1000):
        acc += j
        if acc > limit * 10:
            break
    hits.append(j)
print("inner", sum(hits), hits[:10], hits[-5:])

# Break on the very first iteration of a hot loop, every time.
c = 0
for i in range(5000):
    for j in range(10):
        c += j + 1
        break
print("first", c)
