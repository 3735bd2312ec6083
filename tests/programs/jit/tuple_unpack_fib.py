# Tuple unpacking in hot loops; Fibonacci kept small by a modulus, then
# allowed to grow past 2**63 (fib(93)) and far beyond.
a, b = 0, 1
for i in range(10000):
    a, b = b, (a + b) % 1000000007
    if i % 2000 == 0:
        print(i, a, b)
print("mod", a, b)

a, b = 0, 1
for i in range(1, 400):
    a, b = b, a + b
    if i % 50 == 0 or 91 <= i <= 94:
        print(i, a, a > 2**63 - 1)
print("digits", len(str(a)), a % 1000003)

# Swap of values of different types, and nested unpacking.
x, y = 1, 2.5
for i in range(5001):
    x, y = y, x
print("swap", x, y)

pairs = [(i, (i * 2, i * 0.5)) for i in range(50)]
s = 0
t = 0.0
for rnd in range(100):
    for p in pairs:
        k, (d, h) = p
        s += k * d
        t += h
print("nested", s, t)

# divmod unpacking with quotient and remainder swapped each round.
q, r = 10**6, 7
for i in range(5000):
    q, r = divmod(q * 31 + r, 1000003)
    q, r = r, q
print("divmod", q, r)
