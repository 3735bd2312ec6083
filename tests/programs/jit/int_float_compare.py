# Comparisons between ints and floats that must be exact (not via float).
P53 = 2**53
eq = 0
lt = 0
gt = 0
for i in range(6000):
    n = P53 + i % 5 - 2
    f = float(n)
    if n == f:
        eq += 1
    if n < f:
        lt += 1
    if n > f:
        gt += 1
    if i < 5:
        print(i, n, f, n == f, n < f, n > f, n - int(f))
print("p53", eq, lt, gt)

# Around 2**63: 9.223372036854775807e18 is 2**63 as a float.
F63 = 9.223372036854775807e18
c = [0, 0, 0]
for i in range(5000):
    n = 2**63 + i % 3 - 1
    c[0] += n == F63
    c[1] += n < F63
    c[2] += n > F63
print("p63", c, 2**63 == F63, 2**63 - 1 < F63, int(F63))

# Small ints against floats: equal values, and the loop counter compared to
# a float bound that changes after 3000 iterations.
same = 0
below = 0
bound = 2500
for i in range(6000):
    if i == i * 1.0:
        same += 1
    if i == 3000:
        bound = 3333.5
    if i < bound:
        below += 1
print("small", same, below)

# Huge ints against inf and big floats.
h = 0
for i in range(3000):
    big = 10 ** (i % 400)
    if big < 1e300:
        h += 1
    if big < float("inf"):
        h += 1
    if -big > -1e308:
        h += 1
print("huge", h, 10**400 > 1e308, 10**308 < 1e308, 10**308 == 1e308)
