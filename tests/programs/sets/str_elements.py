# Sets of strs iterate in CPython's order under PYTHONHASHSEED=0 (the goldens' seed).
words = set()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.add(w)
print(words)
print(set(["alpha", "beta", "gamma", "delta"]))
print({"x", "y"} | set(["z"]))
print(set("hello world"))
print({c for c in "abracadabra"})
print(hash("abc"), hash(""), hash("é"), hash("日本"))
print(frozenset(["k1", "k2", "k3"]))
letters = set("python") & set("typhoon")
print(letters, sorted(letters))
