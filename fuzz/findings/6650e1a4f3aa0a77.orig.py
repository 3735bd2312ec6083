import math
a1 = 39
a2 = 9223372036854775807
n3 = 10
n4 = True
f5 = 1.5
b6 = False
s7 = 'a'
L8 = [(-7), (-2147483648)]
M9 = [101, 3.0, False, (-2)]
D10 = {0: 85}
def fn11(p0, p1):
    p1 += (((a1 % (a1 or 1)) if (max(a1, a2) not in sorted(L8)) else (f5 + a2)) % (2 ** 63))
    return (max(hash(f5), max(1000, 77)) << (a2 & 7))
def phase12(n):
    a13 = ((26 % 16) - L8[(a1 % len(L8))])
    L14 = [18446744073709551615, 106, 5]
    s15 = ''
    for i16 in range(n):
        for i17 in range(2):
            if ((i17 % 6) == 3):
                if (a2 <= (n // 16)):
                    if ((i17 > 0) and b6):
                        continue
                    if ((i17 % 53) == 11):
                        print(i17, a2, n3, b6)
                    M9[((i17 + 4) % len(M9))] = ((((n - 1.5) + (n3 / 2.0)) * 0.25) + 0.5)
                elif (i17 >= 2):
                    a13 = (a1 % 9223372036854775807)
                    a13 = ((n % 16) % 65536)
                    M9[((a13 // 65536) % len(M9))] = ((33 * 0.5) + 1.0)
                else:
                    L14[((29 + i17) % len(L14))] = ((1 << 62) % 1000003)
                    a13 = (a2 % 65536)
            a13 -= ((a2 & 87) // 65536)
        print(i16, a2, n4, f5, b6, s7, s15)
        for i18 in range(2):
            if ((a1 * f5) >= (a2 + i16)):
                a13 = (2147483647 & 0x7fffffffffffffff)
                M9[((i18 + 6) % len(M9))] = ((((a13 + n) + L14[((i18 + 5) % len(L14))]) * 0.5) + (-3.0))
                a13 = (a13 % 2147483647)
            elif b6:
                L14[((i18 + 4) % len(L14))] = ((len(M9) ^ (a2 % 10)) % 9223372036854775807)
                L14[((i18 + 3) % len(L14))] = (a2 % 9223372036854775807)
                a13 = (a1 % 2147483647)
            M9[((i18 + 2) % len(M9))] = ((a1 * 0.5) + 0.5)
            M9[((i18 + 6) % len(M9))] = (a2 % 9223372036854775807)
            M9[((i18 * 5) % len(M9))] = (M9[(i18 % len(M9))] % 97)
            L14[(i18 % len(L14))] = ((n & L8[(i18 % len(L8))]) % 2147483647)
        print(i16, a1, a2, n4, b6, D10, s15)
        for i19 in range(2):
            a13 = ((i19 - (a13 * a1)) & 0x7fffffffffffffff)
            M9[(L14[((i19 + 7) % len(L14))] % len(M9))] = ((4294967296 - (n - a1)) % 9223372036854775807)
        print(i16, n4, f5, M9, n, L14, s15)
        if ((a1 + 0) >= L14[((i16 + 1) % len(L14))]):
            if (i16 > 393):
                if ((not False) or ((a1 // 1000) == a1)):
                    continue
        for i20 in range((-9223372036854775808), ((-9223372036854775808) + 2)):
            L14[((i20 * 7) % len(L14))] = ((2147483647 + a1) % 65536)
            if (i20 == 2):
                M9[((i20 + 7) % len(M9))] = (((f5 - (69 if b6 else 46)) * 0.25) + (-3.0))
                if (i20 == 2):
                    break
                if b6:
                    L8[((i20 + 4) % len(L8))] = (L8[(((1 << 62) // 7) % len(L8))] % 2147483647)
                    L14[((a2 << 62) % len(L14))] = (70 % 4294967296)
                elif (1e16 != (0.5 * f5)):
                    a13 += (-i20)
                elif (a13 != n3):
                    L14[((i20 + 6) % len(L14))] = (((i20 - a2) & (n - a1)) % 9223372036854775807)
                else:
                    L14[((i20 * 6) % len(L14))] = ((-a2) % 2147483647)
            elif (i20 == 2):
                L8[((n if False else a13) % len(L8))] = ((28 % 1) % 2147483647)
        print(i16, a2, b6, s7, n, a13, s15)
        if ((i16 % 31) == 30):
            print(i16, a1, M9, D10, s15)
    print(n3, f5, b6, M9, D10, a13)
    for i21 in range(n):
        for i22 in range(2):
            L8[((i22 + 8) % len(L8))] = (((a13 * i21) + (a2 | n)) % 1000003)
            if ((f5 - 0.5) == (n * a13)):
                a13 = ((-((-a1) * (1 << 62))) % 2147483647)
                L14[((a1 // 7) % len(L14))] = (a2 % 9223372036854775807)
                a13 = ((((n % 7) if ((a1 - n) >= (1e16 - i21)) else len(L8)) - 4611686018427387904) % 1000003)
            else:
                M9[((i22 + 1) % len(M9))] = ((a2 * 0.5) + (-3.0))
            a13 = ((((-67) - (n % 3)) | len(L8)) % 9223372036854775807)
            M9[(i22 % len(M9))] = ((a13 * 0.25) + 0.5)
            M9[((-51) % len(M9))] = ((M9[((a1 // 10) % len(M9))] * 0.25) + (-3.0))
        print(i21, a1, a2, n4, s7, L8, n)
        if (L14[((a2 if ((n3 >= i21) or ((i21 - n) >= (a1 / 3))) else a1) % len(L14))] <= i21):
            L14[(i21 % len(L14))] = (i21 % 97)
            M9[(i21 % len(M9))] = (((i21 | 27) | 6) % 2305843009213693951)
            M9[((i21 + 9) % len(M9))] = (((-0.0) * 0.5) + 1.0)
        elif b6:
            if (a2 <= L14[(i21 % len(L14))]):
                M9[((i21 + 7) % len(M9))] = (((L14[((i21 + 57) % len(L14))] / 1e-3) * 0.5) + 1.0)
            elif (n4 != f5):
                if ((i21 % 2) == 1):
                    L8[((15 * 3037000499) % len(L8))] = ((i21 // 65536) & 0x7fffffffffffffff)
                    L14[((i21 + 2) % len(L14))] = (n % 1000003)
                elif ((i21 % 9) == 7):
                    if ((i21 % 237) == 30):
                        print(i21, b6, D10, n)
                    if ((a2 & i21) == (a13 - i21)):
                        break
                    a13 = (L8[((i21 + 2) % len(L8))] % 97)
                elif (i21 >= 1518):
                    M9[((i21 * 2) % len(M9))] = ((n4 / 1e-3) % 2305843009213693951)
                    if ((i21 > 1772) or (b6 or (i21 < 1084))):
                        break
            if (i21 == 969):
                M9[(i21 % len(M9))] = ((f5 * 0.5) + (-3.0))
                M9[((i21 * 6) % len(M9))] = ((L8[(95 % len(L8))] * 0.25) + 1.0)
                a13 = ((-a2) % 1000003)
        if ((i21 % 37) == 13):
            print(i21, a2, s7, M9, L14)
    print(a2, n4, b6, s7, L8, a13)
    return (a13, L14, s15)
print(phase12(65))
for i23 in range(562):
    print(i23, f5, s7, L8, D10)
    n3 = (i23 if ((n3 + n3) < n4) else (fn11(fn11(fn11(n3, (-1)), p1=a1), ((2147483648 if (i23 > 77) else a1) * math.inf)) % 1000.0))
    if b6:
        try:
            s7 = (s7 + ('%x:%r' % ((a1 % (1 or 1)), hash(f5))))[(-30):]
            n3 = round((0.1 / ((7 / (b6 or 1)) or 1)))
        except RuntimeError as e:
            print('RuntimeError', e)
        except (IndexError, KeyError) as e:
            print('IndexError KeyError', e)
            M9 = [(((-1) * a1) % (2 ** 64 + 1)) for e24 in M9]
        except Exception as e:
            print('other', type(e).__name__, e)
        if bool(f5):
            a2 &= ((a1 | 2147483647) - a1)
            L8.sort()
            D10.setdefault(((i23 - 7) % 5), max(a1, 10))
        b6 = b6
    try:
        print((abs(float(((-1) & a1))) ** (64 - 1)))
        f5 = (math.exp((a1 % 50)) % (10 ** 19))
    except LookupError as e:
        print('LookupError', e)
        n3 = (((a2 + ((-1) / (b6 or 1))) if ((False + n4) >= (a2 + i23)) else ((a1 + f5) + b6)) % (2 ** 65))
    except ArithmeticError as e:
        print('ArithmeticError', e)
        if (i23 == 316):
            continue
    except (ValueError, ZeroDivisionError):
        for i25 in range(7):
            print(i25, a1, n4, s7, D10)
            if (fn11(f5, b6) <= fn11(b6, p1=a1)):
                D10.setdefault((3 % 3), (94 + a1))
                D10[(a2 % 12)] = ((int(str(6)) & len(L8)) % (-1000))
                n3 += ((10 * ((-3) and 16)) % 65536)
            elif ((i25 > 3) and b6):
                if ((i25 % 6) in D10):
                    D10[(i25 % 6)] += i23
                D10[(1 % 3)] = (a1 & 0xffffffffffffffff)
            print(i25, a1, n3, L8, M9)
        print(i23, a1, a2, n3, f5, s7, L8)
    except Exception as e:
        print('other', type(e).__name__, e)
    for i26 in range(7):
        try:
            n3 = D10[2]
            if (True not in sorted(L8)):
                raise ValueError(divmod(i26, (i26 or 1))[1])
        except (IndexError, KeyError):
            a1, a2 = (a2, ((a1 + a2) % 1000003))
        except KeyError as e:
            print('KeyError', e)
        except Exception as e:
            print('other', type(e).__name__, e)
        D10[(i26 % 9)] = (((a1 % (i26 or 1)) // ((i26 >> ((-9223372036854775808) & 127)) or 1)) & 0xffffffffffffffff)
        if ((i26 % 2) == 1):
            a2 &= (i26 + 16)
            if ((i26 % 2) == 0):
                break
            b6 = (fn11(fn11(f5, p1=a2), (87 % ((-2) or 1))) != (False or (b6 if (i26 == 6) else f5)))
        else:
            print(i26, a2, n4, s7, M9)
        print(i26, a2, n3, s7, D10)
    print(i23, n3, n4, f5, s7, L8, D10)
    if ((i23 % 13) == 8):
        print(i23, a1, n4, f5, s7)
print(a1, a2, n3, L8, M9, D10)
for x28 in (M9[:] * 50):
    s7 = (s7 + repr(fn11(a1, n3)))[(-30):]
    print(n3, n4, s7, D10)
    f5 += (math.log((abs((x28 + n4)) + 1)) % 1000003)
    f5 += ((math.hypot(a1, 67) - (a1 // (n3 or 1))) % 1e6)
    if (b6 != (a1 - 2)):
        D10.setdefault((a1 % 9), a2)
        a1 += 40
        s7 = ('%x:%r' % (max([55][(2 % len([55]))], (a2 - 2147483647)), ((a2 if ('-' in ','.join([str(e29) for e29 in L8])) else (-11)) * fn11((2 ** 63), n3))))[(-24):]
print(a1, a2, n4, b6, L8, M9)
print(a1, a2, n3, n4, f5, b6, s7, L8, M9, D10)
