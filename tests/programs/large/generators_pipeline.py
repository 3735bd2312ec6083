# A generator-based data pipeline: infinite generators, filters and maps built
# from generator functions and generator expressions, yield from, send().


def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


def flatten(nested):
    for x in nested:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x


def running_avg():
    total = 0.0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count


def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1


def chunked(it, n):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


print(list(take(15, primes())))
print(sum(take(500, primes())))
gaps = (b - a for a, b in windows(take(200, primes()), 2))
print(max(gaps))
print(list(windows(range(6), 3)))
print(list(flatten([1, [2, [3, [4, [5]]], 6], [[7]], 8])))
avg = running_avg()
next(avg)
print([round(avg.send(x), 3) for x in [10, 20, 30, 5, 1]])
lengths = {n: sum(1 for _ in collatz(n)) for n in range(1, 30)}
best = max(lengths, key=lambda k: lengths[k])
print(best, lengths[best])
squares = (x * x for x in naturals())
evens = (x for x in squares if x % 2 == 0)
print(list(take(8, evens)))
print([sum(c) for c in chunked(range(23), 5)])
words = "the quick brown fox jumps over the lazy dog again and again".split()
lens = (len(w) for w in words)
print(sum(lens), sorted(set(w[0] for w in words)))
g = (i * i for i in range(5))
print(next(g), next(g), list(g), list(g))


def countdown(n):
    try:
        while n > 0:
            yield n
            n -= 1
    finally:
        print("countdown closed at", n)


c = countdown(5)
print(next(c), next(c))
c.close()
total = 0
for i, p in zip(range(1000), primes()):
    total += p * (i % 7)
print(total)
