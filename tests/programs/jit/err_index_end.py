# IndexError when a hot loop walks off the end of a list (5000 elements).
def walk(xs):
    i = 0
    total = 0
    while True:
        total += xs[i] * (i % 3)
        i += 1
        if i % 1000 == 0:
            print(i, total)

xs = [k * 2 for k in range(5000)]
print(xs[-1], xs[-5000], len(xs))
walk(xs)
print("unreachable")
