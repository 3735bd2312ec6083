# Aliasing versus copying with list(), slicing and concatenation.
a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
e = a + []
a.append(4)
print(a, b, c, d, e)
print(a == b, a == c, c == d == e)
inner = [0]
outer = [inner, inner]
inner.append(1)
print(outer, outer[0] == outer[1])
copy = outer[:]
copy[0] = "replaced"
print(outer, copy)
copy[1].append(2)
print(outer, copy, inner)
def mutate(lst):
    lst.append("m")
    lst = ["new"]
    lst.append("n")
    return lst
orig = [1]
res = mutate(orig)
print(orig, res)
