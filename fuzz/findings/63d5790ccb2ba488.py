import math
a2 = (-1)
n3 = True
f5 = math.nan
L8 = [0]
def fn12(p0, p1=False, p2=(-0.0)):
    if False:
        pass
    elif ((0.0 - 1) < (False if (f5 not in [n3 for e15 in [0]]) else a2)):
        pass
    elif True:
        L8[0] = int(str(p0))
for i24 in range(2):
    try:
        pass
    except Exception as e:
        pass
    else:
        i25 = 1
        n3 = (fn12(1, 0) if (i25 not in [n3 for e26 in [0]]) else (f5 + 0.0))
print(L8)
