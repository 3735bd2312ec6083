# hasattr / getattr / setattr / delattr, `del obj.attr`, __getattr__ fallback.
class Config:
    defaults = {"color": "red", "size": 3}

    def __init__(self):
        self.name = "cfg"

    def __getattr__(self, name):
        if name in Config.defaults:
            return Config.defaults[name]
        raise AttributeError(f"no setting {name!r}")


c = Config()
print(c.name, c.color, c.size, getattr(c, "color"), hasattr(c, "size"))
print(hasattr(c, "missing"), getattr(c, "missing", "fallback"))
c.color = "blue"  # an instance attribute wins over __getattr__
print(c.color, getattr(c, "color"))
del c.color
print(c.color)
setattr(c, "size", 10)
print(c.size, c.__dict__ if False else sorted(vars(c)) if False else "")


class P:
    x = 1


p = P()
print(hasattr(p, "x"), hasattr(p, "y"), getattr(p, "x"), getattr(P, "x"))
setattr(p, "y", 5)
setattr(P, "z", 7)
print(p.y, p.z, P.z, hasattr(P, "y"))
delattr(p, "y")
print(hasattr(p, "y"))
p.y = 6
del p.y
print(hasattr(p, "y"), getattr(p, "y", None))
delattr(P, "z")
print(hasattr(p, "z"), hasattr(P, "z"))

# Dynamic attribute names.
for i in range(5):
    setattr(p, "a%d" % i, i * i)
print([getattr(p, "a%d" % i) for i in range(5)])
for i in range(0, 5, 2):
    delattr(p, "a%d" % i)
print([hasattr(p, "a%d" % i) for i in range(5)], p.a1, p.a3)

# getattr on builtin values and methods.
print(getattr([1, 2], "count")(2), getattr("abc", "upper")(), hasattr(3, "bit_length"))
print(hasattr(len, "__name__"), getattr(len, "__name__"), getattr(P, "__name__"))


def fn():
    pass


print(fn.__name__, fn.__qualname__, getattr(fn, "__name__"))


class Outer:
    class Inner:
        def meth(self):
            pass

    def method(self):
        def local():
            pass

        return local


print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, Outer().method().__qualname__)
print(Outer.__module__, Outer.__name__, Outer.Inner.__name__)
