# list(), tuple(), dict() from various iterables and keywords.
print(list(), list([1, 2]), list((3, 4)), list("xy"), list(range(3)), list({"a": 1, "b": 2}))
print(list({"a": 1}.items()), list({"a": 1}.values()), list(reversed("ab")), list(enumerate("ab")))
print(tuple(), tuple([1, [2]]), tuple("ab"), tuple(range(2, 5)), tuple(zip("ab", "cd")))
print(dict(), dict(a=1), dict([("k", "v"), ("k2", "v2")]), dict([("dup", 1), ("dup", 2)]))
print(dict(zip(["x", "y"], [1, 2])), dict({"copy": True}), dict([(1, 2)], one=1), dict(enumerate("ab")))
src = [1, 2, 3]
cp = list(src)
cp.append(4)
print(src, cp, list(cp) == cp)
orig = {"a": [1]}
dc = dict(orig)
dc["b"] = 2
dc["a"].append(2)
print(orig, dc)
pairs = []
for i in range(4):
    pairs.append((str(i), i * i))
print(dict(pairs), tuple(pairs[1]), list(dict(pairs).keys()))
