# Hot loops over instances: monomorphic and polymorphic attribute sites, method calls,
# attribute writes, instances created in the loop.
class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v

    def step(self, dt):
        self.x += self.v * dt
        if self.x < 0 or self.x > 100:
            self.v = -self.v


ps = [Particle(i * 3.0, (i % 7) - 3.0) for i in range(30)]
for t in range(200):
    for p in ps:
        p.step(0.5)
print(round(sum([p.x for p in ps]), 6), sum([p.v for p in ps]))


# Two classes at one site (polymorphic), and attributes added in different orders.
class A:
    def __init__(self, n):
        self.n = n
        self.tag = "a"

    def val(self):
        return self.n


class B:
    def __init__(self, n):
        self.tag = "b"
        self.n = n * 10

    def val(self):
        return self.n + 1


objs = [A(i) if i % 3 else B(i) for i in range(60)]
total = 0
tags = ""
for o in objs:
    total += o.n + o.val()
    tags += o.tag
print(total, tags.count("a"), tags.count("b"))

# Same class, different shapes (attributes added in a different order).
items = []
for i in range(40):
    o = A(i)
    if i % 2:
        o.extra = i
    else:
        o.other = -i
        o.extra = 2 * i
    items.append(o)
s = 0
for o in items:
    s += o.extra + o.n
print(s)


# Counting with an attribute in a while loop.
class Counter:
    def __init__(self):
        self.count = 0


c = Counter()
while c.count < 1000:
    c.count += 1
print(c.count)


# Building many objects and summing a method result.
class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


acc = 0
for i in range(500):
    r = Rect(i, i + 1)
    acc += r.area()
print(acc)


# Class attribute reads in a loop, changed half way.
class Cfg:
    factor = 2


v = 0
for i in range(100):
    if i == 50:
        Cfg.factor = 3
    v += Cfg.factor
print(v)
