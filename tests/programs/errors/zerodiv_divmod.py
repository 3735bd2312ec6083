# divmod by zero.
print(divmod(7, 2))
print(pow(2, 5, 3))
print(divmod(-7, 2), divmod(7, -2))
print(divmod(7.5, 2))
pairs = [(10, 3), (9, 3), (8, 0)]
for a, b in pairs:
    print(a, b, divmod(a, b))
print("unreachable")
print(divmod(1, 1))
