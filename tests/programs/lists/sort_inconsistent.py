# With an inconsistent `<` (NaN, sets ordered by inclusion) the result depends on
# exactly which comparisons the sort makes: tvm follows CPython's timsort.
nan = float("nan")
data = [3.5, nan, 1.0, 7.25, nan, 2.0, -1.0, nan, 0.5]
print(sorted(data), sorted(data, reverse=True))
big = []
x = 7
for i in range(300):
    x = (x * 48271) % 2147483647
    big.append(nan if x % 11 == 0 else float(x % 97))
s = sorted(big)
print(s[:12], s[140:150], s[-12:])
sets = [{1, 2}, {3}, {1}, set(), {2, 3}, {1, 2, 3}, {4}, {2}]
print(sorted(sets), sorted(sets, reverse=True))
runs = list(range(200)) + list(range(150, 0, -1)) + [5, 3, 99, 1]
runs.sort()
print(runs[:10], runs[-10:], len(runs))
