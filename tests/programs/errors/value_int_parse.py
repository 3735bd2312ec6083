# invalid literal for int() with base 10: 'abc'.
tokens = ["12", " 7 ", "-3", "1_000", "abc", "9"]
total = 0
print(int("ff", 16), int("-0"), int(" +5 "))
for t in tokens:
    total += int(t)
    print(repr(t), total)
print("unreachable", total)
print(int("9"))
print(int("8"))
