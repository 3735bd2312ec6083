# __setattr__ / __delattr__ overrides, object.__setattr__, __new__, type() with 3 args.
class Logged:
    def __init__(self):
        self.log = []
        self.x = 1

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append((name, value))
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(("del", name))
        super().__delattr__(name)


lg = Logged()
lg.y = 2
lg.x += 5
del lg.y
print(lg.x, lg.log, hasattr(lg, "y"))


class Upper:
    def __setattr__(self, name, value):
        super().__setattr__(name.upper(), value)


u = Upper()
u.abc = 3
setattr(u, "q", 4)
print(u.ABC, u.Q, hasattr(u, "abc"))


class Cached:
    _cache = {}

    def __new__(cls, key):
        if key in cls._cache:
            return cls._cache[key]
        obj = object.__new__(cls) if False else super().__new__(cls)
        cls._cache[key] = obj
        return obj

    def __init__(self, key):
        self.key = key


a = Cached("a")
b = Cached("a")
c = Cached("c")
print(a is b, a is c, a.key, c.key, len(Cached._cache))


class NotMine:
    def __new__(cls):
        return 42


print(NotMine())

Point = type("Point", (), {"x": 0, "norm": lambda self: abs(self.x)})
p = Point()
p.x = -7
print(Point.__name__, p.norm(), Point.x, isinstance(p, Point))
Sub = type("Sub", (Point,), {})
print(Sub().norm(), Sub.__mro__[1] is Point, type(Sub()).__name__)
