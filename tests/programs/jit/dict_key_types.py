# Dicts in hot loops: values change type, and equal keys of different types
# (1, 1.0, True) are the same key.
counts = {}
for i in range(9000):
    k = i % 10
    if i >= 3000:
        k = k * 1.0
    if i >= 6000 and k == 1:
        k = True
    counts[k] = counts.get(k, 0) + 1
    if i % 1500 == 0:
        print(i, repr(k), counts)
print("counts", counts)

# Values turn from ints to floats to strs; get() with a default of each type.
d = {"a": 0, "b": 0}
for i in range(7000):
    key = "a" if i % 2 == 0 else "b"
    v = d[key]
    if i == 2000:
        v = v + 0.5
    if i == 4000:
        d["c"] = "x"
    if isinstance(v, str):
        d[key] = v[:3] + "y"
    else:
        d[key] = v + i % 3
    c = d.get("c", 0)
    z = d.get("z", None)
    if i % 1000 == 0 or i in (1999, 2000, 2001, 4000):
        print(i, d, repr(c), z)
print("d", d)

# Keys that are big ints and negative numbers, and a tuple key.
big = {}
tup = {}
for i in range(5000):
    k = (i % 7) * 2**64 - 3 if i % 2 else -(i % 5)
    big[k] = big.get(k, 0) + i
    tup[(i % 3, i % 2)] = i
print(len(big), sorted(big.items())[:4], big)
print(tup, tup[(2, 1)])
