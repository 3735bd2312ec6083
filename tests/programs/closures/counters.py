# nonlocal counters; several closures sharing one cell.
def make_counter(start=0):
    count = start

    def inc(n=1):
        nonlocal count
        count += n
        return count

    def get():
        return count

    def reset():
        nonlocal count
        count = start

    return inc, get, reset


inc, get, reset = make_counter(10)
print(inc(), inc(5), get())
reset()
print(get(), inc(), get())

# Independent counters do not share cells.
i1, g1, _ = make_counter()
i2, g2, _ = make_counter(100)
i1()
i1()
i2()
print(g1(), g2())


def accumulator():
    total = 0
    items = []

    def add(x):
        nonlocal total
        total += x
        items.append(x)
        return total, len(items)

    return add


acc = accumulator()
for v in [3, 4, 5]:
    print(acc(v))


# A parameter captured by a closure (the parameter becomes a cell).
def power(exp):
    def f(base):
        return base ** exp

    exp_before = exp
    exp = exp + 1  # the closure sees the rebinding
    return f, exp_before


f, before = power(2)
print(f(3), before)


# Closure over a loop variable sees its last value (late binding).
def late():
    fs = []
    for i in range(3):
        def g():
            return i
        fs.append(g)
    return [h() for h in fs]


def early():
    fs = []
    for i in range(3):
        def g(i=i):
            return i
        fs.append(g)
    return [h() for h in fs]


print(late(), early())


# Hot loop through a closure with nonlocal state.
def make_stepper():
    state = 0

    def step(k):
        nonlocal state
        state = (state * 31 + k) % 1000003
        return state

    return step


st = make_stepper()
last = 0
for k in range(2000):
    last = st(k)
print(last)
