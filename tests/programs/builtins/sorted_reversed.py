# sorted (reverse=) and reversed on lists, tuples, strings, ranges and dicts.
data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
print(list(reversed(data)), list(reversed((1, 2, 3))), list(reversed("abc")), list(reversed(range(5))))
print(list(reversed(range(0, 10, 3))), list(reversed([])), "".join(reversed("stressed")))
d = {"one": 1, "two": 2, "three": 3}
print(sorted(d), sorted(d.values()), sorted(d.items()), list(reversed(sorted(d))))
for x in reversed(range(3)):
    print("rev", x)
for x in reversed(["a", "b"]):
    print("rev", x)
print(sorted("Hello World"), sorted([3.5, -1, 2, 0.0, -0.5], reverse=True))
print(sorted([(1, "b"), (1, "a"), (0, "z")], reverse=True), sorted(["b", "A", "a", "B"]))
