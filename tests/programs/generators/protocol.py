# send/throw/close edge cases, state errors, exceptions inside generators.
def g():
    yield next(gen)
gen = g()
try:
    next(gen)
except ValueError as e:
    print("ValueError:", e)

def fresh():
    yield 1
try:
    fresh().send(5)
except TypeError as e:
    print("TypeError:", e)

def handled():
    try:
        raise KeyError("inside")
    except KeyError:
        yield "in handler"
        yield "still"
    yield "after"

h = handled()
print(next(h))
try:
    raise ValueError("outer")
except ValueError as outer:
    # The generator's own exception must not leak out, nor ours into it.
    print(next(h))
    try:
        raise
    except ValueError as again:
        print("re-raised outer:", again)
print(next(h))

def closer():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c = closer()
next(c)
c.close()
c.close()
print(list(c))

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def thrower():
    yield 1
t = thrower()
try:
    t.throw(IndexError("never started"))
except IndexError as e:
    print("IndexError:", e)
print(list(t))

def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub)
    else:
        yield tree
print(list(walk([1, [2, [3, [4, 5]], 6], [[7]]])))

def delegating():
    result = yield from accumulating()
    yield "total=" + str(result)

def accumulating():
    total = 0
    while True:
        x = yield
        if x is None:
            return total
        total += x

d = delegating()
next(d)
for v in [1, 2, 3]:
    d.send(v)
print(d.send(None))

def squares(n):
    for i in range(n):
        yield i * i

def pipeline(n):
    evens = 0
    for sq in squares(n):
        if sq % 2 == 0:
            evens += sq
    return evens
print(pipeline(50000))
print(any(squares(10)), all(squares(10)), min(squares(5)), tuple(squares(4)))
print(dict(zip(squares(3), "xyz")), list(enumerate(squares(3), 1)))
print(list(reversed(list(squares(4)))))
r = repr(squares(1))
print(r.startswith("<generator object squares at 0x"))
class Stop(StopIteration):
    pass
def g():
    yield 1
    raise Stop
try:
    list(g())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
