# Floor division rounds toward negative infinity for every sign combination.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (0, -5),
         (1, 10), (-1, 10), (1, -10), (-1, -10), (100, 7), (-100, 7)]
for p in pairs:
    a = p[0]
    b = p[1]
    print(a, "//", b, "=", a // b)
print(7.0 // 2, -7.0 // 2, 7 // -2.0, -7.5 // 2, 7.5 // -2)
print(1 // 0.3, -1 // 0.3)
big = 10 ** 30
print(big // 7, -big // 7, big // -7, -big // -7)
print(big // (10 ** 29), (-big) // (10 ** 29 + 1))
print(2 ** 64 // 3, -(2 ** 64) // 3)
x = 1000
steps = 0
while x != 0:
    x = x // -3
    steps = steps + 1
    print(steps, x)
    if steps > 20:
        break
