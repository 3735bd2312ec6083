# hash() of ints, floats and tuples of ints: equal numbers hash equal.
for v in [0, 1, -1, -2, 2 ** 20, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 40]:
    print(v, hash(v))
for v in [0.0, 0.5, -0.5, 1.0, 2.0 ** 61, 1e300, 1e-300, 3.141592653589793, float("inf")]:
    print(v, hash(v))
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 61 - 1) == hash(0), hash(-1) == hash(-2))
print(hash(0.5) == hash(0.5), hash(1.5), hash(-1.5), hash(2 ** 65 * 1.0) == hash(2 ** 65))
for t in [(), (0,), (1, 2), (2, 1), (1, (2, 3)), (-1,), (2 ** 70, -5), (1.5, 2)]:
    print(t, hash(t))
h = 0
for i in range(10):
    h = hash((h, i))
    print(i, h)
