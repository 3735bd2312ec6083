# Functions as values: stored in variables, lists and dicts, passed as arguments.
def double(x):
    return x * 2
def square(x):
    return x * x
def negate(x):
    return -x
def apply_all(funcs, value):
    out = []
    for f in funcs:
        out.append(f(value))
    return out
ops = [double, square, negate]
print(apply_all(ops, 7), apply_all(ops, -1.5))
table = {"d": double, "s": square, "n": negate}
for key in "dsnsd":
    print(key, table[key](3))
g = square
print(g(12), g == square, g == double, type(g))
def compose_apply(f, g, x):
    return f(g(x))
print(compose_apply(double, square, 5), compose_apply(square, double, 5))
def my_map(f, seq):
    res = []
    for x in seq:
        res.append(f(x))
    return res
print(my_map(square, range(6)), my_map(len, ["a", "bb", ""]), my_map(str, [1, 2.5]))
print(sorted([3, -5, 2, -1]), my_map(abs, [3, -5, 2, -1]))
callbacks = [print, len, repr]
print(callbacks[1]("four"), callbacks[2]("q"))
callbacks[0]("called print via list")
