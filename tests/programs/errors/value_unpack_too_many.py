# too many values to unpack (expected 2).
pairs = [(1, 2), (3, 4), (5, 6, 7)]
total = 0
for p in pairs:
    print("pair", p, len(p))
for a, b in pairs:
    total += a * b
    print(a, b, a + b, total)
print("unreachable")
print(total)
