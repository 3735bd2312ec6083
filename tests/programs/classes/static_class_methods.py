# @staticmethod and @classmethod.
class Temperature:
    scale = "C"

    def __init__(self, degrees):
        self.degrees = degrees

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.scale

    def as_f(self):
        return self.c_to_f(self.degrees)


t = Temperature.from_f(212)
print(t.degrees, t.as_f(), Temperature.c_to_f(0), t.c_to_f(-40))
print(Temperature.describe(), t.describe())


class Kelvin(Temperature):
    scale = "K"


k = Kelvin.from_f(32)
print(type(k).__name__, k.degrees, Kelvin.describe(), k.describe())

# The descriptor objects themselves.
sm = staticmethod(len)
print(type(sm).__name__, callable(sm), sm([1, 2, 3]))
cm = Temperature.__dict__ if False else None


class Registry:
    items = []

    @classmethod
    def register(cls, x):
        cls.items.append(x)
        return len(cls.items)

    @staticmethod
    def helper(a, b=2):
        return a * b


print(Registry.register("a"), Registry().register("b"), Registry.items)
print(Registry.helper(3), Registry().helper(3, b=5))

# Classmethods and staticmethods as values.
f = Registry.register
g = Registry.helper
print(f("c"), g(7), Registry.items)

# Calling through a loop.
total = 0
for i in range(50):
    total += Temperature.c_to_f(i) + Kelvin.from_f(i).degrees
print(round(total, 6))
