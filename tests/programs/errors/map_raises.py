def inv(x):
    return 10 // x

print(list(map(inv, [1, 2, 5])))
print(list(map(inv, [1, 0])))
