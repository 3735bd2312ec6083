# f() takes 2 positional arguments but 3 were given.
def f(a, b):
    return a + b
print(f(1, 2))
print(f("x", "y"))
print(f([1], [2]))
print(f(b=1, a=2))
def g(a, b=5):
    return a * b
print(g(2), g(2, 3))
print(f(1, 2, 3))
