class A:
    def __init__(self, a):
        self.a = a


print(A(1).a)
A(1, 2)
