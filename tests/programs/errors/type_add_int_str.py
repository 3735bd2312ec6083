# unsupported operand type(s) for +: 'int' and 'str'.
parts = [1, 2, 3]
total = 0
for p in parts:
    total = total + p
    print("running total", total)
label = "items"
print(str(total) + " " + label)
print(total * label)
print(total + label)
