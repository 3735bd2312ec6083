# Float division by zero.
x = 1.5
y = 0.5
while True:
    print(x, y, x / y)
    y = y - 0.25
    if y < -1:
        break
print("unreachable")
print(x)
