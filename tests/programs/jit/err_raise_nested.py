# A ValueError raised two calls deep inside a hot loop, at iteration 5000.
def check(v, limit=5000):
    if v >= limit:
        raise ValueError(f"value {v} reached limit {limit}")
    return v % 9

def process(i):
    x = check(i) * 2
    return x + i // 3

acc = 0
for i in range(9000):
    acc += process(i)
    if i % 1000 == 0 or i >= 4998:
        print(i, acc)
print("unreachable", acc)
