# Basic integer addition, subtraction and multiplication with all sign combinations.
values = [0, 1, -1, 7, -7, 12345, -98765]
for a in values:
    for b in [3, -3, 0]:
        print(a, b, a + b, a - b, a * b)
x = 10
y = -4
print(x + y, x - y, y - x, x * y, -x * -y)
print(-(-x), +y, -(+y), +(-y))
print(1 + 2 * 3, (1 + 2) * 3, 2 * 3 + 4 * 5, 10 - 3 - 2, 10 - (3 - 2))
print(2 ** 3 * 4, -2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2)
total = 0
i = 1
while i <= 10:
    total = total + i * i - i
    print(i, total)
    i = i + 1
print(True + True, True * 10, False - 1, -True)
