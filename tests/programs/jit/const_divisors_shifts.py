# Division, modulo and shifts by constants (compiled without divisor or count
# checks), on both signs up to the ends of i64, and `<<` by a constant that
# overflows into a big int inside the loop (the exit of the constant-count shift).


def divmods(lo, n):
    acc = 0
    x = lo
    for i in range(n):
        acc += x // 7 + x % 7 + x // 8 + x % 8 + x // 1000003 - x % 641
        x += 9007199254740993
    return acc, x


def shifts(n):
    x = 1
    hi = 0
    lo = 0
    for i in range(n):
        y = x << 3
        hi += y >> 70
        lo += -y >> 2
        x = y + i
    return x, hi, lo


def float_div(n):
    t = 0.0
    for i in range(n):
        t += i / 4.0 - i / -0.5
    return t


print(divmods(-9223372036854775807, 300))
print(divmods(-1000, 300))
print(shifts(40))
print(float_div(500))
try:
    t = 0.0
    for i in range(200):
        t += 1.0 / (0.0 if i == 150 else 2.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, t)
