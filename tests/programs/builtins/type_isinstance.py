# type() printing and isinstance with builtin types and tuples of types.
def f():
    pass
vals = [1, -1, 2 ** 100, 1.5, True, False, None, "s", [], (), {}, range(2), f, print]
for v in vals:
    print(type(v))
print(type(1) == int, type(True) == bool, type(True) == int, type(1.0) == float, type("") == str)
for v in [1, True, 1.5, "x", [1], (1,), {1: 1}, None, range(1)]:
    print(repr(v), isinstance(v, int), isinstance(v, float), isinstance(v, (int, float)),
          isinstance(v, str), isinstance(v, (list, tuple)), isinstance(v, dict), isinstance(v, bool))
print(isinstance(3, (str, (list, int))), isinstance(range(3), range), isinstance(f, (int,)))
print(int, float, str, bool, list, tuple, dict, type(None), type(int), type(type))
print(type(int("5")), type(float(5)), type(str(5)), type(5 / 5), type(5 // 5), type(2 ** -1))
