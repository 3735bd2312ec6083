# Truth values of builtin types used in if and while.
values = [0, 1, -1, 0.0, 0.5, -0.0, "", " ", "0", [], [[]], (), (0,), {}, {0: 0},
          None, True, False, range(0), range(3), 2 ** 100, float("nan")]
for v in values:
    if v:
        print(repr(v), "is truthy")
    else:
        print(repr(v), "is falsy")
items = [3, 2, 1]
while items:
    print("pop", items.pop())
s = "abc"
while s:
    print(s)
    s = s[1:]
n = 5
while n:
    n -= 2 if n > 1 else 1
    print("n", n)
print(bool([]), bool([0]), bool(""), bool("False"), bool(0.0), bool(-1e-300))
