# Builtins shadowed by module globals mid-run, then restored with del.
def magnitude(x):
    return abs(x) + 1

def size(xs):
    return len(xs) * 10

def my_abs(x):
    return -x if x > 0 else x

def my_len(xs):
    return 7

total = 0
xs = [1, 2, 3]
for i in range(9000):
    if i == 3000:
        abs = my_abs
    if i == 4500:
        len = my_len
    if i == 6000:
        del abs
    if i == 7500:
        del len
    v = i % 11 - 5
    total += magnitude(v) + size(xs) + abs(v) - len(xs)
    if i % 1000 == 0 or i in (2999, 3000, 4499, 4500, 5999, 6000, 7499, 7500):
        print(i, magnitude(v), size(xs), abs(v), len(xs), total)
print("total", total)

# max rebound to an int (only read, never called, afterwards);
# then a function named sum defined at module level mid-loop.
s = 0
for i in range(4000):
    if i == 2000:
        max = 99
    if i < 2000:
        s += max(i % 7, 3)
    else:
        s += max
    if i == 3000:
        def sum(items):
            return -1
    s += sum([i, 1])
    if i % 500 == 0:
        print(i, s)
print("s", s)
