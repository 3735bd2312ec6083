# Class decorators, method decorators, decorators returning other objects.
registry = {}


def register(cls):
    registry[cls.__name__] = cls
    return cls


def with_greeting(greeting):
    def deco(cls):
        cls.greeting = greeting
        return cls

    return deco


@register
@with_greeting("hi")
class Alpha:
    def hello(self):
        return self.greeting + " from " + type(self).__name__


@register
class Beta(Alpha):
    greeting = "yo"


print(sorted(registry), Alpha().hello(), Beta().hello(), registry["Beta"] is Beta)




def simple_log(fn):
    calls = []

    def wrapper(self):
        calls.append(fn.__name__)
        return "log(" + str(fn(self)) + ")#" + str(len(calls))

    return wrapper


class Svc:
    @simple_log
    def run(self):
        return 1

    @staticmethod
    @simple_log
    def static_thing(x):
        return x

    @property
    @simple_log
    def prop(self):
        return "p"


s = Svc()
print(s.run(), s.run(), Svc.static_thing(7), s.prop, s.prop)


def singleton(cls):
    instance = cls()
    return lambda: instance


@singleton
class Config:
    def __init__(self):
        self.values = {}


a = Config()
b = Config()
a.values["x"] = 1
print(a is b, b.values)


def add_repr(cls):
    def __repr__(self):
        fields = sorted([k for k in cls.fields])
        return cls.__name__ + "(" + ", ".join([f + "=" + repr(getattr(self, f)) for f in fields]) + ")"

    cls.__repr__ = __repr__
    return cls


@add_repr
class Pt:
    fields = ["x", "y"]

    def __init__(self, x, y):
        self.x, self.y = x, y


print(Pt(1, "two"), [Pt(0, 0)])
