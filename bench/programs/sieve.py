"""Benchmark: sieve of Eratosthenes with explicit list indexing and stores."""


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    count = 0
    last = 0
    for k in range(n + 1):
        if flags[k]:
            count += 1
            last = k
    return count, last


def main():
    total = 0
    last = 0
    for _ in range(10):
        count, last = sieve(1000000)
        total += count
    print("sieve", total, last)


main()
