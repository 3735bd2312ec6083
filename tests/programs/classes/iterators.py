# Iterator protocol: __iter__ / __next__, StopIteration ends loops.
class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


for x in Countdown(3):
    print("tick", x)
print(list(Countdown(5)), sum(Countdown(4)), sorted(Countdown(3)))


class Range2:
    """An iterable whose iterator is a separate object."""

    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi

    def __iter__(self):
        return Range2Iter(self.lo, self.hi)


class Range2Iter:
    def __init__(self, cur, hi):
        self.cur = cur
        self.hi = hi

    def __iter__(self):
        return self

    def __next__(self):
        if self.cur >= self.hi:
            raise StopIteration()
        v = self.cur
        self.cur += 2
        return v


r = Range2(0, 9)
print(list(r), list(r), [a * b for a in r for b in Range2(1, 4)])
print(max(r), min(r), any(r), all(r), 4 in r, 5 in r)
for i, v in enumerate(Range2(10, 16)):
    print(i, v)
print(list(zip(Range2(0, 6), Countdown(3))))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
c = Countdown(2)
print(iter(c) is c)


class Delegate:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


d = Delegate(["a", "b"])
print(list(d), ", ".join(d), dict(zip(d, d)))
x, y = d
print(x, y)


class Fib:
    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        self.a, self.b = 0, 1
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v


print(list(Fib(100)))
total = 0
for v in Fib(10**15):
    total += v
print(total)


# Iteration through __getitem__ only.
class Squares:
    def __getitem__(self, i):
        if i >= 6:
            raise IndexError("done")
        return i * i


print(list(Squares()), 16 in Squares(), 17 in Squares())
for s in Squares():
    print("sq", s)
