"""Benchmark: tight integer accumulation loops (while and for-range), small ints only."""


def while_sum(n):
    total = 0
    i = 0
    while i < n:
        total += i * i % 7
        i += 1
    return total


def range_sum(n):
    total = 0
    for i in range(n):
        total += i & 255
        total -= i >> 3 & 15
    return total


def main():
    a = while_sum(5000000)
    b = range_sum(5000000)
    print("sum_loop", a, b)


main()
