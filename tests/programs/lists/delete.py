# del on list items, slices and extended slices.
a = list(range(12))
del a[0]
print(a)
del a[-1]
print(a)
del a[2:4]
print(a)
del a[::3]
print(a)
del a[::-2]
print(a)
del a[100:]
print(a)
del a[:]
print(a, len(a))
b = ["x", "y", "z", "w"]
i = 0
while i < len(b):
    if b[i] in "yw":
        del b[i]
    else:
        i = i + 1
    print(i, b)
c = [[1, 2], [3, 4]]
del c[0][1]
print(c)
del c[1][:]
print(c)
