# i * i growing past 2**63: i crosses isqrt(2**63) = 3037000499 mid-loop.
LIMIT = 2**63
base = 3037000499 - 3000
total = 0
over = 0
for k in range(6000):
    i = base + k
    sq = i * i
    nsq = (-i) * i
    if sq >= LIMIT:
        over += 1
    total += sq % 1000003 - nsq % 999983
    if k % 1000 == 0 or 2999 <= k <= 3001:
        print(k, i, sq, sq - LIMIT, nsq, nsq < -LIMIT)
print("over", over, "total", total)

# Sum of squares of a growing loop counter.
s = 0
i = 0
while s < LIMIT * 4:
    s += i * i * 1000000
    i += 1
print("squares", i, s, s - LIMIT * 4)

# Doubling in an inner loop: crosses 2**63 by j == 62 in every outer iteration.
check = 0
for outer in range(100):
    y = outer + 1
    for j in range(70):
        y += y
        if j == 62 and outer % 25 == 0:
            print(outer, j, y, y >= LIMIT)
    check += y % 1000003
    if outer % 25 == 0:
        print(outer, y, y >> 70)
print("check", check)

# i ** 2 and i * i * i in a loop: the cube overflows much earlier.
c = 0
for i in range(2090000, 2100000, 7):
    c += i * i * i - i ** 2
print("cubes", c)
