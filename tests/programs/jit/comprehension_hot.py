# List comprehensions inside hot loops; element types change over time.
total = 0
for i in range(3000):
    xs = [j * i for j in range(5)]
    if i >= 1000:
        xs = [x * 0.5 for x in xs]
    if i >= 2000:
        xs = [x for x in xs if x > 2000]
    total += sum(xs)
    if i % 500 == 0 or i in (999, 1000, 1999, 2000):
        print(i, xs, total)
print("total", total)

# Comprehension whose result feeds the next one.
ys = list(range(20))
for rnd in range(400):
    ys = [(y * 3 + rnd) % 101 for y in ys]
    ys = [y - 50 for y in ys if y % 7 != 3] + [rnd % 9]
    if rnd % 100 == 0:
        print(rnd, len(ys), sum(ys), ys[:5])
print("ys", len(ys), ys)

# Nested comprehension over strings and ints mixed.
words = [str(i) if i % 3 else i for i in range(30)]
acc = 0
for rnd in range(500):
    lens = [len(w) if isinstance(w, str) else w for w in words]
    acc += sum(lens) + len([w for w in words if w == rnd % 30])
print("words", acc)
