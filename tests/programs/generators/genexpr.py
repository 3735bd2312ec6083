def f(n, k):
    return sum(x * k for x in range(n) if x % 2)
print(f(10, 3))
print(list(x + y for x in "ab" for y in "12"))
g = (i * i for i in range(4))
print(next(g), list(g), list(g))
print(any(c.isdigit() for c in "ab3"), all(v > 0 for v in [1, 2]))
print(max((len(w), w) for w in "the quick brown fox".split()))
print(sorted((v, k) for k, v in {"a": 3, "b": 1}.items()))
print(dict((str(i), i) for i in range(3)), set(i % 3 for i in range(10)))
def outer():
    base = 10
    gens = [(base + i + j for j in range(2)) for i in range(3)]
    return [list(x) for x in gens]
print(outer())
class C:
    vals = [1, 2, 3]
    total = sum(v for v in vals)
print(C.total)
print(type(g).__name__, repr(g)[:24])
try:
    (x for x in 5)
except TypeError as e:
    print(e)
def bad():
    return list(1 / x for x in [1, 0])
bad()
