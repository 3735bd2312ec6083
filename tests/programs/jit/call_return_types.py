# A function returning values of different types depending on its input.
def pick(i):
    if i < 2000:
        return i * 2
    if i < 4000:
        return i / 4
    if i % 13 == 0:
        return None
    if i % 17 == 0:
        return str(i)
    if i % 19 == 0:
        return (i, i + 1)
    if i % 23 == 0:
        return i * 2**64
    return i % 7 == 0

counts = {}
acc = 0
for i in range(8000):
    r = pick(i)
    if r is None:
        kind = "none"
        acc -= 1
    elif isinstance(r, str):
        kind = "str"
        acc += len(r)
    elif isinstance(r, tuple):
        kind = "tuple"
        a, b = r
        acc += a * b % 1000
    elif isinstance(r, bool):
        kind = "bool"
        acc += r
    elif isinstance(r, float):
        kind = "float"
        acc += r
    else:
        kind = "int"
        acc += r % 1000003
    counts[kind] = counts.get(kind, 0) + 1
    if i % 1000 == 0 or i in (1999, 2000, 3999, 4000, 4001, 4002):
        print(i, kind, repr(r), acc)
print(counts)
print("acc", acc)

# The same call site used in arithmetic directly: int, then float, then bool.
def half(n, exact=False):
    if exact:
        return n % 2 == 0
    return n // 2 if n < 3000 else n / 2

s = 0
for n in range(6000):
    s += half(n, exact=n >= 5000)
print("half", s)
