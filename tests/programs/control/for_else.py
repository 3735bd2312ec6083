# for loops over range, list, tuple, str and dict with else/break/continue.
for i in range(3):
    print("range", i)
else:
    print("range done")
for x in [10, 20, 30]:
    if x == 20:
        print("found 20")
        break
else:
    print("not printed")
for c in "hey":
    print("char", c)
for t in (1.5, None, "s"):
    print("tuple item", t)
for k in {"b": 1, "a": 2}:
    print("key", k)
for i in []:
    print("never")
else:
    print("empty loop else")
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for i in range(10):
    if i % 3 != 0:
        continue
    print("multiple of 3:", i)
words = ["alpha", "beta", "gamma", "delta"]
for w in words:
    if "m" in w:
        print("first with m:", w)
        break
for i in range(5):
    pass
print("i after loop", i)
for i in range(10, 0, -3):
    print("down", i)
