"""Benchmark: big-int arithmetic: pidigits spigot (divmod, *, +) and factorial digit sums."""


def pidigits(ndigits):
    q = 1
    r = 0
    t = 1
    k = 1
    digits = []
    while len(digits) < ndigits:
        # next term
        k2 = 2 * k + 1
        r = (2 * q + r) * k2
        q = q * k
        t = t * k2
        k += 1
        if q > r:
            continue
        d, rem = divmod(3 * q + r, t)
        d4, rem4 = divmod(4 * q + r, t)
        if d != d4:
            continue
        digits.append(str(d))
        r = 10 * (r - d * t)
        q = 10 * q
    return "".join(digits)


def factorial(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f


def digit_sum(x):
    s = 0
    while x > 0:
        x, d = divmod(x, 1000000000)
        while d > 0:
            s += d % 10
            d //= 10
    return s


def digit_count(x):
    n = 0
    while x >= 1000000000:
        x //= 1000000000
        n += 9
    while x > 0:
        x //= 10
        n += 1
    return n


def main():
    pi = pidigits(4000)
    f = factorial(10000)
    print("bigint", pi[:10], pi[-10:], digit_count(f), digit_sum(f))


main()
