# An unexpected indent at module level.
x = 1
y = 2
print("start")
def g():
    return 3
z = x + y
    w = z * 2
print(w)
print(g())
