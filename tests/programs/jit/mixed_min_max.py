# min/max/sum/abs over mixed ints, floats and big ints in hot loops; the
# type of the result depends on which argument wins.
out = []
acc = 0
for i in range(6000):
    a = i % 10
    b = (i % 7) * 1.5
    c = 2**64 if i % 1000 == 999 else -i
    m = max(a, b, c)
    n = min(a, b, c)
    acc += m - n
    if i % 1000 == 0 or i % 1000 == 999:
        out.append((i, m, n, abs(c), abs(-b)))
print(out)
print("acc", acc)

# Ties: max/min return the first of equal values, whatever its type.
ties = []
for i in range(3000):
    x = i % 4
    y = x * 1.0
    if i % 997 == 0:
        ties.append((repr(max(x, y)), repr(max(y, x)), repr(min(x, y)), repr(min(y, x))))
print(ties)

# sum() of a list whose element types change.
xs = [1, 2, 3]
for i in range(4000):
    if i == 1000:
        xs.append(0.5)
    if i == 2000:
        xs.append(2**70)
    if i == 3000:
        xs = [int(x) for x in xs]
    s = sum(xs)
    if i % 500 == 0 or i in (999, 1000, 1999, 2000, 2999, 3000):
        print(i, s, sum(xs, 10), max(xs), min(xs))
    xs[0] += 1
print("xs", xs)
