# Calls to native callees read their arguments from the caller's registers in
# place: builtins, types, bound builtin methods, callable instances, and a
# builtin that calls back into Python (sorted with key=) while its arguments
# are still being read.
items = [5, 3, 8, 1]
push = items.append
push(7)
print(items, len(items), str(42), int("17"), max(3, 9, 4))


class Scale:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, y=1):
        return self.k * x + y


s = Scale(3)
print(s(2), s(2, 5), sorted(items, key=lambda v: -s(v)))
print(list(map(s, [1, 2, 3])), sorted([3, 1, 2], key=str, reverse=True))
words = "b,a,c".split(",")
print(sorted(words, key=lambda w: (len(w), w)), ",".join(sorted(words)))


def unbound_arg():
    print(len(x))
    x = [1]


def unbound_func():
    print(f(1))
    f = len


for g in (unbound_arg, unbound_func):
    try:
        g()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
