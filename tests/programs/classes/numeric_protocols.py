# __int__, __float__, __index__, __round__, __divmod__, __reversed__.
class Fixed:
    def __init__(self, cents):
        self.cents = cents

    def __int__(self):
        return self.cents // 100

    def __float__(self):
        return self.cents / 100

    def __round__(self, ndigits=None):
        if ndigits is None:
            return round(self.cents / 100)
        return Fixed(round(self.cents, ndigits - 2) if ndigits < 2 else self.cents)

    def __divmod__(self, n):
        return (Fixed(self.cents // n), Fixed(self.cents % n))

    def __rdivmod__(self, n):
        return ("r", n)

    def __repr__(self):
        return f"Fixed({self.cents})"


f = Fixed(1234)
print(int(f), float(f), round(f), round(f, 1), round(f, None), divmod(f, 7), divmod(3, f))


class Idx:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


xs = [10, 20, 30, 40]
print(xs[Idx(2)], xs[Idx(-1)], "abc"[Idx(1)], (1, 2, 3)[Idx(0)], list(range(Idx(4))))
print(hex(Idx(255)), bin(Idx(5)), oct(Idx(8)), int(Idx(7)), float(Idx(3)))
print(list(range(Idx(1), Idx(9), Idx(3))), xs[Idx(1):Idx(3)], "hello"[Idx(1)::Idx(2)])


class Countdown:
    def __init__(self, n):
        self.n = n

    def __reversed__(self):
        return iter(range(1, self.n + 1))


class Seq:
    def __len__(self):
        return 4

    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return "abcd"[i]


print(list(reversed(Countdown(3))), list(reversed(Seq())), "".join(reversed(Seq())))


# A user descriptor class (__get__ / __set__).
class Typed:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.kind())

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            value = self.kind(value)
        obj.__dict__[self.name] = value


class Lazy:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, owner):
        if obj is None:
            return "lazy on class"
        return self.fn(obj) * 2


class Record:
    count = Typed("count", int)
    label = Typed("label", str)

    def __init__(self, v):
        self.v = v

    @Lazy
    def doubled(self):
        return self.v


r = Record(21)
print(r.count, repr(r.label), r.doubled, Record.doubled, type(Record.count).__name__)
