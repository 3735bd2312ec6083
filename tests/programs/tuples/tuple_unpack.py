# Tuple packing and unpacking in assignments, loops and returns.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
m, (n, (o, s)) = 1, [2, (3, 4)]
print(m, n, o, s)
[u, v] = (7, 8)
print(u, v)
def divmod2(a, b):
    return a // b, a % b
q, rem = divmod2(17, 5)
print(q, rem, divmod2(-17, 5))
pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, name in pairs:
    print(num, name)
for i, (num, name) in enumerate(pairs):
    print(i, num, name[::-1])
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
a, b, c = range(3)
print(a, b, c)
a = b = c = (9, 9)
print(a, b, c, a == c)
fa, fb = 1, 1
for i in range(10):
    fa, fb = fb, fa + fb
print(fa, fb)
t = 1,
print(t)
