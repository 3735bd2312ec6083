from math import ldexp
x = 1.0
for i in range(5):
    x = ldexp(x, 300)
    print(x)
