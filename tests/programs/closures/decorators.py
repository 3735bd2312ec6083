# Function decorators: plain, with arguments, stacked, wrappers keeping state.
def trace(fn):
    calls = []

    def wrapper(x):
        calls.append(x)
        return ("traced", fn(x), len(calls))

    return wrapper


@trace
def square(x):
    return x * x


print(square(3), square(4))


def repeat(times):
    def deco(fn):
        def wrapper(x):
            out = []
            for _ in range(times):
                out.append(fn(x))
            return out

        return wrapper

    return deco


@repeat(3)
def shout(s):
    return s.upper()


print(shout("hey"))


def tag(name):
    def deco(fn):
        return lambda x: f"<{name}>{fn(x)}</{name}>"

    return deco


@tag("b")
@tag("i")
def text(s):
    return s


print(text("hello"))


def memoize(fn):
    cache = {}
    hits = [0]

    def wrapper(n):
        if n in cache:
            hits[0] += 1
            return cache[n]
        r = fn(n)
        cache[n] = r
        return r

    wrapper.__name__ if False else None
    return wrapper, hits


def _fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


fib, fib_hits = memoize(_fib)
print(fib(60), fib_hits[0])


def counted(fn):
    count = 0

    def wrapper(a, b):
        nonlocal count
        count += 1
        return fn(a, b), count

    return wrapper


@counted
def add(a, b):
    return a + b


for i in range(5):
    r = add(i, i)
print(r)

# Decorator order: evaluated top to bottom, applied bottom to top.
order = []


def mark(label):
    order.append("eval " + label)

    def deco(fn):
        order.append("apply " + label)
        return fn

    return deco


@mark("first")
@mark("second")
def f():
    pass


print(order)
print(square.__name__, shout.__qualname__, text.__qualname__)
