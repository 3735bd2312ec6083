"""Benchmark: triply nested for/while loops with integer arithmetic and branches."""


def nested(n):
    total = 0
    for i in range(n):
        for j in range(n):
            k = 0
            while k < n:
                if (i + j + k) % 3 == 0:
                    total += i * j - k
                elif k > j:
                    total -= 1
                else:
                    total += 2
                k += 1
    return total


def count_pairs(n):
    count = 0
    for a in range(1, n):
        for b in range(a, n):
            if (a * a + b * b) % 11 == 1:
                count += 1
            if b - a > 100:
                break
    return count


def main():
    print("nested_loops", nested(190), count_pairs(3000))


main()
