# User exception classes: hierarchy, args, attributes, str/repr.
class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


class NotFound(AppError, KeyError):
    pass


class Custom(ValueError):
    def __init__(self, code):
        # Does not call super().__init__: args are still the constructor's.
        self.code = code

    def __str__(self):
        return f"custom error {self.code}"


class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"


e1 = AppError("boom", 2)
e2 = ConfigError("port", "must be an int")
e3 = NotFound("k")
e4 = Custom(42)
e5 = WithRepr("x")
for e in [e1, e2, e3, e4, e5, AppError()]:
    print(type(e).__name__, str(e), repr(e), e.args)
print(e2.key, e2.reason, e4.code)
print(isinstance(e2, AppError), isinstance(e2, Exception), isinstance(e3, LookupError))
print(issubclass(NotFound, KeyError), issubclass(ConfigError, ValueError))
print([c.__name__ for c in NotFound.__mro__])
e1.extra = [1, 2]
e1.extra.append(3)
print(e1.extra, hasattr(e1, "extra"), hasattr(e1, "nope"))


class Describable(Exception):
    def describe(self):
        return "described: " + str(self)

    @property
    def first(self):
        return self.args[0] if self.args else None


d = Describable("hello", "there")
print(d.describe(), d.first, Describable().first)
d.args = ("changed",)
print(d, d.args)
print(str(KeyError("k")), str(NotFound("k")), repr(NotFound("k")))
