# In-place operators: __iadd__ and friends, falling back to the binary operator.
class Bag:
    def __init__(self, items):
        self.items = list(items)

    def __iadd__(self, other):
        self.items.extend(other)
        return self

    def __add__(self, other):
        return Bag(self.items + list(other))

    def __isub__(self, other):
        for x in other:
            self.items.remove(x)
        return self

    def __imul__(self, n):
        self.items = self.items * n
        return self

    def __repr__(self):
        return f"Bag({self.items})"


b = Bag([1, 2])
alias = b
b += [3]
print(b, alias, b is alias)
b -= [1]
print(b, alias)
b *= 2
print(b, b is alias)
c = b + [9]
print(c, b, c is b)


class Frozen:
    """Only binary operators: `+=` rebinds to a new object."""

    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        return Frozen(self.n + o)

    def __sub__(self, o):
        return Frozen(self.n - o)

    def __mul__(self, o):
        return Frozen(self.n * o)

    def __truediv__(self, o):
        return Frozen(self.n / o)

    def __floordiv__(self, o):
        return Frozen(self.n // o)

    def __mod__(self, o):
        return Frozen(self.n % o)

    def __pow__(self, o):
        return Frozen(self.n ** o)

    def __and__(self, o):
        return Frozen(self.n & o)

    def __or__(self, o):
        return Frozen(self.n | o)

    def __xor__(self, o):
        return Frozen(self.n ^ o)

    def __lshift__(self, o):
        return Frozen(self.n << o)

    def __rshift__(self, o):
        return Frozen(self.n >> o)


f = Frozen(5)
g = f
f += 1
f -= 3
f *= 10
print(f.n, g.n, f is g)
f //= 4
f **= 2
f %= 7
print(f.n)
f <<= 3
f >>= 1
f |= 1
f &= 13
f ^= 6
print(f.n)
f /= 4
print(f.n)


class Counter:
    def __init__(self):
        self.hits = 0

    def __iadd__(self, n):
        self.hits += n
        return self


class Holder:
    def __init__(self):
        self.c = Counter()
        self.vals = [Counter(), Counter()]


h = Holder()
h.c += 5
h.c += 1
h.vals[1] += 7
print(h.c.hits, h.vals[0].hits, h.vals[1].hits)

# In-place on plain values still works (ints, lists, strings).
n = 10
n -= 3
n *= 2
n //= 3
n %= 3
n **= 3
n <<= 2
n >>= 1
n |= 1
n &= 7
n ^= 2
s = "ab"
s += "c"
s *= 2
lst = [1]
lst2 = lst
lst += [2]
lst *= 2
print(n, s, lst, lst2)

# Hot loop with an in-place method.
acc = Counter()
for i in range(500):
    acc += i
print(acc.hits)
