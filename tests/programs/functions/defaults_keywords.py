# Default arguments and keyword arguments.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Di", greeting="Bye"))
print(greet("Ed", greeting="Yo", punct=""))
def box(w, h=None, fill="#"):
    if h is None:
        h = w
    row = fill * w
    i = 0
    while i < h:
        print(row)
        i += 1
    return w * h
print(box(3))
print(box(4, 2, "*"))
print(box(h=1, w=5))
def acc(x, into=[]):
    into.append(x)
    return into
print(acc(1), acc(2), acc(3, []), acc(4))
def power(base, exp=2, mod=None):
    r = base ** exp
    if mod is not None:
        r = r % mod
    return r
print(power(3), power(3, 3), power(3, exp=4), power(2, 100, 97), power(base=5, mod=7))
def show(a, b=2, c=3):
    print("a =", a, "b =", b, "c =", c)
show(1)
show(1, c=30)
show(c=300, a=100)
show(1, 2, 3)
