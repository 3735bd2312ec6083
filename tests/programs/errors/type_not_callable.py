# 'int' object is not callable.
def square(x):
    return x * x
print(square(4))
funcs = [square, abs, len]
print(funcs[0](3), funcs[1](-3), funcs[2]("abc"))
square = 16
print(square)
print(abs(square))
print(square(4))
