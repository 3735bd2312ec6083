# lambda expressions: as key functions, with defaults, returned and called.
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: (-p[0], p[1])))
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: (p[0], p[1])))

sq = lambda x: x * x
add = lambda a, b=10: a + b
noargs = lambda: "nothing"
print(sq(7), add(1), add(1, 2), add(b=5, a=1), noargs())
print((lambda x, y: x - y)(10, 3), (lambda: [1, 2])())


def make_ops():
    ops = {}
    for name, k in [("double", 2), ("triple", 3)]:
        ops[name] = lambda x, k=k: x * k
    return ops


ops = make_ops()
print(ops["double"](5), ops["triple"](5))


def multipliers():
    return [lambda x: x * i for i in range(4)]


print([m(2) for m in multipliers()])
print([(lambda x, i=i: x * i)(2) for i in range(4)])

curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))

# Lambdas closing over a loop-mutated list.
fns = []
acc = []
for i in range(3):
    acc.append(i)
    fns.append(lambda n=len(acc): acc[:n])
print([f() for f in fns])

# A lambda in a hot loop.
f = lambda v: v * 3 + 1
total = 0
for i in range(1000):
    total += f(i)
print(total)
