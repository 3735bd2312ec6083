# `x += f()` must read x before calling f (CPython: LOAD x, CALL f, INPLACE_ADD).
x = 1
def f():
    global x
    x = 100
    return 1
x += f()
print(x)
