import math
a1 = 0
a2 = 0
n3 = 0
n4 = True
f5 = 0.0
b6 = False
s7 = ''
L8 = [0]
M9 = [0]
D10 = {}
for x28 in ([0] * 8):
    f5 += (math.hypot(a1, 67) - a1)
    a1 += 39
print(a1, a2, n3, n4, f5, b6, s7, L8, M9, D10)
