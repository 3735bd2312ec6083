# A variable holding an int turns into a str, then None, then an int again.
def describe(v):
    if v is None:
        return "none"
    if isinstance(v, str):
        return "str" + str(len(v))
    return "int" + str(v % 7)

v = 0
counts = {}
acc = 0
for i in range(8000):
    if i == 1:
        v = None
    elif i == 2:
        v = 5
    elif i == 2000:
        v = "s"
    elif i == 4000:
        v = None
    elif i == 6000:
        v = 10
    if v is None:
        acc += 1
    elif isinstance(v, str):
        v = v + "ab" if len(v) < 50 else "s"
        acc += len(v)
    else:
        v = v + i
        acc += v % 1000
    d = describe(v)
    counts[d[:3]] = counts.get(d[:3], 0) + 1
    if i % 1000 == 0 or i in (1, 2, 3, 1999, 2001, 3999, 4001, 5999, 6001):
        print(i, repr(v), d, acc)
print(counts)

# Same name used as a number and as a string within one iteration.
out = 0
for i in range(3000):
    t = i * 7
    t = str(t)
    t = len(t) + int(t[-1])
    out += t
    if i % 500 == 499:
        print(i, t, out)
print("out", out)
