"""Benchmark: longest Collatz chain below a bound; integer while-loop with branches."""


def collatz_len(n):
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def main():
    limit = 130000
    best = 0
    best_n = 0
    total = 0
    for n in range(1, limit):
        c = collatz_len(n)
        total += c
        if c > best:
            best = c
            best_n = n
    print("collatz", best_n, best, total)


main()
