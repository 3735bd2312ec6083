# Deeply nested functions, free variables passed through intermediate scopes,
# global vs nonlocal.
def outer(a):
    b = a * 2

    def middle(c):
        def inner(d):
            return a + b + c + d  # a, b pass through `middle`

        return inner

    return middle


print(outer(1)(10)(100))
m = outer(5)
print(m(1)(1), m(2)(2))

counter = 0


def bump_global():
    global counter
    counter += 1

    def nested():
        return counter  # global: not captured

    return nested


n1 = bump_global()
n2 = bump_global()
print(counter, n1(), n2())


def shadow():
    x = "outer"

    def f():
        x = "inner"  # a new local, not the outer one
        return x

    def g():
        return x

    return f(), g(), x


print(shadow())


def nonlocal_chain():
    x = 0

    def a():
        def b():
            nonlocal x
            x += 10
            return x

        return b()

    a()
    a()
    return x


print(nonlocal_chain())


# A closure created before its variable is assigned.
def early_closure():
    def get():
        return value

    value = 42
    return get()


print(early_closure())


# Recursive nested functions (a function capturing itself).
def fib_memo(n):
    memo = {}

    def fib(k):
        if k < 2:
            return k
        if k in memo:
            return memo[k]
        r = fib(k - 1) + fib(k - 2)
        memo[k] = r
        return r

    return fib(n)


print(fib_memo(80))




def compose2(f, g):
    return lambda x: f(g(x))


inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose2(inc, dbl)(5), compose2(dbl, inc)(5), compose2(compose2(inc, inc), dbl)(1))
