# Class bodies are a scope whose names are not visible to methods.
x = "module"


class A:
    x = "class"
    y = x + "!"  # class body sees its own names

    def get_x(self):
        return x  # a method sees the module global, not A.x

    def get_attr(self):
        return self.x


print(A.y, A().get_x(), A().get_attr())


class B:
    z = x  # not yet bound in the class body: falls back to the global
    x = "B's"
    w = x


print(B.z, B.w)


def factory(tag):
    class Tagged:
        label = tag.upper()  # the enclosing function's variable

        def show(self):
            return tag + "/" + self.label

    return Tagged


T1 = factory("one")
T2 = factory("two")
print(T1().show(), T2().show(), T1.label)


def counter_class():
    count = 0

    class Obj:
        def __init__(self):
            nonlocal count
            count += 1
            self.n = count

    return Obj, lambda: count


Obj, get_count = counter_class()
objs = [Obj() for _ in range(4)]
print([o.n for o in objs], get_count())


def shadowing():
    v = "function"

    class C:
        v = "class"

        def m(self):
            return v  # the function's v, not C.v

    return C().m(), C.v


print(shadowing())


class Outer:
    n = 1

    class Inner:
        m = 2  # cannot see Outer.n

        def both(self):
            return Outer.n + self.m

    def make(self):
        return self.Inner()


print(Outer().make().both(), Outer.Inner.m)

# Names defined in a class body are deleted / rebound like locals.
class D:
    tmp = 5
    keep = tmp * 2
    del tmp


print(hasattr(D, "tmp"), D.keep)
