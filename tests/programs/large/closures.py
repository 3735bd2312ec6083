# Closures: counters with nonlocal, decorators (call counting, memoization,
# tracing with *args/**kwargs), function factories and late binding.


def make_counter(start=0, step=1):
    count = start

    def incr():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    return incr, reset


def counted(fn):
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        wrapper.calls = calls
        return fn(*args, **kwargs)

    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    return wrapper


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    wrapper.cache = cache
    return wrapper


def tracing(prefix):
    def deco(fn):
        def wrapper(*args, **kwargs):
            result = fn(*args, **kwargs)
            log.append("%s%s%r -> %r" % (prefix, fn.__name__, args, result))
            return result
        return wrapper
    return deco


log = []


@counted
def add(a, b=10):
    return a + b


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@tracing(">> ")
def scale(x, factor=2):
    return x * factor


@counted
@memoize
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)


inc, reset = make_counter(100, 5)
print([inc() for _ in range(4)])
reset()
print(inc())
c2, _ = make_counter()
print(c2(), c2(), inc())
print(add(1), add(2, 3), add(b=1, a=5), add.calls, add.__name__)
print(fib(90), len(fib.cache))
print(scale(3), scale(4, factor=5), scale("ab", 3))
print(log)
print(ways(30), ways.calls)
adders = [lambda x, i=i: x + i for i in range(5)]
late = [lambda x: x + i for i in range(5)]
print([f(10) for f in adders], [f(10) for f in late])


def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run


inc1 = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc1, dbl)(5), compose(dbl, inc1)(5), compose()(7))


def accumulator():
    total = []

    def add(x):
        total.append(x)
        return sum(total)
    return add


acc = accumulator()
for v in (3, 4, 5):
    r = acc(v)
print(r)


def outer():
    x = "outer"

    def middle():
        def inner():
            return x.upper()
        return inner
    x = "changed"
    return middle()()


print(outer())
counters = {}
for name in ("a", "b", "c"):
    counters[name] = make_counter(ord(name))[0]
print([counters[k]() for k in sorted(counters)], counters["a"]())
