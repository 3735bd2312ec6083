# -0.0 produced and consumed in hot loops.
import math

a = 0.0
b = -0.0
neg = 0
for i in range(5000):
    z = -(i % 3) * 0.0
    w = (i % 3) * -0.0
    a = a + z
    b = b + w
    if math.atan2(w, -1.0) < 0:
        neg += 1
    if i % 1000 == 0 or i < 3:
        print(i, z, w, a, b, z == 0.0, str(w))
print("sums", a, b, neg)

c = -0.0
for i in range(4000):
    c = c * 1.0
print("kept", c, abs(c), -c, c + 0, 0 + c, c - 0.0, 0.0 - c)
print(min(0.0, -0.0), min(-0.0, 0.0), max(0.0, -0.0), max(-0.0, 0.0))

# Floor division and modulo of -0.0 and tiny values.
r = []
for i in range(3000):
    v = -0.0 if i % 2 else 0.0
    d = i % 5 - 2
    if d == 0:
        continue
    q = v // d
    m = v % d
    if i < 12 or i % 1000 < 4:
        r.append((i, q, m))
print(r)

# Multiply by a small negative until the value underflows to -0.0 and 0.0.
t = 1.0
k = 0
while t != 0.0:
    t *= -1e-5
    k += 1
print("underflow", k, t, math.atan2(t, -1.0))

# round-trip through int and str.
s = 0
for i in range(2000):
    v = -0.0 * i
    s += int(v) + len(str(v)) + len(repr(float(str(v))))
print("strs", s)
