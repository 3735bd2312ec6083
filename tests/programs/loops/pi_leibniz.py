# Approximating pi: Leibniz series, Wallis product and a Monte Carlo with an LCG.
s = 0.0
sign = 1.0
for k in range(50000):
    s += sign / (2 * k + 1)
    sign = -sign
print("leibniz", 4 * s)
w = 1.0
for k in range(1, 20001):
    t = 4.0 * k * k
    w *= t / (t - 1)
print("wallis", 2 * w)
inside = 0
x = 12345
n = 20000
for i in range(n):
    x = (x * 1103515245 + 12345) % 2147483648
    px = x / 2147483648
    x = (x * 1103515245 + 12345) % 2147483648
    py = x / 2147483648
    if px * px + py * py <= 1.0:
        inside += 1
print("monte carlo", inside, 4 * inside / n)
