# Tuple comparison and hashing of ints, floats and tuples of ints.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100), () < (0,), (1, 2) == (1, 2))
print((1, "a") < (1, "b"), (0, 5) <= (0, 5), (1, 2.0) == (1, 2), (3, 4) != (3, 4))
pts = [(3, 1), (1, 2), (3, 0), (1, 1), (2, 5), (0, 9)]
print(sorted(pts), max(pts), min(pts), sorted(pts, reverse=True))
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100))
print(hash(1.0), hash(1.5), hash(-2.5), hash(0.0), hash(-0.0), hash(float("inf")), hash(float("-inf")))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, 2, 3)), hash((-1, -2)), hash(((1, 2), 3)))
print(hash(True), hash(False), hash((True, 0)) == hash((1, False)), hash(1e100), hash(0.1))
print(hash(12345678901234567890), hash(-(2 ** 64)), hash(10 ** 30), hash(1 / 3))
d = {}
d[(1, 2)] = "a"
d[(2, 1)] = "b"
d[1.0] = "float-one"
d[1] = "int-one"
print(d, d[(1, 2)], d[1.0])
