# *args, **kwargs, keyword-only parameters, call unpacking, starred targets.
def f(a, b=2):
    return (a, b)

def g(*args, **kw):
    return args, kw

def h(a, *, b):
    return a + b

def h2(a, *args, b=1, **kw):
    return a, args, b, kw

def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s

print(g())
print(g(1, 2, x=3))
print(g(*[1, 2], *(3,), **{"y": 4}, z=5))
print(h2(1, 2, 3, b=4, c=5))
print(h2(*range(5), **{"b": 9, "q": 0}))
print(h(1, b=2), h(*[1], **{"b": 5}))
print(f(*[7]), f(*(7, 8)), f(**{"a": 1, "b": 3}), f(1, **{"b": 9}))
print(total(), total(1), total(*range(100)))
print(max(*[3, 9, 2]), min(*"hello"))
print(*[1, 2, 3], sep=", ")
print(*[], **{"sep": "-", "end": "!\n"})
args = (1, 2)
kwargs = {"sep": "|"}
print(*args, 3, *args, **kwargs)

a, *b = [1, 2, 3]
print(a, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = (1, 2)
print(a, b, c)
[x, *y] = [9]
print(x, y)
for first, *rest in [(1, 2, 3), (4,), "ab"]:
    print(first, rest)

print([*range(3), *"ab", 9], (*[1, 2],), (0, *[1], 2))
d1 = {"a": 1, "b": 2}
print({**d1, "b": 3, **{"c": 4}}, {"z": 0, **d1})

def calls(n):
    acc = 0
    for i in range(n):
        acc += total(i, 1, 2) + h(i, b=1) + len(g(i, k=i)[1])
    return acc
print(calls(3000))

def kwonly_defaults(a, *, b=10, c):
    return a + b + c
print(kwonly_defaults(1, c=2), kwonly_defaults(1, b=0, c=2))

def errors():
    for thunk in [lambda_free_1, lambda_free_2, lambda_free_3, lambda_free_4,
                  lambda_free_5, lambda_free_6, lambda_free_7, lambda_free_8]:
        try:
            thunk()
        except (TypeError, ValueError) as e:
            print(type(e).__name__ + ":", e)

def lambda_free_1():
    f(**1)
def lambda_free_2():
    f(*1)
def lambda_free_3():
    f(1, **{"a": 2})
def lambda_free_4():
    f(**{"a": 1}, **{"a": 2})
def lambda_free_5():
    f(**{1: 2})
def lambda_free_6():
    h(1, 2)
def lambda_free_7():
    a, *b, c = [1]
def lambda_free_8():
    h2()
errors()
