# Matrix multiplication with nested lists.
def make(n, seed):
    m = []
    x = seed
    for i in range(n):
        row = []
        for j in range(n):
            x = (x * 31 + 7) % 101
            row.append(x - 50)
        m.append(row)
    return m
def mul(a, b):
    n = len(a)
    p = len(b[0])
    k = len(b)
    c = []
    for i in range(n):
        row = [0] * p
        for j in range(p):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            row[j] = s
        c.append(row)
    return c
a = make(40, 1)
b = make(40, 2)
c = mul(a, b)
print(c[0][:6], c[-1][-6:])
tr = 0
for i in range(40):
    tr += c[i][i]
print("trace", tr)
ident = []
for i in range(3):
    row = [0, 0, 0]
    row[i] = 1
    ident.append(row)
small = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
print(mul(small, ident) == small, mul(small, small))
p = ident
for k in range(10):
    p = mul(p, small)
print(p)
f = [[0.5, 0.25], [0.125, 1.0]]
print(mul(f, f), mul(mul(f, f), f))
