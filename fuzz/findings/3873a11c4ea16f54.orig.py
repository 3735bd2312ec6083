import math
a1 = 98
a2 = (-9223372036854775809)
n3 = False
n4 = 64
f5 = 2.5
b6 = True
s7 = 'a,b,c'
L8 = [100]
M9 = [False, False, (-2), 9007199254740992.0, 9007199254740992.0, 10, 0.0, 109]
D10 = {0: (-11), 1: 255, 6: 28}
def sf11(p0, p1):
    L8[(a1 % len(L8))] = ((a2 + a1) % 97)
    return (20 + ((a2 % 65536) * 71))
def phase12(n):
    b13 = b6
    i14 = 0
    while i14 < n and (math.sqrt(((a2 * a2) + 1.0)) == math.sqrt((((1 << 62) * (1 << 62)) + 1.0))):
        i14 += 1
        M9[(i14 % len(M9))] = ((((a2 % 10) % 7) * 0.5) + (-3.0))
        L8[((i14 + 5) % len(L8))] = (((a2 // 2) & 2147483647) % 2147483647)
        if (i14 == 756):
            if ((i14 < i14) or ((i14 % 3) == 0)):
                break
            if b6:
                continue
        else:
            if ((i14 % 6) == 3):
                break
            L8[(i14 % len(L8))] = (a1 % 2147483647)
        if (i14 == 896):
            continue
        if (sf11(f5, n3) < a1):
            break
        if ((i14 % 11) == 0):
            print(i14, a2, n4, M9, D10)
    else:
        print('else', i14)
    print(a1, n4, f5, L8, D10, b13)
    i15 = 0
    while i15 < n and b13:
        i15 += 1
        L8[((i15 + 8) % len(L8))] = (((n + 71) - (a2 + 18)) & 0x7fffffffffffffff)
        for i16 in range(2):
            L8[((i15 * 9223372036854775807) % len(L8))] = ((a2 - (a1 * a2)) % 1000003)
            if ((i16 % 188) == 27):
                print(i16, f5, n, b13)
            L8[((i16 * 2) % len(L8))] = (i15 % 4294967296)
            M9[((i16 * 3) % len(M9))] = ((i15 * 0.5) + 1.0)
        print(i15, a1, a2, n3, b6, s7, D10)
        if ((i15 % 7) == 6):
            print(i15, a1, b6, D10, n)
    print(a1, a2, n3, n4, f5, M9)
    return (b13,)
print(phase12(68))
i17 = 0
while i17 < 582:
    i17 += 1
    if (i17 >= 279):
        try:
            n3 = int((s7 + s7))
            a1 = (sf11(0.1, f5) % 18446744073709551616)
        except OverflowError:
            if (len(M9) > 1):
                M9.pop()
            M9.insert(2, (42 - (2 ** 64 + 13)))
        except Exception as e:
            print('other', type(e).__name__, e)
        M9.sort()
        for i19 in range(6):
            if ((i19 > 5) and (i19 in [75, 49])):
                continue
            try:
                n3 = D10[7]
                D10.setdefault((i19 % 4), D10.get((i19 * 6), i17))
            except (ValueError, ZeroDivisionError) as e:
                print('ValueError ZeroDivisionError', e)
                a1 += sum((L8 + [i17]))
            except ZeroDivisionError as e:
                print('ZeroDivisionError', e)
            except Exception as e:
                print('other', type(e).__name__, e)
            if ((math.pi * a1) > (n3 or (-(2 ** 63))) == (1e-300 + a2)):
                break
            if (i19 == 3):
                f5 += (i17 % 65536)
            print(i19, a1, n4, b6, M9)
        print(i17, a1, f5, s7, L8, M9, D10)
    else:
        s7 = (s7 + ('%o %s' % ((3 + 92), a2)))[(-30):]
        s7 = repr(n3)[i17:4][i17:(-3)][(-24):]
    b6 = (((f5 + a2) + (i17 + n3)) == [False][((i17 * 1) % len([False]))])
    for x21 in M9:
        try:
            a2 = (((a2 if ((i17 % 9) == 8) else a2).bit_length() * ((a2 - 0) + a1)) % 4294967311)
            print(i17, n4, x21)
            n4 = D10[i17]
        except (IndexError, KeyError):
            if ((3 * i17) < (f5 * x21)):
                M9[(i17 % len(M9))] = (((n3 % (x21 or 1)) + (f5 + f5)) % 65536)
                if (len(L8) >= 19):
                    L8.pop((-1))
                L8.append((((a2 + a2) - a1) % 9223372036854775807))
                f5 += ((sum(M9) * (2 - x21)) % 1000003)
        except ValueError:
            a1 = ((L8[((i17 + 4) % len(L8))] * 1) % 18446744073709551616)
        except (ValueError, ZeroDivisionError) as e:
            print('ValueError ZeroDivisionError', e)
            if ((i17 > 86) or True):
                if ((pow(1000, (1000 % 40), (2 ** 64 + 13)) % 10) in D10):
                    D10[(pow(1000, (1000 % 40), (2 ** 64 + 13)) % 10)] += divmod((-9223372036854775809), (a1 or 1))[1]
                s7 = (s7 + ','.join([str(e22) for e22 in ([37, 9223372036854775808] + [100])]))[(-30):]
            else:
                n4 = (((-0.0) and ((a1 << 65) * (64 if (i17 == 579) else a1))) % (-333.25))
        except Exception as e:
            print('other', type(e).__name__, e)
        finally:
            f5 = (((-0.0) - ((1e-300 if ((3 / (n3 or 1)) != sf11(f5, p1=i17) < ((-2147483648) if (not (3.0 > a1)) else a1)) else a2) * (i17 and x21))) % 1e6)
        n4 = (x21 % 97.5)
        if (i17 < 300):
            break
        if (i17 == 296):
            continue
        print(i17, a2, n4, s7, x21)
    print(i17, a2, n3, f5, b6, s7, M9)
    if ((i17 % 19) == 14):
        print(i17, a1, n3, b6, D10)
print(a2, n3, b6, s7, M9, D10)
print(a1, a2, n3, n4, f5, b6, s7, L8, M9, D10)
