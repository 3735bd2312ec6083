# Iterating dicts: keys by default, items, values, and nested dicts.
inventory = {"apples": 3, "pears": 0, "plums": 12, "kiwis": 7}
for name in inventory:
    print(name, inventory[name])
total = 0
for count in inventory.values():
    total += count
print("total", total)
restock = []
for name, count in inventory.items():
    if count < 5:
        restock.append(name)
print(restock)
nested = {"x": {"a": 1, "b": 2}, "y": {}, "z": {"c": {"d": 4}}}
for outer, inner in nested.items():
    print(outer, len(inner), inner)
    for k in inner:
        print("  ", outer, k, inner[k])
print(nested["z"]["c"]["d"])
inv = {}
for k, v in inventory.items():
    inv[v] = k
print(inv)
print(sorted(inventory), sorted(inventory.items()), max(inventory), min(inventory.values()))
print(list(enumerate(inventory)), list(zip(inventory, inventory.values())))
