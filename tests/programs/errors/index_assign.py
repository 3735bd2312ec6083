# list assignment index out of range.
a = [0] * 3
for i in range(3):
    a[i] = i * 10
    print(i, a)
a[-1] = 99
a[-3] = -1
print(a)
b = a[:]
b.append(30)
print(b, b[3])
a[3] = 30
