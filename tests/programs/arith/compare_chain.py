# Comparison operators and chained comparisons across int, float and bool.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 <= 1 <= 1, 1 < 1 <= 2)
print(1 == 1.0, 1 != 1.0, 0 == -0.0, True == 1, False == 0, True == 1.0)
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 20 == 1e20, 10 ** 23 == 1e23, 10 ** 400 > 1e308, -(10 ** 400) < -1e308)
print(0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, 0.5 + 0.25 == 0.75)
a = 5
print(0 < a < 10, 0 < a < 3, a == 5 == 5.0, 1 < a != 6, a > 4 >= 4 > 3)
print(-1 < 0 < 1 < 2 < 3 < 4 < 5, 5 > 4 > 3 > 2 > 1 > 6)
calls = 0
def val(x):
    global calls
    calls = calls + 1
    print("eval", x)
    return x
print(val(1) < val(2) < val(3))
print(val(3) < val(2) < val(1))
print("calls", calls)
for x in [-2, 0, 3, 7, 10]:
    if 0 <= x < 5:
        print(x, "low")
    elif 5 <= x <= 9:
        print(x, "mid")
    else:
        print(x, "out")
print(3 < 4.5, 4.5 < 4, -1.5 > -2, 2 ** 63 > 9.2e18, 2 ** 63 < 9.3e18)
