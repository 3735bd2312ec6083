# KeyError with a string key.
ages = {"ann": 31, "bob": 42}
for name in ["ann", "bob"]:
    print(name, ages[name])
print(ages.get("carol"), ages.get("carol", 0), "carol" in ages)
ages["dave"] = 25
print(ages)
for k, v in ages.items():
    print(k, v)
print(ages["carol"])
