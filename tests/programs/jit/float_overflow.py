# Floats growing to inf, shrinking to 0, and nan comparisons in hot loops.
import math

x = 1.0
n = 0
while x != math.inf:
    x *= 1.5
    n += 1
    if n % 250 == 0 or n > 1748:
        print(n, x, x > 1e308)
print("inf after", n, x, -x, x - x == x - x)

y = 1.0
m = 0
while y > 0.0:
    y /= 2.0
    m += 1
    if m % 300 == 0 or m > 1070:
        print(m, y)
print("zero after", m, y)

# Repeated * 1e10 reaches inf quickly; done many times in an outer loop.
count = 0
for k in range(300):
    z = 1.0 + k
    steps = 0
    while z < math.inf:
        z = z * 1e10
        steps += 1
    count += steps
print("1e10", count, z)

# nan: every comparison is false except !=; max/min keep their first nan.
nan = math.inf - math.inf
lt = 0
eq = 0
ne = 0
for i in range(6000):
    v = nan if i % 1000 == 999 else i * 0.5
    if v < 100.0:
        lt += 1
    if v == v:
        eq += 1
    if v != v:
        ne += 1
print("nan", lt, eq, ne, nan == nan, nan != nan, max(nan, 1.0), max(1.0, nan))
print(min(nan, 2), min(2, nan), nan > 0, nan <= 0, abs(-nan), -math.inf < nan)

# int() of floats near the top of the range gives big ints.
big = 0
f = 1.0
for i in range(1020):
    f *= 2.0
    big += int(f) % 1000003
print("big", big, int(f * 0.5) > 2**1000, float(2**1000) == 2.0**1000)
