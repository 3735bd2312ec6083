# Multiplication overflowing int64 after thousands of iterations.
LIMIT = 2**63
k = LIMIT // 4000 + 1
total = 0
neg = 0
for i in range(6000):
    p = (i + 1) * k
    q = -(i + 1) * k
    total += p % 1000003
    neg += q % 1000003
    if i % 1000 == 0 or 3997 <= i <= 4000:
        print(i, p, p >= LIMIT, q, q < -LIMIT)
print("totals", total, neg)

# x * 3 kept small by a modulus, then allowed to grow without bound.
x = 1
for i in range(7000):
    if i < 5000:
        x = x * 3 % 1000003
    else:
        x = x * 3
    if i % 500 == 0 or 5035 <= i <= 5045:
        print(i, len(str(x)), x % 999983)
print("digits", len(str(x)), x % 1000000007)

# Products that land exactly on -2**63 (fits) or 2**63 (does not).
a = -(2**62)
s = 0
for i in range(5000):
    m = (i % 7) - 3
    r = a * m
    s += r
    if i < 7 or i % 1000 == 0:
        print(i, m, r, r == -LIMIT, r == LIMIT)
print("sum", s)

# Repeated squaring mod a big prime: intermediates exceed 2**63.
P = 2**61 - 1
y = 3
for i in range(4000):
    y = y * y % P
    if i % 500 == 0:
        print(i, y)
print("y", y)
