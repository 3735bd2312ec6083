# float() from str and int; str() of floats; float arithmetic through builtins.
for s in ["1", "1.5", " -2.25 ", "3e2", "-1E-2", "inf", "-inf", "nan", "1_0.0_1", "0.1", ".25", "6."]:
    f = float(s)
    print(repr(s), f, repr(f), str(f))
for n in [0, 1, -1, 2 ** 52, 2 ** 53 + 1, 2 ** 63, 10 ** 308, -(10 ** 20)]:
    print(n, float(n))
print(float(), float(True), float(-0.0), float("  7  "), float(3.0))
print(abs(float("-3.5")), max(float("1"), 0.5), sum([float("0.1")] * 3), round(float("2.675"), 2))
acc = 0.0
for part in "1.5 2.25 -0.125 1e3 1e-3".split():
    acc = acc + float(part)
    print(part, acc)
print(float("1" + "0" * 20), float("0." + "0" * 10 + "1"), float("-" + "9" * 17))
