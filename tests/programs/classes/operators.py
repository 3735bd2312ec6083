# Arithmetic special methods, reflected operands and NotImplemented.
class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"V({self.x}, {self.y})"

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return V(self.x + o, self.y + o)
        return NotImplemented

    def __radd__(self, o):
        return self.__add__(o)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, V):
            return self.x * k.x + self.y * k.y
        return V(self.x * k, self.y * k)

    def __rmul__(self, k):
        return V(self.x * k, self.y * k)

    def __truediv__(self, k):
        return V(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)

    def __mod__(self, k):
        return V(self.x % k, self.y % k)

    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)

    def __neg__(self):
        return V(-self.x, -self.y)

    def __pos__(self):
        return V(+self.x, +self.y)

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def __invert__(self):
        return V(self.y, self.x)


a = V(3, 4)
b = V(1, 2)
print(a + b, a - b, a * b, a * 2, 3 * a, a / 2, a // 2, a % 2, a ** 2)
print(-a, +a, abs(a), ~a, a + 1, 1 + a, 2.5 + a)
print(sum([V(1, 1), V(2, 2), V(3, 3)], V(0, 0)))


class Bits:
    def __init__(self, v):
        self.v = v

    def __and__(self, o):
        return Bits(self.v & o.v)

    def __or__(self, o):
        return Bits(self.v | o.v)

    def __xor__(self, o):
        return Bits(self.v ^ o.v)

    def __lshift__(self, n):
        return Bits(self.v << n)

    def __rshift__(self, n):
        return Bits(self.v >> n)

    def __rlshift__(self, n):
        return n << self.v

    def __repr__(self):
        return bin(self.v)


x, y = Bits(12), Bits(10)
print(x & y, x | y, x ^ y, x << 2, x >> 2, 1 << Bits(5))


# NotImplemented from both sides falls back to the reflected method, then errors.
class Meters:
    def __init__(self, m):
        self.m = m

    def __add__(self, o):
        if isinstance(o, Meters):
            return Meters(self.m + o.m)
        return NotImplemented

    def __repr__(self):
        return f"{self.m}m"


class Feet:
    def __init__(self, f):
        self.f = f

    def __radd__(self, o):
        if isinstance(o, Meters):
            return Meters(o.m + self.f * 0.3048)
        return NotImplemented


print(Meters(1) + Meters(2), Meters(1) + Feet(10))


# A subclass's reflected method runs first when it overrides it.
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return "Num.__add__"

    def __radd__(self, o):
        return "Num.__radd__"


class Special(Num):
    def __radd__(self, o):
        return "Special.__radd__"


print(Num(1) + Num(2), Num(1) + Special(2), Special(1) + Num(2), 5 + Num(1))
print(NotImplemented, type(NotImplemented).__name__, bool(a))

# Hot loop of vector arithmetic.
acc = V(0, 0)
for i in range(300):
    acc = acc + V(i, -i) * 2 - V(1, 1)
print(acc)


# `@` calls __matmul__ / __rmatmul__.
class M:
    def __init__(self, v):
        self.v = v

    def __matmul__(self, o):
        return ("matmul", self.v, o.v if isinstance(o, M) else o)

    def __rmatmul__(self, o):
        return ("rmatmul", o, self.v)


print(M(1) @ M(2), M(3) @ 4, 5 @ M(6))
