import math
a1 = 9223372036854775808
a2 = 102
n3 = 10
n4 = 31
f5 = 0.1
b6 = True
s7 = 'a'
L8 = [43, (-19), 4294967296, (-18)]
M9 = [(2 ** 63 - 1), 0.1, 1e+100, True, 12, math.e, True]
D10 = {}
def fn11(p0, p1):
    n12 = ((a2 * True) if b6 else n3)
    s13 = ' sp '
    try:
        if True:
            raise ValueError(a1)
        print(L8[(len(L8) - (-1))])
    except OverflowError as e:
        print('OverflowError', e)
    except (IndexError, KeyError):
        n12 -= (((f5 + p1) // (n4 or 1)) % (2 ** 64 + 1))
    except Exception as e:
        print('other', type(e).__name__, e)
    return repr([p1 for e14 in L8][(2 % len([p1 for e14 in L8]))])
def sf15(p0, p1):
    a16 = (59 % 65536)
    return (p1 if (b6 or ((3.0 * a2) != (p0 * f5))) else ((a1 * 3037000500) + a2))
def fn17(p0, p1):
    n18 = a1
    f19 = (-2.25)
    print(p0, n18, f19)
    return (16 if b6 else sf15(b6, len(D10)))
def gen20(n, p):
    for j21 in range(min(n, 20)):
        (yield math.factorial(((a2 << 1) % 25)))
    (yield from [sf15(4294967296, 114), ((-1) // (1000 or 1))])
def sf22(p0):
    if ((a2 / 0.5) != (a2 / 0.5)):
        return ((a2 % 1) * sf15(a1, 11))
    return a1
for i23 in range(1167):
    a1 *= (52 * (a2 * a2))
    if ((i23 % 101) == 40):
        print(i23, a1, n3, s7, D10)
print(a1, a2, n3, n4, f5, s7)
def phase24(n):
    n25 = n
    s26 = ''
    n27 = n3
    a28 = 100
    i29 = 0
    while i29 < n:
        i29 += 1
        s26 = (s26 + str(L8[((i29 % len(L8)) - len(L8))]))[(-30):]
        if ((i29 % 53) == 36):
            print(i29, a1, L8, M9, D10)
    print(n4, M9, D10, n, n27, a28)
    return (n25, s26, n27, a28)
print(phase24(397))
i30 = 0
while i30 < 2:
    i30 += 1
    if (i30 >= 2):
        continue
print(a1, a2, n3, n4, s7, L8)
print(a1, a2, n3, n4, f5, b6, s7, L8, M9, D10)
