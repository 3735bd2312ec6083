def sq(x):
    return x * x
def odd(x):
    return x % 2 == 1
def add(a, b):
    return a + b
m = map(sq, range(6))
print(type(m).__name__, next(m), next(m), list(m), list(m))
print(list(map(add, [1, 2, 3], [10, 20])), list(map(str, [1, 2.5, None])), list(map(len, ["a", "bb", ""])))
print(list(filter(odd, range(10))), list(filter(None, [0, 1, "", "x", [], [0], None])), list(filter(bool, (0, 2))))
f = filter(odd, [1, 3, 4])
print(type(f).__name__, next(f), list(f), next(f, "done"))
print(sum(map(sq, range(10))), max(map(abs, [-7, 3])), sorted(map(neg, [1, 2]) if False else map(sq, [3, -1, 2])))
print(set(map(odd, range(5))), tuple(map(int, "123")), dict(map(divmod, [7, 9], [2, 4])) if False else dict(zip("ab", map(sq, [2, 3]))))
total = 0
for v in map(sq, filter(odd, range(100))):
    total += v
print(total)
print(list(enumerate(map(sq, [1, 2]), 1)), list(zip(map(str, range(3)), filter(odd, range(10)))))
print(list(map(str.upper, "abc")), list(map(int.bit_length, [1, 255])), "-".join(map(str, range(4))))
