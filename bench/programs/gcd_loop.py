"""Benchmark: Euclid gcd over many pairs; while loops, tuple swap, modulo, a global counter."""

CALLS = 0


def gcd(a, b):
    global CALLS
    CALLS += 1
    while b:
        a, b = b, a % b
    return a


def main():
    total = 0
    coprime = 0
    for a in range(1, 2000):
        for b in range(1, 2000, 3):
            g = gcd(a * 7919, b * 104729)
            total += g
            if g == 1:
                coprime += 1
    print("gcd_loop", total, coprime, CALLS)


main()
