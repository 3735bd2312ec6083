# round(): banker's rounding, ndigits (positive/negative), int results.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.5, 5.5, 0.49999999999999994]:
    print(v, round(v), type(round(v)))
for v in [2.675, 2.665, 1.005, 0.125, 0.375, 3.14159, -3.14159, 1234.5678]:
    print(v, round(v, 0), round(v, 1), round(v, 2), round(v, 3))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(round(15, -1), round(25, -1), round(35, -1), round(-25, -1), round(123456, -3))
print(round(7), round(-7), round(7, 2), round(2 ** 70 + 1, -5), round(True))
print(round(1e20), round(1e16 + 1), round(2.5e-5, 5), round(1.0e300, 2))
print(round(0.1 + 0.2, 10), round(1 / 3, 5), round(-1 / 3, 5), round(2 / 3, 15))
x = 0.0
for i in range(6):
    x = x + 0.05
    print(i, x, round(x, 1), round(x, 2))
