# Every import form tvm supports.
import math
import math as m
import sys, time
import random as rnd, math as mm
from math import sqrt
from math import pi as PI, e as E
from math import (floor,
                  ceil)
from sys import maxsize as MAX
from random import seed, randint

print(math.sqrt(16), m.sqrt(2), sqrt(81), PI, E, floor(-2.5), ceil(2.1))
print(m is math, mm is math, MAX == sys.maxsize)
seed(1)
print(randint(1, 100), rnd.randint(1, 100))
print(type(time.time()).__name__)


def inner():
    import math as local_math
    from math import factorial
    return local_math.gcd(12, 18), factorial(10)


print(inner())
for i in range(3):
    import math
    print(math.floor(i * 1.5))
print(__name__)
print(sys)
print(time)
