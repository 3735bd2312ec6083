# repr switches to exponent notation at 1e16 and below 1e-4.
v = 1.0
for i in range(25):
    print(i, v, -v)
    v = v * 10
w = 1.0
for i in range(10):
    w = w / 10
    print(-i - 1, w, w * 3)
print(1.234e20, 1.234e-20, 9.99e15, 9.99e16, 5e-5, 5e-4)
print(1e200 * 1e100, 1e-200 * 1e-100, 1e-300 / 1e10, 4.9e-324, 1e-323)
print(12345678.9, 123456789.123, 0.1 ** 10, 2.0 ** 60, 2.0 ** -20)
