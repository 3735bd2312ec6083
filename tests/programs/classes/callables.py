# __call__, callable(), bound methods and functions stored as attributes.
class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0

    def __call__(self, x, y=1):
        self.calls += 1
        return x * self.k * y


double = Multiplier(2)
print(double(5), double(5, y=3), double.calls, callable(double), callable(Multiplier))
print(list(map(double, [1, 2, 3])) if False else [double(i) for i in range(4)])
print(sorted([3, 1, 2], key=Multiplier(-1)))


class Plain:
    def method(self, a):
        return ("method", a)


p = Plain()
print(callable(p), callable(p.method), callable(Plain.method), callable(len), callable(1))
bm = p.method
print(bm(1), bm(a=2), type(bm).__name__)


# Functions stored on instances are not bound; on classes they are.
def free(x):
    return ("free", x)


class Holder:
    cls_fn = free

    def __init__(self):
        self.inst_fn = free
        self.bound = self.get

    def get(self):
        return "got"


h = Holder()
print(h.inst_fn(1), h.cls_fn()[1] is h, h.bound(), Holder.cls_fn(5))


# Callable objects as callbacks, kept in a list and called in a loop.
class Accumulate:
    def __init__(self):
        self.total = 0

    def __call__(self, v):
        self.total += v
        return self.total


acc = Accumulate()
callbacks = [acc, double, free, p.method, Plain().method]
for cb in callbacks:
    print(cb(3))
for i in range(100):
    acc(i)
print(acc.total)


# A bound method keeps its instance alive and sees later changes.
class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


getter = Box(1).get
box = getter.__self__
box.v = 99
print(getter())


# Methods calling other methods through self in a hot loop.
class Stepper:
    def __init__(self):
        self.n = 0

    def step(self, k):
        self.n += k
        return self

    def run(self, times):
        for i in range(times):
            self.step(i).step(1)
        return self.n


print(Stepper().run(1000))
