import math
math.sqr(2)
