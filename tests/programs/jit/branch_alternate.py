# Branches that alternate on every iteration, or with short periods.
even = 0
odd = 0
for i in range(10000):
    if i % 2 == 0:
        even += i
    else:
        odd -= i
    if i % 2000 == 1:
        print(i, even, odd)
print("alt2", even, odd, even + odd)

# Period 3 with three different operations and types.
acc = 0
for i in range(9000):
    r = i % 3
    if r == 0:
        acc = acc + i
    elif r == 1:
        acc = acc * 0.5
    else:
        acc = int(acc) - 7
    if i % 1500 == 0:
        print(i, r, acc)
print("alt3", acc)

# A boolean flag toggled every iteration, and bitwise tests.
flag = True
t = 0
f = 0
for i in range(7000):
    if flag:
        t += i & 255
    else:
        f += i | 1
    flag = not flag
    if i & 1023 == 0:
        print(i, flag, t, f)
print("flag", flag, t, f)

# Nested alternating conditions with and/or.
hits = [0, 0, 0, 0]
for i in range(8000):
    if i % 2 == 0 and i % 3 == 0:
        hits[0] += 1
    elif i % 2 == 0 or i % 5 == 0:
        hits[1] += 1
    elif not (i % 7):
        hits[2] += 1
    else:
        hits[3] += i % 4
print("nested", hits)
