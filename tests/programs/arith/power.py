# Exponentiation: int ** int, negative exponents, floats, pow() with modulus.
for base in [2, -2, 3, -3, 10, 0, 1, -1]:
    print(base, base ** 0, base ** 1, base ** 2, base ** 3, base ** 5)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3, 4 ** -0.5)
print(2 ** 0.5, 9 ** 0.5, 2.0 ** 10, (-8) ** 3, 0 ** 0, 0.0 ** 0)
print(2 ** 62, 2 ** 63, 2 ** 64, -(2 ** 63), (-2) ** 63, (-2) ** 64)
print(2 ** 100)
print(3 ** 80)
print(7 ** 41)
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2, 100, 1000007), pow(-3, 3, 7))
print(pow(7, 0, 13), pow(12345, 6789, 10 ** 9 + 7), pow(2.0, 3), pow(-2, 3))
print(1.5 ** 2, 10.0 ** -2, 2 ** 10.0, (-1) ** 100, (-1) ** 101)
x = 1
k = 0
while k < 70:
    x = x * 3
    k = k + 7
    print(k, x, 3 ** k == x ** 1)
