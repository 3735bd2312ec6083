# obj.__dict__ is live: writes through it are attributes, and attribute writes show
# in it (the instance switches to dictionary mode).
class Rec:
    kind = "rec"



class Rec:
    kind = "rec"

    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b


r = Rec(1, 2)
d = r.__dict__
print(d, d is r.__dict__, vars(r) is d)
d["c"] = 3
r.a = 10
print(r.c, d, r.total(), hasattr(r, "c"))
del d["b"]
print(hasattr(r, "b"), sorted(vars(r)))
r.b = 5
del r.c
print(d, r.total(), getattr(r, "c", "gone"))


class Bag:
    def __init__(self, items):
        for k, v in items:
            self.__dict__[k] = v

    def __getattr__(self, name):
        return "<" + name + ">"


b = Bag([("x", 1), ("y", 2)])
print(b.x, b.y, b.z, sorted(b.__dict__.items()))


def update(obj, pairs):
    obj.__dict__.update(pairs)
    return obj


u = update(Rec(0, 0), {"a": 7, "extra": [1]})
print(u.total(), u.extra, u.kind)

# Hot loop on an instance in dictionary mode (no caches for it).
acc = 0
for i in range(200):
    r.a = i
    acc += r.total()
print(acc)
# The class namespace, in definition order.
print([k for k in Rec.__dict__ if not k.startswith("__")], Rec.__dict__["kind"])
print([k for k, v in vars(Rec).items() if callable(v)], Rec.__dict__["__module__"])
