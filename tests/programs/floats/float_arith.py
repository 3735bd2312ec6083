# Float arithmetic and accumulation error shows up in repr.
total = 0.0
for i in range(10):
    total = total + 0.1
    print(i, total)
print(total == 1.0, total)
x = 0.0
i = 0
while i < 100:
    x += 0.01
    i += 1
print(x)
print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25, 1.5 // 0.4, 1.5 % 0.4)
print(-1.5 // 0.4, -1.5 % 0.4, 2.5 ** 3, 2.0 ** -3, (-2.0) ** 3, 0.5 ** 0.5)
h = 1.0
for k in range(8):
    h = h * 1.1
    print(k, h, h * h, 1 / h)
a = 1e16
print(a + 1, a + 2, a + 1 - a, (a + 4) - a, 0.1 + 0.7, 3 * 0.1 - 0.3)
print(abs(-2.5), -(-2.5), +2.5, 10.0 - 9.9, 0.3 - 0.1)
