# math.sqrt in hot loops: ints and floats, then a negative argument late in a
# compiled loop (ValueError: math domain error from the guarded FSqrt).
import math


def norms(n):
    total = 0.0
    for i in range(n):
        total += math.sqrt(i) + math.sqrt(i * 0.5)
    return total


def short_inner(rounds):
    acc = 0.0
    pts = [1.0, 4.0, 9.0, 16.0]
    for r in range(rounds):
        for p in pts:
            acc += math.sqrt(p + r)
    return acc


print(f"{norms(5000):.6f}")
print(f"{short_inner(3000):.6f}")
x = 100.0
count = 0
while True:
    x -= 0.01
    count += 1
    y = math.sqrt(x)
    if count % 2500 == 0:
        print(count, f"{y:.9f}")
