# Branches whose direction changes after thousands of iterations.
a = 0
b = 0.0
taken = [0, 0]
for i in range(10000):
    if i < 5000:
        a += i
        taken[0] += 1
    else:
        a -= i // 2
        b += i * 0.5
        taken[1] += 1
    if i % 1000 == 0 or 4999 <= i <= 5001:
        print(i, a, b, taken)
print("flip", a, b, taken)

# Direction changes every 2500 iterations.
c = 0
for i in range(10000):
    if (i // 2500) % 2 == 0:
        c = c * 3 + i
        c = c % 65537
    else:
        c = c - i * 2
        if c < 0:
            c = -c
    if i % 1250 == 0 or i % 2500 == 2499:
        print(i, c)
print("periodic", c)

# Flips right after the first iteration, and a condition that depends on data.
d = 0
x = 1
for i in range(8000):
    if i < 1:
        d = 100
    elif x % 2 == 0:
        d += x
    else:
        d -= 1
    x = (x * 5 + 3) % 1024
    if i % 1000 == 0:
        print(i, d, x)
print("data", d, x)

# Comparison of a growing value against a threshold inside a while loop.
v = 1
n = 0
while n < 9000:
    if v > 10**12:
        v = v // 1000 + n
    else:
        v = v * 3 + 1
    n += 1
    if n % 1500 == 0:
        print(n, v)
print("while", v, n)
