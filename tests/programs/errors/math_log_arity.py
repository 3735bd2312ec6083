import math
print(math.log(100, 10))
math.log()
