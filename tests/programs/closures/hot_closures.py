# Closures in hot loops: reading and writing captured variables, calling closures
# from loops, closures created in loops.
def make_filter(lo, hi):
    def keep(v):
        return lo <= v < hi

    return keep


keep = make_filter(10, 90)
kept = 0
for i in range(1000):
    if keep(i % 100):
        kept += 1
print(kept)


def running_mean():
    total = 0.0
    n = 0

    def push(v):
        nonlocal total, n
        total += v
        n += 1
        return total / n

    return push


push = running_mean()
m = 0.0
for i in range(2000):
    m = push(i % 17)
print(round(m, 9))


def sum_with_closure(n):
    acc = 0

    def add(v):
        nonlocal acc
        acc += v

    for i in range(n):
        add(i)
    return acc


print(sum_with_closure(3000))


def loop_reading_cell(n):
    step = 3
    fs = lambda: step  # makes `step` a cell
    total = 0
    for i in range(n):
        total += step + i
        if i == n // 2:
            step = 5
    return total, fs()


print(loop_reading_cell(1000))

# Many closures created in a loop.
adders = []
for i in range(200):
    adders.append(make_filter(i, i + 10))
print(sum([1 for f in adders if f(105)]))


def nested_loops(n):
    hits = 0

    def hit():
        nonlocal hits
        hits += 1

    for i in range(n):
        for j in range(i):
            if (i + j) % 7 == 0:
                hit()
    return hits


print(nested_loops(120))
