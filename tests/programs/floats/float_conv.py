# Conversions between float, int and str.
for s in ["3.14", "  -2.5  ", "1e10", "1E-3", "+0.5", "-0", "12", "1_000.5", ".5", "5."]:
    print(repr(s), float(s))
for v in [3.99, -3.99, 0.5, -0.5, 1e20, -1e20, 2.0 ** 70, 123456789.999]:
    print(v, int(v))
print(float(7), float(-7), float(2 ** 70), float(10 ** 22), float(True), float(False))
print(str(1.0), str(2.5e-7), str(1e16), repr(100.0), str(float(10 ** 15)))
print(int(float("1e18")), int(1e18) == 10 ** 18, int(2.0 ** 63), int(-(2.0 ** 63)))
print(float(int("9" * 20)), float(2 ** 1023), int(9007199254740993.0))
print(int(-0.0), float("-0.0"), int("7") + float("0.25"))
