# bools used as ints in hot loops, and variables flipping between bool and int.
count = 0
weighted = 0
for i in range(8000):
    b = i % 3 == 0
    count += b
    weighted += b * i - (not b)
    if i % 1000 == 0:
        print(i, b, count, weighted, b + b, -b, ~b)
print("count", count, weighted)

# A flag that starts as a bool and becomes an int after 4000 iterations.
flag = False
acc = 0
for i in range(8000):
    if i < 4000:
        flag = not flag
    else:
        flag = flag + 1
    acc += flag * 2
    if i % 1000 == 0 or 3998 <= i <= 4001:
        print(i, repr(flag), acc, isinstance(flag, bool), isinstance(flag, int))
print("acc", acc)

# and/or return one of their operands, whose types differ.
mix = 0
last = None
for i in range(6000):
    v = (i % 4 and i) or "zero"
    w = i % 5 == 0 or 0.5
    last = v
    if isinstance(v, str):
        mix += len(v)
    else:
        mix += v
    mix += w
    if i % 1000 == 0:
        print(i, repr(v), repr(w), mix)
print("mix", mix, repr(last))

# True / False in arithmetic with floats and big ints.
t = 0.0
for i in range(5000):
    t += (i % 2 == 1) * 0.25 + (i % 1000 == 0) * 2**64 / 2**60
print("t", t, True * 2**64, True + 1.5, False ** 0)
