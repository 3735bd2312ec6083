# AssertionError without a message, raised inside a function.
def check(x):
    assert x >= 0
    return x * 2
def run(values):
    out = []
    for v in values:
        out.append(check(v))
        print("checked", v, out)
    return out
print(run([1, 0, 5]))
print(run([3, -1, 4]))
