# math domain error from math.sqrt of a negative number.
import math
for v in [4, 1, 0, 2.25]:
    print(v, math.sqrt(v))
print(math.log(1), math.exp(0))
x = 3
while x > -3:
    print(x, math.sqrt(x))
    x -= 1
print("unreachable")
