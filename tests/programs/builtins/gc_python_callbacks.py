# Native consumers of iterators that call back into Python keep what they hold
# rooted (run under --gc-stress in CI).
def helper(i):
    t = 0
    for j in range(3):
        t += j
    return str(i) * 3
def mk(i):
    return [i, helper(i), (i, str(i))]
def key(x):
    return [str(x[0]) * 2, x]
a = list(map(mk, range(30)))
print(a[:2], a[-1])
b = sorted(map(mk, range(20)), key=key)
print(b[:2])
c = set(map(str, map(mk, range(10))))
print(sorted(c)[:2])
d = dict(map(tuple, map(mk, range(5))) if False else zip(map(str, range(5)), map(mk, range(5))))
print(d)
e = ",".join(map(str, map(mk, range(5))))
print(e)
f = tuple(filter(None, map(mk, range(5))))
print(f[-1])
g = [x for x in map(mk, range(5))]
print(g[-1])
h = max(map(mk, range(5)), key=key)
print(h, min(range(5), key=mk))
s = set()
s.update(map(str, map(mk, range(10))))
print(len(s))
l = []
l.extend(map(mk, range(10)))
l += map(mk, range(3))
print(l[-1])
print(sum(map(len, map(mk, range(10)))), any(map(mk, range(3))), all(map(mk, range(3))))
print(list(enumerate(map(mk, range(3)))), list(zip(map(mk, range(2)), map(mk, range(2)))))
t = {k: mk(k) for k in map(str, range(3))}
print(t)
u = {x[1] for x in map(mk, range(4))}
print(sorted(u))
print("{0} {1}".format(mk(1), mk(2)))
print(frozenset(map(str, range(3))) == frozenset(["0", "1", "2"]))
