# Floor division and modulo with negative operands, ints and floats, in loops.
s1 = 0
s2 = 0
s3 = 0
for i in range(-5000, 5000):
    a = i // 7
    b = i % 7
    c = i // -7
    d = i % -7
    q, r = divmod(i, -3)
    s1 += a * 3 + b
    s2 += c * 5 - d
    s3 += q + r * 11
    if i % 1250 == 0:
        print(i, a, b, c, d, q, r)
print("ints", s1, s2, s3)

f1 = 0.0
f2 = 0.0
for i in range(-4000, 4000):
    x = i * 0.5
    f1 += x // 3 + x % -2.5
    f2 += (-x) // 0.75 - (-x) % 1.25
    if i % 1000 == 0:
        print(i, x // 3, x % -2.5, (-x) // 0.75, (-x) % 1.25, divmod(x, -4.0))
print("floats", f1, f2)

# Big ints and mixed int/float operands.
g = 0
for i in range(-3000, 3000):
    big = i * 2**70 + 12345
    g += big // -7 + big % 1000003 - (big % -11)
    if i % 1000 == 0:
        print(i, big // -7, big % -11, divmod(big, 2**64)[1])
print("big", g)

h = 0.0
for i in range(-2000, 2000):
    h += i // 2.0 + (i * 3) % 4.5 + divmod(-i, 3)[0] / 3
print("mixed", h)

# The divisor's sign flips mid-loop.
t = 0
for i in range(8000):
    den = 9 if i < 4000 else -9
    t += (i * 13) // den + (i * 13) % den
print("flip", t)
