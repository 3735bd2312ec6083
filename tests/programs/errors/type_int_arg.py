# int() argument must be a string, a bytes-like object or a real number, not 'list'.
print(int("5"), int(5.5), int(True))
print(int("  12  "), int("-3"))
values = ["1", 2.9, "3"]
total = 0
for v in values:
    total += int(v)
    print(v, total)
print(int([5]))
print("unreachable")
