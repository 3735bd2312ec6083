# Longest Collatz chain below a bound.
def collatz_len(n):
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
best = 0
best_n = 0
for n in range(1, 3000):
    c = collatz_len(n)
    if c > best:
        best = c
        best_n = n
        print("new best", n, c)
print(best_n, best)
n = 27
path = [n]
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    path.append(n)
print(len(path), max(path), path[:10], path[-5:])
print(collatz_len(2 ** 100 + 1), collatz_len(837799))
