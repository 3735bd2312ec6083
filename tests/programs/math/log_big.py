# Logs of ints too large for a float: CPython splits them as m * 2**e (frexp).
import math
print(math.log2(8), math.log10(1000), math.log2(2**70), math.log10(10**400), math.log2(True), math.log10(2.5))
print(math.log2(2**1100 + 1), math.log(10**500), math.log(10**500, 10), math.log(2**2000, 2), math.log10(3**1000))
print(math.log(7), math.log(8, 2), math.log(10**30))
