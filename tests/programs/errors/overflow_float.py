# int too large to convert to float.
for e in [10, 100, 300, 308]:
    print(e, float(10 ** e))
big = 2 ** 1023
print(float(big), float(big - 1), float(-big))
print(float(-(10 ** 300)))
n = 10 ** 400
print(len(str(n)))
print(n // 10 ** 390)
print(float(n))
print("unreachable")
