import math
a1 = (10 ** 20)
a2 = 18446744073709551616
n3 = 92
n4 = True
f5 = 1e16
b6 = False
s7 = 'a,b,c'
L8 = [68, 10, 25]
M9 = [4294967296, 4611686018427387904]
D10 = {0: 35, 3: 106, 6: 0, 9: 255}
def fn11(p0):
    n12 = a2
    try:
        for i13, x14 in enumerate(L8):
            print(i13, M9, p0, x14)
            if ((x14 + i13) not in [x14 for e15 in L8]):
                n12 = ((((9007199254740992.0 + f5) % ((i13 if (i13 < 8) else i13) or 1)) % ((math.atan2(x14, 5) % (((-3) / (b6 or 1)) or 1)) or 1)) % (-(2 ** 63)))
                n12 = (True if (i13 == 2) else (((sum([78, (-7), 87]) * L8[0]) / (((66 * a1) + (a2 % (n12 or 1))) or 1)) % 4096))
            L8[((i13 + 1) % len(L8))] = (a1 % 997)
            print(i13, a1, b6, L8, n12)
        print(a1, n4, f5, b6, M9, p0)
        p0 = (a1 // (a2 if '123'[(a2 + a1):].isdigit() else 42))
    except LookupError as e:
        print('LookupError', e)
        print(n3, f5, b6, D10)
    except KeyError:
        n12 = b6
    except (IndexError, KeyError):
        if ('1' in ','.join([str(e16) for e16 in [68, (-10), 2147483647, 16, 1000, (-9223372036854775808), 255]])):
            print(n4, s7, p0)
            if isinstance((a1 ^ a2), bool):
                if b6:
                    return ((a2 - a1) + a2)
                print(n3, n4, s7)
                print(a1, n4, f5)
            print(b6, L8, M9)
        elif (s7 + s7).startswith('0'):
            M9[(5 % len(M9))] = (divmod((a1 + a2), (((-(2 ** 63)) + a1) or 1))[0] % (2 ** 63 + 7))
    except Exception as e:
        print('other', type(e).__name__, e)
    finally:
        print(f5, p0)
    return (a2 ^ (-2147483648))
def gen17(n, p):
    for j18 in range(min(n, 20)):
        try:
            (yield n)
            p = D10[j18]
        except ArithmeticError as e:
            print('ArithmeticError', e)
            if ((a2 * a2) not in [n3 for e19 in M9]):
                break
        except RuntimeError as e:
            print('RuntimeError', e)
            if ((j18 % 4) == 3):
                if b6:
                    continue
                print(j18, b6, s7, D10)
            elif ((p // (n3 or 1)) in sorted(L8)):
                p = ((((a1 // (j18 or 1)) if ((n3 and j18) >= (n3 + p)) else (b6 - n)) + ((1e-300 * j18) + (f5 + f5))) % (2 ** 63))
                try:
                    p = L8[(j18 - 8)]
                    if ((1e16 if (j18 == 9) else f5) != (b6 + f5)):
                        raise ValueError(j18)
                except ArithmeticError as e:
                    print('ArithmeticError', e)
                    (yield L8[::(-1)][(-1)])
                except (ValueError, ZeroDivisionError) as e:
                    print('ValueError ZeroDivisionError', e)
                except RuntimeError:
                    print(j18, n4, b6)
                except Exception as e:
                    print('other', type(e).__name__, e)
                else:
                    M9.append((((a1 // (n3 or 1)) or ((-1) + 63)) % 18446744073709551616))
                    if (len(M9) > 15):
                        M9.pop(0)
        except (IndexError, KeyError) as e:
            print('IndexError KeyError', e)
        except Exception as e:
            print('other', type(e).__name__, e)
        finally:
            if ((j18 % 9) in D10):
                D10[(j18 % 9)] += len(D10)
        (yield abs(a2))
    (yield from [(2 ^ (-9223372036854775808)), (-10), (a1 % (a1 or 1))])
try:
    i20 = 0
    while i20 < 15:
        i20 += 1
        a1 = (fn11((fn11(a1) + (f5 if ((31 * f5) >= a2) else f5))) % 9223372036854775807)
        M9.insert((-1), (1.5 + n4))
        M9.pop()
        f5 -= (n4 % 9223372036854775807)
        if ((i20 % 7) == 6):
            print(i20, a1, a2, b6, s7)
except Exception as e:
    print('caught', type(e).__name__, e)
print(n3, n4, f5, s7, L8, D10)
def phase21(n):
    a22 = fn11((n - a2))
    a23 = 39
    try:
        for i24 in range(n):
            a23 = (math.factorial((len(D10) % 25)) % 65536)
            if ((i24 > 1808) or True):
                print(i24, n3, b6, L8)
                try:
                    print(L8[(i24 - 1236)])
                    print(i24, a2, n4, n)
                    if ((i24 % 4) == 2):
                        if (i24 == 1989):
                            break
                        print(i24, s7, n, a23)
                        a23 = ((D10.get(8, i24) << (math.factorial(((n - n) % 25)) & 63)) % 65536)
                    elif (n > (1e300 - a23)):
                        print(i24, a1, a2, n4, b6)
                        if (i24 < 227):
                            break
                        print(i24, M9, D10, a22)
                    else:
                        a23 -= (min(83, a22) % ((b6 * n) or 1))
                        print(i24, n4, L8, a23)
                except (IndexError, KeyError):
                    if ((n % (a2 or 1)) < (123.456 * 12) < (i24 % (n3 or 1))):
                        print(i24, f5, s7)
                        print(i24, a1, b6, M9)
                    else:
                        a22, a23 = (a23, ((a22 + a23) % (-1000)))
                        if (((a22 + a22) % 9) in D10):
                            D10[((a22 + a22) % 9)] += [3, 2147483647, 117, 90, (-(2 ** 63)), 105, 64, 89][(((i24 + 1) % len([3, 2147483647, 117, 90, (-(2 ** 63)), 105, 64, 89])) - len([3, 2147483647, 117, 90, (-(2 ** 63)), 105, 64, 89]))]
                except Exception as e:
                    print('other', type(e).__name__, e)
                else:
                    try:
                        print(i24, a2, D10, a23)
                        a23 += sum(gen17(10, (n4 if ((i24 % 9) == 3) else (-2))))
                        print(((a22 // ((-5) or 1)) % (i24 if (sum(gen17(5, a2)) != (a1 + a1) == (n - (10 ** 20))) else 109)))
                    except ValueError:
                        if ((1e300 % (a1 or 1)) > (a2 * i24)):
                            continue
                    except Exception as e:
                        print('other', type(e).__name__, e)
            print(i24, b6, D10, a22)
            if ((i24 % 23) == 13):
                print(i24, a1, n3, n4, b6)
    except Exception as e:
        print('caught', type(e).__name__, e)
    print(n3, f5, b6, L8, D10, n)
    i25 = 0
    while i25 < n:
        i25 += 1
        if ((a1 + 1) > (n3 % (f5 or 1))):
            continue
        if (i25 == 1405):
            continue
        M9[((16 - a22) % len(M9)):(((16 - a22) % len(M9)) + 1)] = [(1e16 * a1)]
        if b6:
            print(i25, n3, D10, a23)
            if ((f5 / (n or 1)) != (a1 // (f5 or 1))):
                for i26 in range(0):
                    a22 += math.isqrt(abs(D10.get((i26 + 2), n)))
                    a23 ^= (math.factorial((n % 25)) + D10.get((i26 * 4), a22))
                    if (i26 == 0):
                        break
                    print(i26, a2, n4, D10, a22)
                print(i25, a1, n3, n4, f5, s7, a23)
            print(i25, b6, s7, M9, a22)
        elif ((n4 - f5) in (L8 + [(-2)])):
            print(i25, n3, s7, n)
            print(i25, M9, n, a22)
            print(i25, n4, s7, n, a23)
        a22 = (sum(gen17(7, (n4 - b6))) % (2 ** 63 + 7))
        if ((i25 % 19) == 2):
            print(i25, a1, M9, D10, a23)
    print(f5, L8, M9, n, a22, a23)
    return (a22, a23)
print(phase21(63))
for i27 in range(69):
    for i28 in range((-57), 57, 2):
        f5 += (len(L8[::(-1)]) % 1000003)
        D10.setdefault((fn11(10) % 4), (a1 - a2))
        if ((2.5 + 16) < (9223372036854775807 // (7 or 1))):
            M9[(i28 % len(M9))] = (f5 % 65536)
            if ((i28 % 2) == 1):
                a2 = (next(gen17(4, (i27 - a1)), (-1)) & 0xffffffffffffffff)
            else:
                s7 = (str((86 + a2)) + ('%x:%r' % (i27, (n4 if ((i28 > 4) and 'abc'.startswith('abc')) else i28))))[(-24):]
            print(i28, a2, n4, f5, D10)
        if (i28 == 12):
            a2 += math.isqrt(abs((i27 - i28)))
            print(i28, a1, a2, n3, L8)
            M9[((i28 - 5) % len(M9))] = (sum(gen17(0, 2.5)) % 65536)
        if ((i28 % 7) == 0):
            print(i28, n4, b6, s7, D10)
    print(i27, a2, n3, s7, L8, M9, D10)
    s7 = (s7 + ('hello' + s7))[(-30):]
    if ((i27 % 7) == 6):
        print(i27, a1, n3, s7, L8)
print(n3, n4, f5, b6, s7, D10)
print(a1, a2, n3, n4, f5, b6, s7, L8, M9, D10)
