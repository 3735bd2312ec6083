# __hash__ and __eq__: user objects as dict keys; identity hashing by default.
class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, o):
        return isinstance(o, Key) and (self.a, self.b) == (o.a, o.b)

    def __hash__(self):
        return hash((self.a, self.b))

    def __repr__(self):
        return f"Key({self.a}, {self.b})"


d = {}
d[Key(1, 2)] = "x"
d[Key(3, 4)] = "y"
d[Key(1, 2)] = "z"
print(len(d), d[Key(1, 2)], Key(3, 4) in d, Key(5, 6) in d, d)
print(d.get(Key(3, 4)), d.get(Key(0, 0), "none"))
del d[Key(1, 2)]
print(d, hash(Key(1, 2)) == hash(Key(1, 2)))


class Ident:
    def __init__(self, n):
        self.n = n


i1, i2 = Ident(1), Ident(1)
m = {i1: "one", i2: "two"}
print(len(m), m[i1], m[i2], i1 in m, Ident(1) in m)
print(hash(i1) == hash(i1), hash(i1) == hash(i2))


# Collisions: equal hashes, different keys.
class Collide:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 7

    def __eq__(self, o):
        return self.v == o.v


c = {Collide(1): 1, Collide(2): 2, Collide(1): 3}
print(len(c), c[Collide(1)], c[Collide(2)])


# __hash__ results are normalized like CPython's.
class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


print(hash(H(-1)), hash(H(5)), hash(H(True)), hash(H(2**70)) == hash(2**70))


# Explicit __hash__ = None makes instances unhashable; inheriting __hash__ keeps it.
class Base:
    def __hash__(self):
        return 42


class Child(Base):
    pass


print(hash(Child()), hash(Base()))


# Counting with user keys in a hot loop.
counts = {}
for i in range(300):
    k = Key(i % 3, i % 2)
    counts[k] = counts.get(k, 0) + 1
print(sorted([(k.a, k.b, v) for k, v in counts.items()]))

# Keys in sets of keys: dict keys() views and membership.
print(sorted([repr(k) for k in counts.keys()]))
print(Key(0, 0) in counts.keys())
