# Dict creation, lookup, update, membership and insertion order.
d = {"one": 1, "two": 2, "three": 3}
print(d, len(d), d["two"], "one" in d, "four" in d, 1 in d, "four" not in d)
d["four"] = 4
d["one"] = 100
print(d)
e = {}
e[3] = "c"
e[1] = "a"
e[2] = "b"
e[1.0] = "A"
e[True] = "T"
print(e, len(e))
mixed = {1: "int", "1": "str", (1,): "tuple", None: "none", 2.5: "float", False: "bool"}
print(mixed, mixed[None], mixed[(1,)], mixed[0])
print({}, {"k": []}, {"k": {"n": {}}}, {1: (1,)}, {"a'": 'b"'})
counts = {}
for w in "a b a c b a d".split():
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts)
big = {2 ** 100: "big", -1: "neg", 0.5: "half"}
print(big[2 ** 100], big, 2 ** 100 in big)
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict([(1, 2)], z=3), dict({"q": 0}))
print(dict(zip("abc", range(3))), dict([[1, "one"], (2, "two")]))
print(d == {"one": 100, "two": 2, "three": 3, "four": 4}, {1: 2} == {1: 2.0}, {1: 2} != {2: 1})
