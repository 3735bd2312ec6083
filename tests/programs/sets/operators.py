a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(b | a, b & a, b ^ a)
print(a | a, a & a, a - a, a ^ a)
print(a | set(), a & set(), set() - a)
f = frozenset([1, 2, 9])
print(f | a, a | f, f & a, a & f, f - a, a ^ f)
print(type(f | a).__name__, type(a | f).__name__)
print(a < b, a <= a, a < a, {1, 2} < a, a > {1}, a >= {1, 2, 3, 4, 5}, {9} > {1})
print(a == {5, 4, 3, 2, 1}, a != b, f == frozenset({9, 2, 1}), f == {1, 2, 9}, {1} == [1])
print({1, 2} <= {1, 2}, {1, 3} <= {1, 2}, {1, 2} >= {1, 3})
c = {1, 2, 3}
c |= {3, 4}
print(c)
c &= {2, 3, 4, 10}
print(c)
c -= {2}
print(c)
c ^= {4, 5, 6}
print(c)
d = c
d |= {100}
print(c is d, c)
g = frozenset({1})
h = g
g |= {2}
print(g, h, g is h)
k = {1, 2}.union([3], (4, 5), "a" if False else [6])
print(k)
print({1, 2, 3}.intersection([2, 3, 4], {3, 2}))
print({1, 2, 3}.difference([1], {2}), {1, 2, 3}.symmetric_difference([3, 4]))
print({1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset((1,)), {1}.isdisjoint([2, 3]), {1}.isdisjoint({1}))
print(set().issubset(set()), set().isdisjoint(set()))
print(5 in a, 9 not in a, frozenset({1, 2}) in {frozenset({2, 1})})
print({1, 2} in {frozenset({1, 2})})
print(len(a | b), sum(a), min(a), max(b), sorted(a ^ b, reverse=True))
