# 'int' object has no attribute 'foo'.
n = 5
print(n, n + 1, n * n)
words = "a b c".split()
print(words, len(words))
words.append("d")
print(words)
d = {"k": n}
print(d.get("k"), d.keys())
print(n.foo)
print("unreachable")
