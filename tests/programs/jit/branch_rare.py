# A rarely taken branch: every 997th iteration (including iteration 0).
acc = 0
rare = 0
for i in range(20000):
    if i % 997 == 0:
        rare += 1
        acc = acc // 3 + rare
        print("rare", i, acc)
    else:
        acc += i % 13
print("done", acc, rare)

# The rare branch changes the type of the accumulator for one iteration.
x = 0
for i in range(15000):
    if i % 997 == 996:
        x = x / 4
    else:
        x = int(x) + 3
    if i % 997 == 996 or i % 997 == 0:
        if i < 3000 or i > 13000:
            print(i, x)
print("typed", x)

# A rare branch that makes a value huge, and another that shrinks it.
y = 1
for i in range(12000):
    if i % 997 == 500:
        y = y * 2**64
    elif i % 1009 == 700:
        y = y % 1000
    else:
        y += 1
    if i % 2000 == 0:
        print(i, y % 1000003, len(str(y)))
print("huge", y % 1000003, len(str(y)))

# A branch taken exactly once, late.
s = 0
for i in range(9000):
    if i == 8765:
        s = -s
        print("once", i, s)
    s += i
print("s", s)
