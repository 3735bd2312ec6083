# not enough values to unpack (expected 3, got 2).
x, y, z = 1, 2, 3
print(x, y, z)
x, y, z = "abc"
print(x, y, z)
a, (b, c) = 1, [2, 3]
print(a, b, c)
point = (4, 5)
print(point)
x, y, z = point
print("unreachable")
