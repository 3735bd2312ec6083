# list index out of range in a while loop without a bound.
xs = [1, 2, 3]
print(xs[0], xs[-1], xs[1:], xs[5:])
print(xs[-3], len(xs))
i = 0
while True:
    print("xs[%d] = %d" % (i, xs[i]))
    i += 1
    if i > 100:
        break
print("unreachable")
