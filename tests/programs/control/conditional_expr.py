# Conditional (ternary) expressions, including nested and in arguments.
for n in range(-3, 4):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    parity = "even" if n % 2 == 0 else "odd"
    print(n, sign, parity, abs(n) if n < 0 else n * 10)
x = 7
print("big" if x > 5 else "small", (1 if x else 2) + 10, [x if x > 0 else -x])
print(max(3, 9) if x else min(3, 9), "a" + ("b" if False else "c"))
def describe(v):
    return "none" if v is None else "list" if isinstance(v, list) else "other"
for v in [None, [], 3, "s"]:
    print(describe(v))
total = 0
for i in range(10):
    total += i if i % 2 else -i
print(total)
