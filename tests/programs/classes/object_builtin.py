# object(), type(), __class__, names, NotImplemented, __slots__, __dict__.
o = object()
print(type(o).__name__, type(o) is object, isinstance(o, object), o == o, o != object())
print(type(object), object.__name__, object.__mro__ if False else "", issubclass(int, object))


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


s = Slotted(1, 2)
print(s.x + s.y, Slotted.__slots__)


class C:
    """Docs for C."""

    a = 1

    def __init__(self):
        self.b = 2
        self.c = 3


c = C()
print(c.__class__.__name__, C.__doc__, C.__module__, C.__qualname__, C.__bases__)
print(sorted(c.__dict__.items()), type(c.__dict__).__name__)
print(type(C.__init__).__name__, type(c.__init__).__name__, type(C).__name__)
print(type(NotImplemented).__name__, NotImplemented is NotImplemented)
print(type(staticmethod(len)).__name__, type(classmethod(len)).__name__, type(property()).__name__)
print(type(super(C, c)).__name__, super, property.__name__)
print(type(lambda: 0).__name__, (lambda: 0).__name__, (lambda x: x).__qualname__)
print(C.__name__, C().__class__.__class__.__name__)


def f():
    class Local:
        def m(self):
            return 1

    return Local


L = f()
print(L.__name__, L.__qualname__, L().m(), L.m.__qualname__)
print(repr(L).endswith("f.<locals>.Local'>"), str(C))
print(id(c) == id(c), id(c) != id(C()), hash(c) == hash(c))
print(callable(object), callable(o), len([object() for _ in range(5)]))
