# del of names, list items, slices and dict keys.
a = 1
b = [1, 2, 3, 4, 5, 6]
c = {"x": 1, "y": 2, "z": 3}
del a
a = "rebound"
print(a)
del b[1], b[-1]
print(b)
del b[1:3]
print(b)
del c["y"]
print(c)
del c["x"], c["z"]
print(c, len(c))
g = 10
def drop_local():
    v = 5
    del v
    v = 6
    return v
print(drop_local(), g)
nested = {"k": [1, {"inner": 2, "keep": 3}]}
del nested["k"][1]["inner"]
print(nested)
del nested["k"][0]
print(nested)
for i in range(3):
    tmp = i * 2
    del tmp
print("loop done")
