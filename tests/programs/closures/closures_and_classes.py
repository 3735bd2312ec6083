# Closures capturing `self`, methods returning closures, closures stored as attributes.
class Account:
    def __init__(self, balance):
        self.balance = balance
        self.history = []

    def make_depositor(self, fee):
        def deposit(amount):
            self.balance += amount - fee
            self.history.append(amount)
            return self.balance

        return deposit

    def on_change(self):
        return lambda: f"balance={self.balance}"


acct = Account(100)
dep = acct.make_depositor(1)
dep(10)
dep(20)
report = acct.on_change()
print(acct.balance, acct.history, report())
dep(5)
print(report())


class EventBus:
    def __init__(self):
        self.handlers = {}

    def on(self, name):
        def register(fn):
            self.handlers.setdefault(name, []).append(fn)
            return fn

        return register

    def emit(self, name, value):
        return [h(value) for h in self.handlers.get(name, [])]


bus = EventBus()
seen = []


@bus.on("num")
def record(v):
    seen.append(v)
    return v * 2


@bus.on("num")
def negate(v):
    return -v


print(bus.emit("num", 21), bus.emit("none", 1), seen)


class Lazy:
    def __init__(self, compute):
        self.compute = compute
        self.cached = None

    def get(self):
        if self.cached is None:
            self.cached = self.compute()
        return self.cached


def make_lazy(n):
    calls = [0]

    def compute():
        calls[0] += 1
        return sum(range(n))

    return Lazy(compute), calls


lz, calls = make_lazy(100)
print(lz.get(), lz.get(), calls)


# A method using super() and a closure together.
class Base:
    def values(self):
        return [1, 2, 3]


class Derived(Base):
    def values(self):
        extra = 10

        def add(v):
            return v + extra

        return [add(v) for v in super().values()]


print(Derived().values())
