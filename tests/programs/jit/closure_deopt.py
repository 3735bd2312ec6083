# Traces reading and writing closure cells: type changes and rebinding.
def make():
    total = 0
    scale = 1

    def add(v):
        nonlocal total
        total = total + v * scale
        return total

    def set_scale(s):
        nonlocal scale
        scale = s

    return add, set_scale


add, set_scale = make()
r = 0
for i in range(120):
    r = add(i)
    if i == 50:
        set_scale(2)
    if i == 90:
        set_scale(0.5)
print(r)


def counter_loop(n):
    hits = 0

    def hit(k):
        nonlocal hits
        hits += k

    for i in range(n):
        hit(i % 3)
        if i == n // 2:
            hits = float(hits)
    return hits


print(counter_loop(200))


def outer_reads(n):
    base = 10
    get = lambda: base
    s = 0
    for i in range(n):
        s += base + i
        if i == 40:
            base = "changed" if False else 20
    return s, get()


print(outer_reads(100))
