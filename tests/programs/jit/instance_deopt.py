# Traces over instances leave correctly when a guard fails: the instance changes
# shape, the class changes, a slot changes type, receivers alternate classes.
class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def bump(self, k):
        self.x = self.x + k


def sum_x(objs):
    s = 0
    for o in objs:
        s += o.x + o.get()
    return s


ps = [P(i) for i in range(60)]
print(sum_x(ps))
ps[40].extra = 1  # a different shape for one instance
print(sum_x(ps))
ps[45].x = 2.5  # a float slot
print(sum_x(ps))


class Q:
    def __init__(self, x):
        self.x = x * 100

    def get(self):
        return -self.x


mixed = [P(i) if i % 4 else Q(i) for i in range(60)]
print(sum_x(mixed))

# The class changes half way through a hot loop.
p = P(0)
out = []
for i in range(80):
    p.bump(1)
    if i == 40:
        P.bump = lambda self, k: setattr(self, "x", self.x + 10 * k)
    if i == 60:
        P.get = lambda self: "replaced"
    out.append(p.get())
print(out[::10], p.x)


# An attribute deleted and re-added inside the loop.
class R:
    def __init__(self):
        self.a = 1
        self.b = 2


r = R()
acc = 0
for i in range(100):
    acc += r.a + r.b
    if i == 30:
        del r.a
        r.a = 5  # now after b: another shape
    if i == 70:
        r.b = "x" if False else 3
print(acc)


# An exception raised inside an inlined method ends the loop.
class Div:
    def __init__(self, d):
        self.d = d

    def div(self, n):
        return n // self.d


d = Div(3)
total = 0
for i in range(50):
    total += d.div(i)
    if i == 30:
        d.d = 0 if False else 7
print(total)


# Allocation in the loop (GC may run at the loop header).
class Cell:
    def __init__(self, v):
        self.v = v


cells = []
for i in range(300):
    c = Cell(i)
    c.v = c.v * 2
    cells.append(c)
print(sum([c.v for c in cells]))
