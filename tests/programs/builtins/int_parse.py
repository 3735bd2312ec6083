# int() from floats, strings (whitespace, sign, underscores) and with a base.
for s in ["42", "-17", "+8", "  12  ", "\t-3\n", "0", "-0", "1_000_000", "007", "9" * 25]:
    print(repr(s), int(s))
for v in [3.7, -3.7, 0.9999, -0.1, 1e10, 2.5e20, True, False, 12]:
    print(v, int(v))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0o17", 0))
print(int("101", 2), int("0b101", 0), int("z", 36), int("Zz", 36), int("-10", 3), int(" 1_0 ", 2))
print(int("12", 10), int("0", 0), int("10", 0), int("-0x1F", 0), int("1" * 70, 2))
print(int(), int("  +0  "), int("-9223372036854775809"), int("18446744073709551616"))
n = int("123456789" * 4)
print(n, n + 1, type(n))
total = 0
for tok in "10 -3 +7 0x1 1_1".split():
    if tok.startswith("0x"):
        total += int(tok, 16)
    else:
        total += int(tok)
    print(tok, total)
