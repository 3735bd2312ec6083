# Old objects given young ones: containers that survived collections are
# mutated afterwards (every kind of store), garbage is churned so that minor and
# full collections run, and everything is read back. A young object kept alive
# only by an old container must survive (the collector has no write barrier; it
# traces old mutable objects, and a list only past the items it traced last).


def churn(n):
    # Short-lived allocation, about 2 KB an iteration: collections run in any GC
    # mode, with few safepoints (--gc-stress collects at each).
    t = 0
    for i in range(n):
        x = [str(i), (i, i)] * 60
        t += len(x[0]) + len(x)
    return t


class Box:
    def __init__(self):
        self.a = "a"
        self.b = None


def make_counter():
    c = ["start"]
    n = 0

    def bump(v):
        nonlocal n
        n = n + 1
        c.append(v)
        return n

    def get():
        return n, c

    return bump, get


def gen():
    seen = []
    while True:
        v = yield len(seen)
        seen.append(v + "!")
        if len(seen) == 4:
            yield seen


old_list = [str(i) for i in range(1000)]
old_dict = {str(i): [i] for i in range(200)}
old_set = {str(i) for i in range(100)}
box = Box()
bump, get = make_counter()
g = gen()
next(g)
nested = [[str(i)] for i in range(300)]
print("churn", churn(2500))

# Stores of new objects into the now-old containers.
for i in range(0, 1000, 7):
    old_list[i] = "n" + str(i * 3)
old_list.append("tail" + str(len(old_list)))
old_list.insert(5, "ins" + str(5))
old_list[10:12] = ["sl" + str(k) for k in range(3)]
old_list.extend(["ext" + str(k) for k in range(5)])
for k in range(50):
    old_dict[str(k)] = ["new", str(k * k)]
old_dict["fresh"] = ("t", str(99))
old_set.add("added" + str(7))
box.b = ["box", str(123)]
box.c = {"k": str(456)}
for k in range(3):
    bump("v" + str(k))
print(g.send("x" + str(1)), g.send("y" + str(2)), g.send("z" + str(3)))
for i in range(300):
    nested[i].append(str(i) + "+")
    nested[i][0] = nested[i][0] + "-"
print("churn", churn(2500))

# A hot loop (compiled with the JIT on) storing new strs into an old list.
for i in range(len(old_list)):
    if i % 3 == 0:
        old_list[i] = "j" + str(i)
print("churn", churn(2500))
print(old_list[:4], old_list[-4:], sum(len(s) for s in old_list))
old_list.reverse()
old_list.sort()
popped = [old_list.pop() for _ in range(3)]
old_list.append("again" + str(1))
print("churn", churn(2500))

print(len(old_list), old_list[:6], old_list[-4:], popped)
print(sum(len(s) for s in old_list))
print(sorted(old_dict.items())[:3], old_dict["fresh"], len(old_dict))
print(sorted(old_set)[:3], len(old_set))
print(box.a, box.b, box.c)
print(get())
print(g.send("w" + str(4)))
print(nested[0], nested[299], sum(len(x[0]) + len(x[1]) for x in nested))
