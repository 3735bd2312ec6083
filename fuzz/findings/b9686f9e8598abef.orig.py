import math
a1 = 1
a2 = 18446744073709551615
n3 = 1.5
n4 = (-(2 ** 63))
f5 = 1e300
b6 = False
s7 = '0'
L8 = [(-(2 ** 63)), 10, 7, (-1), 100, 2147483647, 1000]
M9 = [0.5, 63, 2.5, math.pi, 2, 8, 1.5]
D10 = {0: (-1), 2: 2, 2: (-7), 9: 73, 4: 78}
def gen11(n, p):
    for j12 in range(min(n, 20)):
        (yield len(D10))
    (yield from [sum(L8), pow(a1, (71 % 40), 97), (a1 + a2)])
def rec13(n, acc):
    if (n <= 0):
        return ((f5 - a2) - (n4 % (6 or 1)))
    print(a2, s7, M9)
    return rec13((n - 1), (acc + (a1 or 31)))
def rec14(n, acc):
    if (n <= 0):
        return acc
    return rec14((n - 1), ((acc + ((1.5 / 1e-3) - (n + n))) % (2 ** 64 + 13)))
for i15 in range(69):
    if (i15 == 53):
        break
    f5 += ((int(str(i15)) ^ i15) % (2 ** 63 + 7))
    try:
        for i16 in range(5, 0, (-1)):
            for i17 in range(11):
                if True:
                    break
                if (i17 == 5):
                    continue
                if ((i17 / (63 or 1)) not in [f5, a1]):
                    n4 = (f5 % 997)
                    if (not True):
                        break
                    n3 -= (((4.5 if (pow(a2, (a2 % 40), (2 ** 64 + 13)) == (0.5 or i17) <= (f5 - b6)) else i16) + rec13(((i17 + 2) % 27), 0)) % (2 ** 63 + 7))
                elif b6:
                    a1, a2 = (a2, ((a1 + a2) % 9223372036854775807))
                if ('1' in 'a,b,c'):
                    print(i17, b6, L8, M9, D10)
                else:
                    if b6:
                        raise ValueError(i17)
                f5 = (abs(round(math.sin(i16), 2)) % 997)
                print(i17, a2, n3, f5, b6)
            print(i16, a1, n4, f5, b6, s7, M9)
            print(i16, n3, b6, s7, L8)
    except Exception as e:
        print('caught', type(e).__name__, e)
    print(i15, n3, f5, s7, L8, M9, D10)
    M9 = [(rec13((i15 % 17), (f5 ** 2)) % 65536) for e18 in M9]
    if ((i15 % 7) == 2):
        print(i15, b6, s7, M9, D10)
print(a2, n3, f5, b6, L8, D10)
i19 = 0
while i19 < 34 and b6:
    i19 += 1
    if b6:
        break
    n4 = (((math.sqrt((((2147483647 / 2.0) * (2147483647 / 2.0)) + 1.0)) * 0.25) + 0.5) if ((i19 % 3) == 2) else (((M9[(i19 % len(M9))] * ((1e300 + 100) + M9[((i19 + 7) % len(M9))])) * 0.75) + 0.5))
    M9[((i19 if ((63 if ((i19 > 14) and (f5 == n4)) else a1) != math.sqrt(((92 * 92) + 1.0))) else a1) % len(M9))] = (((4294967296 / 0.5) * 0.75) + (-3.0))
    if ((i19 % 7) == 1):
        print(i19, a2, n3, f5, b6)
print(a1, a2, n4, b6, s7, L8)
print(L8[(len(L8) + 1)])
print(a1, a2, n3, n4, f5, b6, s7, L8, M9, D10)
