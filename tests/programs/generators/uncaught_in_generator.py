def parse(items):
    for item in items:
        yield int(item)

def total(items):
    s = 0
    for v in parse(items):
        s += v
    return s

print(total(["1", "2"]))
print(total(["1", "x"]))
