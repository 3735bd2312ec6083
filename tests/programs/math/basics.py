# math.sqrt, floor, ceil, fabs and the constants.
import math
print(math.pi, math.e, math.inf, -math.inf, repr(math.pi), str(math.e))
print(f"{math.pi:.3f}", f"{math.e:.10f}", "%.5f" % math.pi, f"{math.inf}", f"{math.inf:f}", "%e" % math.inf)
for v in [0, 1, 2, 4, 9, 10, 0.25, 1e10, 2 ** 60, 12345.678]:
    print(v, math.sqrt(v))
for v in [2.5, -2.5, 3.0, -0.5, 0.0, 7, -7, 1e15 + 0.5, 2 ** 70]:
    print(v, math.floor(v), math.ceil(v), type(math.floor(v)), math.fabs(v))
print(math.floor(-0.0), math.ceil(-0.2), math.fabs(-0.0), math.fabs(-5), math.sqrt(2) ** 2)
hyp = []
for a, b in [(3, 4), (5, 12), (1, 1), (8, 15)]:
    hyp.append(math.sqrt(a * a + b * b))
print(hyp)
print(math.floor(math.pi * 100) / 100, math.ceil(math.e * 1000) / 1000, math.inf > 10 ** 300)
print(math.floor(True), math.ceil(False), math.sqrt(True), int(math.sqrt(10 ** 20)))
