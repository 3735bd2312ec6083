# Assignment forms: tuple/list unpacking, nested, swap, chained.
a, b, c = 1, 2, 3
print(a, b, c)
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
x, (y, z) = 1, (2, 3)
print(x, y, z)
(x, y), (z, w) = [(10, 20), "ab"]
print(x, y, z, w)
[p, [q, [r, s]]] = [1, [2, [3, 4]]]
print(p, q, r, s)
first, second = "hi"
print(first, second)
k, v = list({"only": 1}.items())[0]
print(k, v)
i = j = k = 0
i += 1
print(i, j, k)
lst = [0, 0, 0]
idx = 0
idx, lst[idx] = 2, "set"
print(idx, lst)
d = {}
d["a"], d["b"] = "A", "B"
print(d)
m = [[0, 0], [0, 0]]
m[0][1], m[1][0] = m[1][0] + 5, m[0][1] + 7
print(m)
arr = [5, 3, 8, 1]
arr[0], arr[3] = arr[3], arr[0]
print(arr)
n1, n2 = divmod(100, 7)
print(n1, n2)
for (aa, bb), cc in [((1, 2), 3), ((4, 5), 6)]:
    print(aa, bb, cc)
t = ()
e1 = []
() = t
[] = e1
print("empty unpack ok", t, e1)
