def f():
    value = 1
    print(valeu)
try:
    f()
except NameError as e:
    print(repr(e), e.name)
def g():
    x = y
    y = 1
try:
    g()
except UnboundLocalError as e:
    print(repr(e))
counter = 5
print(countr)
