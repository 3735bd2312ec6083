def counted(f):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return f(*a, **k)
    wrapper.calls = 0
    wrapper.__name__ = f.__name__
    return wrapper
@counted
def add(a, b=1):
    return a + b
for i in range(5):
    add(i)
print(add.calls, add.__name__, add.__qualname__, sorted(add.__dict__))
def g(x, y=2, z=3): pass
print(g.__defaults__, add.__defaults__)
try:
    add.nope
except AttributeError as e:
    print(e)
