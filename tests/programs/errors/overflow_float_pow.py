# float ** int overflow raises OverflowError after growing past 1e256.
x = 10.0
print(x, x ** 0.5, x ** -1)
for i in range(12):
    x = x ** 2
    print(i, x)
    if i > 20:
        break
print("unreachable")
print(x)
