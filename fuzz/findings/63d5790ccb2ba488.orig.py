import math
a1 = (10 ** 20)
a2 = (-2)
n3 = True
n4 = 9007199254740992.0
f5 = math.nan
b6 = False
s7 = ' sp '
L8 = [3037000499]
M9 = [(-2.25), True, 44]
D10 = {}
def chk11(x):
    if (x == 31):
        raise ValueError(x)
    return (x + 3)
def fn12(p0, p1=False, p2=(-0.0)):
    n13 = p2
    f14 = 0.0
    if (not (a1 == a2 != n13)):
        if b6:
            p2 = (((True + 0) * n3) - a2)
        elif isinstance(len(D10), (int, float)):
            p0 += (255 + a2)
            if ((9 % 5) in D10):
                D10[(9 % 5)] += sum(L8)
            if (0.0 in [a1]):
                print(a1, b6, s7)
                if ((a1 + f14) < (p1 - p0)):
                    return ((a2 / (p0 or 1)) or (n13 // (p1 or 1)))
                M9.reverse()
            elif ((f14 - 7) < (False if (f5 not in [n3 for e15 in L8]) else a2)):
                p0 = (math.gcd((p0 ^ a1), 9007199254740993) + ((a2 % ((10 ** 20) or 1)) - p0))
            elif (True or False):
                L8[(L8[((-1) % len(L8))] % len(L8))] = (int(str(p0)) % (2 ** 65))
            else:
                p0 = a1
        else:
            M9[(max(21, p0) % len(M9))] = (f14 % (-333.25))
    return 7
def sf16(p0):
    if b6:
        return (p0 * (M9[(60 % len(M9))] * 0.5))
    a17 = ((-(a2 % 3)) % 97)
    p0 += ((f5 * n4) if ((a2 * 38) != ((-2.25) + a17)) else (0.1 if ((a17 - (1 << 62)) != (-0.0)) else f5))
    return ((M9[((-a1) % len(M9))] * 0.5) * p0)
def phase18(n):
    L19 = [3]
    try:
        for i20 in range(n):
            if ((not b6) or ((i20 % 9) == 7)):
                M9[(i20 % len(M9))] = (sf16((L8[(i20 % len(L8))] * 0.5)) % 2147483647)
                M9[((i20 + 5) % len(M9))] = (math.sqrt(((n3 * n3) + 1.0)) % 1000003)
                i21 = 0
                while i21 < 2 and b6:
                    i21 += 1
                    print(i21, a2, b6)
                    L8[((i21 + 5) % len(L8))] = (len(M9) % 9223372036854775807)
                    if (i21 < 1):
                        L8[((i21 + 8) % len(L8))] = (a1 % 65536)
                    elif b6:
                        L19[(a2 % len(L19))] = (4611686018427387904 % 2305843009213693951)
                        M9[(i21 % len(M9))] = ((n & 12) % 2305843009213693951)
                        M9[(i20 % len(M9))] = ((63 * 0.25) + 1.0)
                    elif ((a2 + i21) <= (1e16 + f5)):
                        M9[((i21 + 2) % len(M9))] = ((math.sqrt(((f5 * f5) + 1.0)) * 0.75) + (-3.0))
                        L8[((30 - n) % len(L8))] = (((n ^ 10) - (-i21)) % 9223372036854775807)
                        L19[(a1 % len(L19))] = ((((-9223372036854775807) // 1) + (26 * a2)) % 1000003)
                    L8[(i21 % len(L8))] = (L19[((i21 * 4) % len(L19))] % 2147483647)
                print(i20, n3, n4, f5, M9, D10, n)
            if ((i20 % 41) == 38):
                print(i20, a2, f5, D10, L19)
    except Exception as e:
        print('caught', type(e).__name__, e)
    print(a1, a2, n3, M9, D10, L19)
    return (L19,)
print(phase18(291))
for x23 in M9:
    for i24 in range(60):
        try:
            n4 = math.floor(fn12(7, n4, p2=(n4 * b6)))
            M9[(((a1 + 9223372036854775808) % len(M9)) - len(M9))] = (a2 % 1000003)
        except ValueError as e:
            print('ValueError', e)
        except ArithmeticError as e:
            print('ArithmeticError', e)
        except LookupError:
            n4 = (float(min(M9)) if b6 else ((((4.5 if (max(M9) >= x23) else f5) or (i24 - a1)) if b6 else ((n3 or i24) * math.cos(i24))) % (-333.25)))
        except Exception as e:
            print('other', type(e).__name__, e)
        else:
            i25 = 0
            while i25 < 4:
                i25 += 1
                if (sf16(f5) >= (f5 % (i24 or 1))):
                    break
                s7 = f'{divmod(a1, (2147483648 or 1))[1]:x}|{(a2 + f5)}{(i25 - i25):>8}'[(-24):]
                a1, a2 = (a2, ((a1 + a2) % (-(2 ** 63))))
                n3 = (((fn12(98, x23) if ((i25 ^ i24) not in [n3 for e26 in L8]) else (f5 + math.pi)) * i24) % 18446744073709551616)
                print(i25, a2, n3, b6, M9)
            print(i24, a2, n4, b6, L8, M9, D10)
        if (i24 == 45):
            break
        if ((i24 > 35) or (b6 not in L8)):
            continue
        a1, a2 = (a2, ((a1 + a2) % (2 ** 63 + 7)))
        print(i24, a1, n4, L8, M9)
        if ((i24 % 13) == 12):
            print(i24, a1, f5, M9, D10)
    print(a1, n3, L8, M9, D10, x23)
    a2 ^= ((a1 ** 3) % ((a1 + 12) or 1))
    print(n3, n4, f5, s7)
print(a2, n3, n4, L8, M9, D10)
for i27 in range((-9223372036854775808), ((-9223372036854775808) + 164)):
    for i28 in range(24):
        if (len(M9) >= 18):
            M9.pop(0)
        M9.append((((63 ^ i28) | (108 - 1000)) % 9223372036854775807))
        if ((i28 % 4) == 0):
            if (i28 == 8):
                break
        b6 = (not (f5 in L8))
        if b6:
            print(i28, a1, a2, L8, M9)
        if ((i28 % 7) == 5):
            print(i28, n4, s7, L8, M9)
    print(i27, a1, a2, n4, L8, M9, D10)
    try:
        if (i27 == 44):
            D10.setdefault((i27 % 12), i27)
        else:
            s7 = repr(a2)[(-24):]
            n3 += (b6 % 4096)
        n4 = (abs(float(divmod(a1, (7 or 1))[1])) / n3)
    except ZeroDivisionError:
        s7 = (s7 + repr((f5 * a2)))[(-30):]
    except Exception as e:
        print('other', type(e).__name__, e)
    else:
        M9 = [(e29 % 1000003) for e29 in M9]
    if ((i27 % 31) == 4):
        print(i27, a2, n4, s7, D10)
print(a1, a2, n3, n4, s7, D10)
print(a1, a2, n3, n4, f5, b6, s7, L8, M9, D10)
