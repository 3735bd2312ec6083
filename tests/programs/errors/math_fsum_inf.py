import math
print(math.fsum([1.0, 2.0]))
print(math.fsum([float("inf"), 1.0, float("-inf")]))
