# A recursive function whose recursion depth grows on each loop iteration.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

total = 0
for i in range(700):
    d = depth(i)
    total += d
    if i % 100 == 0 or i == 699:
        print(i, d, total)
print("total", total)

# Recursion that sums a list slice by slice; lists grow every iteration.
def rsum(xs, k):
    if k == len(xs):
        return 0
    return xs[k] + rsum(xs, k + 1)

xs = []
acc = 0
for i in range(500):
    xs.append(i if i % 3 else i * 0.5)
    acc += rsum(xs, 0)
    if i % 100 == 0 or i == 499:
        print(i, len(xs), acc)
print("acc", acc)

# Power by recursion, the result crossing 2**63 as depth grows.
def rpow(b, e):
    if e == 0:
        return 1
    return b * rpow(b, e - 1)

for e in range(0, 300):
    p = rpow(3, e)
    if e % 20 == 0 or 38 <= e <= 41:
        print(e, p % 1000003, p > 2**63)
