x = [5, 3, 1, 4, 1, 5, 9, 2, 6]
x.sort()
print(x)
x.sort(reverse=True)
print(x)
words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (0, "q")]
print(sorted(pairs), sorted(pairs, reverse=True))
def second(p):
    return p[1]
def neg(v):
    return -v
print(sorted(pairs, key=second), sorted([3, -1, 2], key=neg), sorted([-3, 2, -1], key=abs))
records = [("ann", 31), ("bob", 27), ("cy", 31), ("di", 27), ("ed", 40)]
def age(r):
    return r[1]
by_age = sorted(records, key=age)
print(by_age)
records.sort(key=age, reverse=True)
print(records)
print(sorted({3: "c", 1: "a", 2: "b"}), sorted({3: "c", 1: "a"}.items()), sorted("hello"), sorted((3, 1, 2)))
print(sorted([1.5, 1, True, 0.5, False]), sorted([[1, 2], [1], [0, 9]]), sorted(["b", "a"], reverse=1))
print(min(words), max(words), min(words, key=len), max(words, key=len), min([], default="none"), max([3, 9, 2], default=0))
print(min(3, 1, 2), max("abc", "abd"), min([(1, "b"), (1, "a")]), max([1, 5, 3], key=neg), min([-5, 3], key=abs))
big = [(i * 7919) % 1000 for i in range(300)]
big.sort()
print(big[:10], big[-5:], big == sorted(big))
stable = [(k % 3, k) for k in range(12)]
def first(p):
    return p[0]
print(sorted(stable, key=first))
print(sorted(stable, key=first, reverse=True))
