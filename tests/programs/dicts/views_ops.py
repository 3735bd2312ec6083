d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
print("a" in k, "z" in k, 2 in v, ("a", 1) in it, ("a", 2) in it)
d["d"] = 4
print(list(k), list(v), list(it))
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print({"b", "y"} & k, sorted(["z"] | k) if False else sorted({"z"} | k), sorted(it & {("a", 1), ("b", 0)}))
print(k == {"a", "b", "c", "d"}, k != {"a"}, it == {("a", 1), ("b", 2), ("c", 3), ("d", 4)})
print(sorted(k), sorted(v, reverse=True), max(k), min(v), sum(v), list(reversed(d)))
print(type(k).__name__, type(v).__name__, type(it).__name__, type(iter(k)).__name__, type(iter(v)).__name__, type(iter(it)).__name__)
total = 0
for key, val in d.items():
    total += len(key) * val
print(total)
