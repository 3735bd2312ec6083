# Multiple inheritance: C3 MRO, cooperative super() chains.
class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


def names(cls):
    return [k.__name__ for k in cls.__mro__]


print(names(D), D().who())
print(isinstance(D(), C), issubclass(D, B), issubclass(B, C))


class X:
    pass


class Y:
    pass


class Z(X, Y):
    pass


class W(Y, X):
    pass


print(names(Z), names(W))


# The classic example from the C3 paper.
class O:
    pass


class F(O):
    pass


class E(O):
    pass


class DD(O):
    pass


class CC(DD, F):
    pass


class BB(DD, E):
    pass


class AA(BB, CC):
    pass


print(names(AA))


# Cooperative __init__ with keyword arguments.
class Root:
    def __init__(self):
        self.parts = ["Root"]


class Left(Root):
    def __init__(self, left=0):
        super().__init__()
        self.parts.append("Left%d" % left)


class Right(Root):
    def __init__(self):
        super().__init__()
        self.parts.append("Right")


class Both(Left, Right):
    def __init__(self):
        super().__init__(left=7)
        self.parts.append("Both")


print(Both().parts, names(Both))


# Attribute lookup follows the MRO.
class M1:
    tag = "m1"

    def f(self):
        return "M1.f"


class M2:
    tag = "m2"

    def f(self):
        return "M2.f"

    def g(self):
        return "M2.g"


class M3(M1, M2):
    pass


m = M3()
print(m.tag, m.f(), m.g(), M3.tag)


# Mixins.
class ReprMixin:
    def __repr__(self):
        parts = [k + "=" + repr(getattr(self, k)) for k in self.fields]
        return type(self).__name__ + "(" + ", ".join(parts) + ")"


class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and all(
            [getattr(self, k) == getattr(other, k) for k in self.fields]
        )


class Point(ReprMixin, EqMixin):
    fields = ["x", "y"]

    def __init__(self, x, y):
        self.x = x
        self.y = y


print(Point(1, 2), Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1))
print(names(Point))
