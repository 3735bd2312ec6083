# Mixed int/float/bool arithmetic and the resulting types.
vals = [3, -2, 2.5, -0.5, True]
for a in vals:
    for b in vals:
        print(a, b, a + b, a - b, a * b, type(a + b))
print(2 ** 64 + 0.5, 2 ** 64 * 1.0, (2 ** 64) - 1.0, 10 ** 15 + 0.1)
print(1 + 1e-16 == 1, 1 + 1e-15 == 1)
print(int(3.9) + 0.1, 7 // 2 + 7 / 2, 7 % 2.5, abs(-3) + abs(-3.5))
acc = 0
for i in range(1, 8):
    acc = acc + i / 2
    print(i, acc, type(acc), acc == int(acc))
print(acc * 2, int(acc * 2), acc // 1, acc % 1)
