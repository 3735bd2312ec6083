# Tuples: creation, 1-tuples, indexing, nesting, membership, printing.
t = (1, 2, 3)
one = (5,)
empty = ()
also = 4, 5, 6
print(t, one, empty, also, (1), ((1,),), (None,), ("a",), ((),))
print(len(t), len(one), len(empty), t[0], t[-1], also[1], type(one), type((1)))
nested = (1, (2, (3, (4,))), [5, 6])
print(nested, nested[1][1][1][0], nested[2][1])
nested[2].append(7)
print(nested)
print(2 in t, 9 in t, (2, (3, (4,))) in nested, "x" not in t)
print(tuple(), tuple([1, 2]), tuple("xyz"), tuple(range(3)), tuple({"a": 1}))
print(t + one, one * 3, t * 0, empty + empty, (1, 2) + (3,) * 2)
acc = ()
for i in range(5):
    acc = acc + (i * i,)
    print(acc)
print(max(acc), min(acc), sum(acc), sorted(acc, reverse=True))
x = (1.5, "s", [1], (2,), {"d": 0}, True, None)
for item in x:
    print(repr(item), type(item))
