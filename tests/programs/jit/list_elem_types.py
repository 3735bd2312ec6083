# A list whose elements change type: ints, then floats, then a str, then ints.
xs = [i for i in range(20)]
for rnd in range(600):
    if rnd == 200:
        xs[5] = xs[5] * 0.5
    if rnd == 300:
        for j in range(len(xs)):
            xs[j] = xs[j] + 0.25
    if rnd == 400:
        xs[-1] = "s"
    if rnd == 500:
        xs = [int(x) if not isinstance(x, str) else len(x) for x in xs]
    total = 0
    for j in range(len(xs)):
        x = xs[j]
        if isinstance(x, str):
            xs[j] = x + "!" if len(x) < 30 else "s"
            total += len(x)
        else:
            xs[j] = x + 1
            total += x
    if rnd % 100 == 0 or rnd in (199, 201, 299, 301, 399, 401, 499, 501):
        print(rnd, total, xs[0], xs[5], xs[-1])
print("final", xs)

# Mixed list summed with sum(), min() and max() every iteration.
ys = [1, 2, 3]
for i in range(4000):
    if i % 1000 == 0:
        ys.append(i * 0.5)
    if i == 2500:
        ys.append(2**65)
    ys[i % len(ys)] = ys[i % len(ys)] + 1
    if i % 500 == 0:
        print(i, sum(ys), min(ys), max(ys), len(ys))
print("ys", ys)

# A list of lists whose inner element types vary.
grid = [[0, 0.0, 0], [1, 1, 1.5]]
for i in range(3000):
    row = grid[i % 2]
    row[i % 3] += i
print("grid", grid)
