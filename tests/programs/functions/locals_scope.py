# Local variables shadow globals; parameters are local; loops leak their variables.
x = "global x"
def f():
    x = "local x"
    return x
def g():
    return x
def h(x):
    x = x + " (modified)"
    return x
print(f(), g(), h("param"), x)
def counter_loop():
    total = 0
    for i in range(4):
        total += i
    return total, i
print(counter_loop())
def uses_later_global():
    return later * 2
later = 21
print(uses_later_global())
later = 50
print(uses_later_global())
def recurse_locals(n):
    local = n * 10
    if n > 0:
        recurse_locals(n - 1)
    print("n", n, "local", local)
recurse_locals(3)
