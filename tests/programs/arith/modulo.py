# Modulo takes the sign of the divisor.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (6, 3), (-6, 3), (0, 4), (0, -4),
         (1, 100), (-1, 100), (1, -100), (-1, -100), (123456789, 1000)]
for p in pairs:
    a = p[0]
    b = p[1]
    q = a // b
    r = a % b
    print(a, b, q, r, q * b + r == a)
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(5 % 0.5, 1.0 % 0.1, -0.0 % 1.0, 3 % 2.5)
print(10 ** 25 % 9, -(10 ** 25) % 9, 10 ** 25 % -9, (2 ** 100) % (2 ** 64))
print(-(2 ** 100) % (2 ** 64 + 1))
n = 2 ** 70 + 12345
digits = []
while n > 0:
    digits.append(n % 10)
    n = n // 10
print(digits)
