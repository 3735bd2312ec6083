def f(xs):
    return [1 / x for x in xs]
def g(d):
    return {k: [v[0] for v in d[k]] for k in d}
print(f([1, 2]))
try:
    g({"a": [[1]], "b": [[]]})
except IndexError as e:
    print("caught", e)
print({x % 3 for x in range(5)})
g({"a": [[1]], "b": [[]]})
