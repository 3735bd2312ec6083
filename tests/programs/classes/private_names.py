# Private name mangling: `__name` inside class C means `_C__name`.
class Account:
    __count = 0

    def __init__(self, owner):
        self.__owner = owner
        self.__balance = 0
        Account.__count += 1

    def deposit(self, n):
        self.__balance += n
        return self.__balance

    def __secret(self):
        return "secret of " + self.__owner

    def reveal(self):
        return self.__secret()

    @classmethod
    def count(cls):
        return cls.__count


a = Account("ann")
a.deposit(5)
print(a.deposit(7), a.reveal(), Account.count(), a._Account__balance, a._Account__owner)
print(hasattr(a, "__balance"), hasattr(a, "_Account__balance"), sorted(vars(a)) if False else "")
print(sorted(a.__dict__))


class Base:
    def __init__(self):
        self.__x = "base"

    def base_x(self):
        return self.__x


class Derived(Base):
    def __init__(self):
        super().__init__()
        self.__x = "derived"  # a different attribute: _Derived__x

    def derived_x(self):
        return self.__x


d = Derived()
print(d.base_x(), d.derived_x(), sorted(d.__dict__))


class _Under:
    def __init__(self):
        self.__v = 1
        self.__dunder__ = 2  # not mangled


print(sorted(_Under().__dict__))


class Scoped:
    def run(self):
        __local = 10
        fns = [lambda: __local + i for i in range(2)]
        return [f() for f in fns], getattr(self, "_Scoped__missing", "none")


print(Scoped().run())
