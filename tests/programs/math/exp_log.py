# math.exp and math.log with one and two arguments.
import math
for v in [0, 1, -1, 2, 0.5, 10, -10, 50]:
    print(v, math.exp(v), f"{math.exp(v):.6e}")
for v in [1, math.e, 2, 10, 100, 0.5, 1e-10, 1e300]:
    print(v, math.log(v), f"{math.log(v):.9f}")
print(math.log(8, 2), math.log(100, 10), math.log(1000, 10), math.log(81, 3), math.log(2, 4))
print(math.log(2 ** 100), math.log(2 ** 100, 2), math.log(10 ** 400) > 920, f"{math.log(10 ** 400):.6f}")
print(math.exp(math.log(7)), math.log(math.exp(3)), math.exp(1) == math.e, math.exp(-math.inf))
total = 0.0
n = 1
while n <= 10:
    total += math.log(n)
    print(n, f"{total:.8f}", f"{math.exp(total):.1f}")
    n += 1
print(math.exp(709), math.exp(-745), math.log(1.0), math.log(math.inf))
