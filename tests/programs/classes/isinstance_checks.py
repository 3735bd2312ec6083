# isinstance / issubclass with user classes, tuples of classes, builtins.
class A:
    pass


class B(A):
    pass


class C:
    pass


class D(B, C):
    pass


objs = [A(), B(), C(), D(), 1, "s", [1], None]
for o in objs:
    print(
        type(o).__name__,
        isinstance(o, A),
        isinstance(o, (B, C)),
        isinstance(o, (int, str)),
        isinstance(o, object),
        isinstance(o, ((A,), int)),
    )

for cls in [A, B, C, D]:
    print(cls.__name__, issubclass(cls, A), issubclass(cls, (C, int)), issubclass(cls, object))

print(issubclass(bool, int), issubclass(int, A), isinstance(True, int))
print(type(D()) is D, type(D()) == D, type(D()) != B, type(A) is type)
print(isinstance(A, type), isinstance(A(), type), type(type(A())))


class MyError(ValueError):
    pass


class Sub(MyError):
    pass


e = Sub("x")
print(isinstance(e, ValueError), isinstance(e, Exception), isinstance(e, KeyError))
print(issubclass(Sub, (KeyError, MyError)), issubclass(MyError, Sub))
print([k.__name__ for k in Sub.__mro__])

# Checking a hot loop of instances.
count = 0
for o in objs * 20:
    if isinstance(o, A):
        count += 1
print(count)
