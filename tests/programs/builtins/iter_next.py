# iter() and next() with and without default.
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
s = iter("hi")
print(next(s), next(s), next(s, "end"))
r = iter(range(3))
print(next(r), list(r), next(r, -1))
d = iter({"a": 1, "b": 2})
print(next(d), next(d), next(d, "no more keys"))
t = iter((1, 2, 3, 4, 5))
total = 0
v = next(t, None)
while v is not None:
    total += v
    print("got", v, "total", total)
    v = next(t, None)
it2 = iter([1, 2, 3, 4])
for x in it2:
    print("for", x, "skip", next(it2, "none"))
z = iter(zip("ab", [1, 2]))
print(next(z), next(z), next(z, "z-done"))
e = iter(enumerate("xy"))
print(next(e), list(e))
rv = reversed([1, 2, 3])
print(next(rv), next(rv), list(rv), next(rv, "rv-done"))
