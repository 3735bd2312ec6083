l = list(range(6))
l[::2] = [0, 0, 0]
print(l)
l[::2] = [1, 2]
