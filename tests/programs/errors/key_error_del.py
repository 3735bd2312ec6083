# KeyError from dict.pop without a default (after del and pop with default).
d = {1: "a", 2: "b", 3: "c"}
print(d.pop(1))
print(d.pop(4, "default"))
del d[2]
print(d)
d[5] = "e"
print(d, list(d.keys()))
print(d.setdefault(6, "f"), d)
d.pop(99)
print("unreachable")
