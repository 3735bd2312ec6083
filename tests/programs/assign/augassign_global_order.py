x = 1
def f():
    global x
    x = 100
    return 1
x += f()
print(x)
def g():
    global x
    x += f()
    return x
print(g())
