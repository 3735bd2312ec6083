# Values crossing the signed 64-bit boundary in both directions.
m = 2 ** 63 - 1
n = -(2 ** 63)
print(m, n)
print(m + 1, m + 2, n - 1, n - 2)
print(m * 2, n * 2, m * m, n * n, m * n)
print(-n, abs(n), n // -1, n * -1)
print((m + 1) - 1 == m, (n - 1) + 1 == n)
print(m + 1 - 2, n - 1 + 2)
print(type(m + 1), type((m + 1) - 1))
x = 2 ** 62
i = 0
while i < 4:
    x = x + 2 ** 61
    print(i, x, x > m)
    i = i + 1
while x > 2 ** 62:
    x = x - 2 ** 61
    print("down", x, x > m)
y = -(2 ** 62)
for k in range(4):
    y = y - 2 ** 61
    print(k, y, y < n)
print(m // 2, m % 1000, n // 3, n % 1000)
print(2 ** 64 - 1, (2 ** 64 - 1) // 2 ** 32, (2 ** 64) % 2 ** 32)
print(m + 1 == 2 ** 63, hash(m) == hash(m), m < m + 1 < m + 2)
print(9223372036854775807 + 9223372036854775807)
print(-9223372036854775808 - 9223372036854775808)
