# Edge cases at -2**63 in a hot loop: negation, abs, // -1, % -1, divmod,
# and products of -1 (all overflow a 64-bit machine integer).
MIN = -2**63
acc = 0
for i in range(6000):
    x = MIN + i % 4
    d = -1 if i % 2 == 0 else 1
    q = x // d
    r = x % d
    n = -x
    a = abs(x)
    p = x * d
    acc += (q + r + n + a + p) % 1000003
    if i < 6 or i % 1000 == 0:
        print(i, x, q, r, n, a, p, divmod(x, d))
print("acc", acc)

# Counting down through MIN with a step of 1, from int64 into big ints.
y = MIN + 3000
for i in range(6000):
    y -= 1
    if 2998 <= i <= 3001:
        print(i, y, y // -1, y - MIN, -y - 1)
print("y", y, y == MIN - 3000)

# Subtraction overflow: MAX - (-k) and MIN - k.
MAX = 2**63 - 1
s = 0
for k in range(5000):
    u = MAX - (-(k % 3))
    v = MIN - (k % 3)
    s += u + v
    if k < 4 or k % 1000 == 0:
        print(k, u, v)
print("s", s)

# Left shift overflow and right shifts of negatives.
t = 0
for i in range(7000):
    sh = i % 70
    b = 1 << sh
    c = -(1 << sh) >> (i % 5)
    t += (b ^ c) % 1000003
    if i < 3 or i % 70 in (62, 63, 64) and i < 300:
        print(i, sh, b, c, b & -b, ~b)
print("t", t)
