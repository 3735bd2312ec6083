# __repr__ and __str__ in print, str(), repr(), f-strings, containers; __format__.
class Both:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Both({self.v!r})"

    def __str__(self):
        return f"<{self.v}>"


class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"


class StrOnly:
    def __str__(self):
        return "just str"


b = Both("x")
print(b)
print(str(b), repr(b), [b], (b,), {"k": b}, {b: 1} if False else "")
print(f"{b} {b!r} {b!s} {b:}")
print(ReprOnly(), str(ReprOnly()), [ReprOnly()])
print(StrOnly(), str(StrOnly()), "%s" % StrOnly(), "%r" % ReprOnly())
r = repr(StrOnly())
print(r.startswith("<__main__.StrOnly object at 0x"), r.endswith(">"))
print(str(object()).startswith("<object object at 0x"))


class Nested:
    class Inner:
        pass


print(repr(Nested.Inner()).startswith("<__main__.Nested.Inner object at"))
print(Nested, Nested.Inner, Both)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents // 100}.{self.cents % 100:02d}"

    def __str__(self):
        return format(self)


m = Money(12345)
print(f"{m}", f"{m:short}", format(m, "short"), str(m), "{}".format(m) if False else "")


class Recursive:
    def __init__(self):
        self.children = []

    def __repr__(self):
        return "R" + repr(self.children)


root = Recursive()
root.children.append(Recursive())
root.children.append([Recursive()])
print(root)


# str() of a subclass uses the inherited __str__.
class Loud(Both):
    def __str__(self):
        return super().__str__().upper()


print(Loud("quiet"), repr(Loud("q")))
parts = []
for i in range(30):
    parts.append(str(Both(i)))
print("".join(parts))
