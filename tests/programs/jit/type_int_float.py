# A variable that is an int, turns into a float mid-loop, and back into an int.
# It also flips right at the start (iterations 1 and 2), before the loop is hot.
x = 0
total = 0
for i in range(9000):
    if i == 1:
        x = 0.5
    elif i == 2:
        x = 1
    elif i == 3000:
        x = x + 0.25
    elif i == 6000:
        x = int(x)
    x = x + 3
    total = total + x
    if i % 1000 == 999 or i < 4 or i in (3000, 6000):
        print(i, x, total, isinstance(x, float), isinstance(total, float))
print("final", x, total)

# Polymorphic every iteration: int on even iterations, float on odd ones.
acc = 0
prod = 1
for i in range(6000):
    z = i if i % 2 == 0 else i * 0.5
    acc = acc + z * 3 - z // 2
    if i % 4 == 0:
        prod = (prod * 3) % 1000003
    else:
        prod = prod + z
        prod = int(prod) % 1000003
    if i % 1000 == 0 or i == 5999:
        print(i, z, acc, prod)
print("acc", acc, "prod", prod)
