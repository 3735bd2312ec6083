class A:
    pass


class B(A):
    pass


print("defining C")


class C(A, B):
    pass
