# Small numeric algorithms using the math module.
import math
def newton_sqrt(x):
    g = x / 2 if x > 1 else 1.0
    for i in range(30):
        g = (g + x / g) / 2
    return g
for v in [2, 3, 10, 144, 1e6, 0.01]:
    print(v, newton_sqrt(v), math.sqrt(v), abs(newton_sqrt(v) - math.sqrt(v)) < 1e-12)
def integrate(n):
    h = math.pi / n
    s = 0.0
    for i in range(n):
        s += math.sin((i + 0.5) * h)
    return s * h
for n in [1, 2, 4, 10, 100]:
    print(n, f"{integrate(n):.10f}")
def dist(p, q):
    return math.sqrt((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2)
pts = [(0, 0), (3, 4), (6, 0), (3, -4)]
perim = 0.0
for i in range(len(pts)):
    d = dist(pts[i], pts[(i + 1) % len(pts)])
    perim += d
    print(pts[i], d)
print("perimeter", perim, math.floor(perim), math.ceil(perim))
print(round(math.pi, 4), round(math.e, 2), math.floor(-math.pi), math.ceil(-math.e))
