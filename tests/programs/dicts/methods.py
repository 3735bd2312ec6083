# dict.get, items, keys, values, pop, setdefault.
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", 99))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print(d.pop("b"), d, d.pop("zz", "default"), d.pop("a", None), d)
print(d.setdefault("c", 100), d.setdefault("new", []), d)
d.setdefault("new", []).append(1)
d.setdefault("new", []).append(2)
print(d)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
for k in groups.keys():
    print(k, len(groups[k]), groups[k])
for v in groups.values():
    print(v[-1])
for k, v in groups.items():
    print(k, "=>", ",".join(v))
print("a" in groups.keys(), ["cherry"] in groups.values(), ("c", ["cherry"]) in groups.items())
print(len(groups.keys()), sorted(groups.keys(), reverse=True), sum({1: 10, 2: 20}.values()))
print(d.setdefault("x"), d)
