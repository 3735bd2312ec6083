# True division always produces a float, even for ints.
print(7 / 2, -7 / 2, 6 / 3, -6 / 3, 1 / 3, 2 / 3, -1 / 3)
print(1 / 7, 22 / 7, 10 / 4, 0 / 5, 0 / -5)
print(type(6 / 3), 6 / 3 == 2)
print(10 ** 20 / 10 ** 10, 2 ** 64 / 2, 2 ** 53 / 3)
print(1 / 2 ** 10, 3 / 1024, 1 / 1000000)
print(10 ** 300 / 10 ** 299)
print((2 ** 1000) / (2 ** 999), (10 ** 400) / (10 ** 399))
print(7.0 / 2, 7 / 2.0, -0.5 / 4, 1e300 / 1e-10)
a = 1
i = 0
while i < 8:
    a = a / 3
    print(i, a)
    i = i + 1
print(1 / 3 + 1 / 3 + 1 / 3 == 1.0, 0.1 * 3 / 3)
