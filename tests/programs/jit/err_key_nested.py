# A KeyError deep in a call chain once a key goes missing at iteration 4000.
table = {}
for k in range(100):
    table[k] = k * k

def lookup(k):
    return table[k]

def combine(a, b):
    return lookup(a) + lookup(b)

def step(i):
    return combine(i % 100, (i * 7) % 100) % 1000

acc = 0
for i in range(6000):
    if i == 4000:
        table.pop(58)
        print("removed 58", len(table))
    acc += step(i)
    if i % 500 == 0 or i >= 4000:
        print(i, acc)
print("unreachable", acc)
