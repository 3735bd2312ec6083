# tuple index out of range with a negative index.
t = (1, 2, 3)
print(t[-1], t[-2], t[-3])
print(t[1:], t[::-1], t[-10:10])
pairs = ((1, "a"), (2, "b"))
for p in pairs:
    print(p[0], p[1], p[-1])
print(pairs[1][1], pairs[-2][0])
print(t[-4])
print("unreachable")
