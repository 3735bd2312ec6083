# Rich comparisons, reflection, sorting user objects.
class Version:
    def __init__(self, s):
        self.parts = [int(p) for p in s.split(".")]
        self.s = s

    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts == o.parts

    def __lt__(self, o):
        return self.parts < o.parts

    def __le__(self, o):
        return self.parts <= o.parts

    def __repr__(self):
        return "v" + self.s


a, b, c = Version("1.2"), Version("1.10"), Version("1.2")
print(a == c, a != c, a == b, a != b, a < b, b < a, a <= c, a > b, b >= a)
print(a == "1.2", a != "1.2", "1.2" == a)
vs = [Version(s) for s in ["2.0", "1.2.3", "1.10", "1.2", "0.9"]]
print(sorted(vs), sorted(vs, reverse=True))
print(min(vs), max(vs))
vs.sort()
print(vs, vs.index(Version("1.10")), Version("0.9") in vs, vs.count(Version("2.0")))


class Plain:
    pass


p, q = Plain(), Plain()
print(p == p, p == q, p != q, p is p, [p, q].index(q), q in [p, q], Plain() in [p])


# Only __gt__ defined: a < b uses the reflected b > a.
class G:
    def __init__(self, v):
        self.v = v

    def __gt__(self, o):
        return self.v > o.v

    def __repr__(self):
        return f"G{self.v}"


print(G(1) < G(2), G(3) < G(2), sorted([G(3), G(1), G(2)]))


# __ne__ defaults to the inverse of __eq__.
class E:
    def __init__(self, k):
        self.k = k

    def __eq__(self, o):
        return self.k == o.k


print(E(1) != E(1), E(1) != E(2), E(1) == E(1))


# __eq__ may return anything.
class Weird:
    def __eq__(self, o):
        return "yes"

    def __lt__(self, o):
        return 0


print(Weird() == 1, Weird() < 5, 5 > Weird())


# Tuples and lists compare their user items.
print((Version("1.0"), 1) < (Version("1.0"), 2), [Version("1.1")] < [Version("1.0")])
print(sorted([(Version("2.0"), "b"), (Version("1.0"), "a"), (Version("2.0"), "a")]))


class Card:
    order = "23456789TJQKA"

    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def key(self):
        return (Card.order.index(self.rank), self.suit)

    def __lt__(self, o):
        return self.key() < o.key()

    def __repr__(self):
        return self.rank + self.suit


hand = [Card(r, s) for r, s in [("K", "h"), ("2", "s"), ("T", "d"), ("A", "c"), ("2", "c")]]
print(sorted(hand), max(hand), min(hand))
print(sorted(hand, key=lambda c: c.suit))
