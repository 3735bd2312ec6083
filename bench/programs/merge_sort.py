"""Benchmark: top-down merge sort on LCG-generated ints; slices, append/pop, tuple results."""


def lcg_list(n, seed):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1664525 + 1013904223) % 4294967296
        out.append(x >> 8)
    return out


def merge(a, b):
    out = []
    i = 0
    j = 0
    na = len(a)
    nb = len(b)
    while i < na and j < nb:
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    if i < na:
        out += a[i:]
    if j < nb:
        out += b[j:]
    return out


def merge_sort(xs):
    n = len(xs)
    if n <= 1:
        return xs
    mid = n // 2
    return merge(merge_sort(xs[:mid]), merge_sort(xs[mid:]))


def check(xs):
    prev = -1
    acc = 0
    for i in range(len(xs)):
        v = xs[i]
        if v < prev:
            return None
        prev = v
        acc = (acc * 31 + v) % 1000000007
    return acc, xs[0], xs[-1]


def main():
    xs = lcg_list(300000, 12345)
    ys = merge_sort(xs)
    stack = ys[:]
    popped = 0
    while len(stack) > 250000:
        popped += stack.pop()
    print("merge_sort", check(ys), min(xs), max(xs), popped % 1000003)


main()
