# Slice assignment including resizing and extended slices with a step.
a = list(range(8))
a[1:3] = ["a", "b", "c", "d"]
print(a)
a[2:6] = []
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100, 200]
print(a)
a[3:3] = ["ins"]
print(a)
a[:] = [1, 2, 3]
print(a)
b = list(range(10))
b[::2] = ["e0", "e2", "e4", "e6", "e8"]
print(b)
b[1::3] = [None, None, None]
print(b)
b[::-1] = list(range(10))
print(b)
b[8:2:-2] = ["x", "y", "z"]
print(b)
c = [0] * 6
c[-2:] = "ab"
c[1:3] = (7, 8, 9)
print(c)
c[100:200] = [1]
c[-100:1] = ["head"]
print(c)
d = [1, 2, 3, 4, 5]
alias = d
d[1:4] = d
print(d, alias == d, len(alias))
e = list(range(6))
e[4:1] = ["nothing removed"]
print(e)
