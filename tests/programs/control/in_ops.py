# Membership tests on list, tuple, str, dict, range.
lst = [1, 2.0, "three", (4,), [5], None]
for x in [1, 2, 3, "three", "thr", (4,), [5], 5, None, 1.0]:
    print(repr(x), x in lst, x not in lst)
print("ell" in "hello", "" in "", "lo" not in "hello", "H" in "hello")
d = {"a": 1, 2: "b"}
print("a" in d, 1 in d, 2 in d, "b" in d, "a" not in d)
r = range(0, 100, 7)
for x in [0, 7, 8, 98, 99, 100, -7, 14.0, 14.5]:
    print(x, x in r)
print(5 in range(10, 0, -1), 0 in range(10, 0, -1), 3 in range(3, 3), -5 in range(-1, -10, -2))
print(2 ** 70 in range(2 ** 71), 2 ** 70 + 1 in range(0, 2 ** 71, 2))
t = (1, (2, 3), "x")
print((2, 3) in t, 2 in t, "x" in t, [2, 3] in t)
