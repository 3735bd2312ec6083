d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 9), d)
print(d.pop("a"), d.pop("zz", None), d.pop("zz", "dflt"), d)
d.update({"x": 1})
d.update([("y", 2)], z=3)
d.update(w=0)
d.update({"b": 20}.items())
print(d)
print(d.popitem(), d.popitem(), d)
e = d.copy()
e["new"] = 1
print(d, e)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), {}.fromkeys(range(3), "x"))
shared = dict.fromkeys("ab", [])
shared["a"].append(1)
print(shared)
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({1: 2}, x=3), dict(zip("ab", [1, 2])), dict(), dict([]))
print(dict([["k", "v"], "xy"]), dict({}.items()))
m = {1: "a"}
m |= {2: "b"}
m |= [(3, "c")]
print(m, {1: 2} | {1: 3, 4: 5}, {} | {})
m.clear()
print(m, len(m))
d = {i: i * i for i in range(8)}
del d[2]
del d[5]
d[2] = "back"
print(d, list(d), list(d.values())[:3])
k = {}
k[(1, 2)] = "t"
k[1.0] = "f"
k[1] = "i"
k[True] = "b"
k[frozenset([1])] = "fs"
k[None] = "n"
print(k, k[1], k[frozenset({1})])
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: [1]} == {1: [1]})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, {x: [y for y in range(x)] for x in range(4)}, {c: ord(c) for c in "hey" if c != "e"})
nested = {}
for word in "one two three four five six".split():
    nested.setdefault(len(word), []).append(word)
print(nested)
