# Comprehensions are their own scope: lambdas capturing the loop variable,
# nested comprehensions, comprehensions in functions and class bodies.
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
hs = [[lambda: (a, b) for b in range(2)] for a in range(2)]
print([[h() for h in row] for row in hs])


def in_function(n):
    k = 10
    adders = [lambda x: x + i + k for i in range(n)]
    k = 20  # the lambdas see the function's cell
    return [a(0) for a in adders]


print(in_function(3))


def uses_only(n):
    base = 100
    return [base + j for j in range(n)]  # no closure: `base` stays a plain local


print(uses_only(4))

x = "global x"
print([x for x in range(3)], x)
print([x for _ in range(2)])
y = 5
print([[y * z for z in range(2)] for y in range(3)], y)


class Table:
    size = 3
    rows = [r * 2 for r in range(size)]  # the first iterable sees class names
    label = "T"
    # Inside the comprehension, class names are not visible: `x` is the global.
    names = [x for _ in range(2)]


print(Table.rows, Table.names)


def make_table():
    scale = 7

    class Local:
        vals = [scale * i for i in range(3)]  # the enclosing function's variable

        def get(self):
            return [v + scale for v in self.vals]

    return Local


print(make_table().vals, make_table()().get())

# Walrus in a comprehension binds in the enclosing scope.
total = 0
partial = [total := total + v for v in range(5)]
print(partial, total)


def walrus_in_function(data):
    seen = [last := d for d in data if d % 2]
    return seen, last


print(walrus_in_function([1, 2, 3, 4, 5, 6]))

# Closures over comprehension variables, called later in a hot loop.
mults = [lambda v, m=m: v * m for m in range(1, 6)]
acc = 0
for i in range(300):
    acc += mults[i % 5](i)
print(acc)
