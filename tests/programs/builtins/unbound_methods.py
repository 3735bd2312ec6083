print(sorted(["b", "C", "a"], key=str.lower), list(map(str.strip, [" a ", "b "])), str.join("-", "xyz"))
print(str.upper("abc"), str.split("a b"), str.count("banana", "a"), str.replace("aaa", "a", "b", 2))
print(list.copy([1, 2]), dict.get({1: 2}, 1), tuple.index((5, 6), 6), set.union({1}, [2]), frozenset.union(frozenset({1}), [2]))
print(int.bit_length(255), float.is_integer(2.0), dict.fromkeys("ab", 0), str.maketrans({"a": "b"}))
print(repr(str.lower), repr(list.append), repr(dict.fromkeys)[:33])
lst = []
append = lst.append
for i in range(3):
    append(i)
print(lst, [s.upper() for s in "abc"], repr("x".join)[:26])
print((3).real, (2.5).imag, True.numerator, (7).denominator, (7).bit_count(), (2.5).as_integer_ratio(), (-0.375).as_integer_ratio(), (5).conjugate())
