# A helper called in a hot loop; its argument changes type after N iterations.
def scale(x, k=2):
    return x * k

def bump(x, by=1, times=1):
    while times > 0:
        x = x + by
        times -= 1
    return x

total = 0
for i in range(9000):
    if i == 1:
        arg = 1.5
    elif i < 3000:
        arg = i
    elif i < 6000:
        arg = i + 0.5
    else:
        arg = str(i % 10)
    r = scale(arg)
    if i >= 7500:
        r = scale(arg, k=3)
    if isinstance(r, str):
        total += len(r) + int(r[0])
    else:
        total += r
    if i % 1000 == 0 or i in (1, 2, 2999, 3000, 5999, 6000, 7499, 7500):
        print(i, repr(arg), repr(r), total)
print("total", total)

# Keyword and default arguments with changing types.
v = 0
for i in range(6000):
    if i < 2000:
        v = bump(v)
    elif i < 4000:
        v = bump(v, by=0.5, times=2)
    else:
        if i == 4000:
            v = int(v)
        v = bump(v, 2**62, times=1)
    if i % 1000 == 0 or i in (1999, 2000, 3999, 4000, 4001):
        print(i, v)
print("v", v)
