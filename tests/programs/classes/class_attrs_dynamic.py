# Changing classes at run time: inline caches must see every change.
class Shape:
    sides = 0

    def name(self):
        return "shape"

    def describe(self):
        return f"{self.name()} with {self.sides} sides"


class Square(Shape):
    sides = 4


s = Square()
out = []
for i in range(6):
    out.append(s.describe())
    if i == 1:
        Shape.name = lambda self: "polygon"  # replace a method on the base class
    if i == 2:
        Square.sides = 5  # class attribute on the subclass
    if i == 3:
        s.sides = 6  # instance attribute shadows the class attribute
    if i == 4:
        Square.name = lambda self: "square"
print(out)

del Square.name
print(s.describe())
del s.sides
print(s.describe())


# An instance attribute shadowing a method, then removed again.
class Greeter:
    def hello(self):
        return "method"


g = Greeter()
res = []
for i in range(4):
    res.append(g.hello())
    if i == 1:
        g.hello = lambda: "instance"
    if i == 2:
        del g.hello
print(res)


# Adding a property after instances exist.
class Temp:
    def __init__(self):
        self.c = 10


t = Temp()
vals = []
for i in range(3):
    vals.append(t.c)
    if i == 0:
        Temp.f = property(lambda self: self.c * 9 / 5 + 32)
    vals.append(getattr(t, "f", None))
print(vals)


# A class counter updated from __init__ in a loop.
class Tracked:
    live = 0

    def __init__(self):
        Tracked.live += 1
        self.id = Tracked.live


objs = [Tracked() for _ in range(50)]
print(Tracked.live, objs[-1].id, objs[0].id)


# Methods added to a class after creation.
class Late:
    pass


def late_method(self, x):
    return x * 3


obj = Late()
Late.triple = late_method
print(obj.triple(4), Late.triple(obj, 5))


# Class attributes holding mutable state shared by all instances.
class Shared:
    items = []

    def add(self, x):
        self.items.append(x)


a, b = Shared(), Shared()
a.add(1)
b.add(2)
print(Shared.items, a.items is b.items)
