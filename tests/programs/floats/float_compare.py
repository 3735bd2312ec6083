# Float comparisons with ints, including big ints beyond float precision.
print(0.1 + 0.2 < 0.3, 0.1 + 0.2 > 0.3, 0.3 == 0.1 * 3)
print(1.0 == 1, 1.5 > 1, 2 ** 53 + 1 == float(2 ** 53), 2 ** 53 + 1 > float(2 ** 53))
print(10 ** 30 < 1e30, 10 ** 30 > 1e30, 10 ** 30 == int(1e30), int(1e30))
print(-(2 ** 63) == -9.223372036854775808e18, 2 ** 63 == 9.223372036854775808e18)
print(1e308 < 10 ** 309, float("inf") > 10 ** 1000, float("-inf") < -(10 ** 1000))
vals = [3, 2.5, -1, -1.5, 0, 0.0, 10 ** 20, 1e19]
for a in vals:
    row = []
    for b in vals:
        row.append(a < b)
    print(a, row)
print(sorted(vals), max(vals), min(vals))
print(0.0 == -0.0, 0 == -0.0, 1 / 3 == 0.3333333333333333)
