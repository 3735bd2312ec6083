# Arbitrary-precision integers: arithmetic well beyond 64 bits.
a = 2 ** 100
b = 3 ** 60
print(a)
print(b)
print(a + b, a - b, b - a)
print(a * b)
print(a // b, a % b, -a // b, -a % b)
print(a * a * a)
print(-a, abs(-a), -(-a) == a)
c = 123456789012345678901234567890
d = 987654321098765432109876543210
print(c + d, d - c, c * d)
print(d // c, d % c, divmod(d, c))
print(c < d, c == c + 0, a > b, -a < -b, a == 2 ** 100)
print(len(str(2 ** 1000)), str(2 ** 200)[:20], str(2 ** 200)[-10:])
print(10 ** 40 - 1, -(10 ** 40) + 1)
print(int("1" * 50) + 1)
x = 1
i = 0
while i < 12:
    x = x * 1000003
    print(i, x)
    i = i + 1
