def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count(5)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, e.args)

def echo():
    got = []
    while True:
        x = yield len(got)
        if x is None:
            break
        got.append(x)
    return got

e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("ret", s.args)

def inner():
    yield 1
    yield 2
    return 3

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    yield from range(2)

print(list(outer()))
print(sum(count(100)), max(count(7)), sorted(count(4), reverse=True))
for i, v in enumerate(count(3)):
    print(i, v)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])

def gen_exc():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
g = gen_exc()
print(next(g))
g.close()
print("closed")

def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught in gen", e)
c = catcher()
next(c)
c.throw(ValueError("boom"))
c.throw(ValueError("again"))

def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print(e)

def hot(n):
    total = 0
    for x in count(n):
        total += x * 2
    return total
print(hot(100000))
print(type(count(1)).__name__)
def zipper():
    yield from zip(count(3), "abc")
print(list(zipper()))
def raiser():
    yield 1
    1 / 0
for v in raiser():
    print(v)
