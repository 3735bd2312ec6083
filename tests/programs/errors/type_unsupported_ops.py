# Other unsupported operand errors: list - list.
a = [1, 2, 3]
b = [1]
print(a + b)
print(a * 2)
print(b * -1)
print(a == b, a < b, a != b)
print(a + b + a)
c = a + b
print(c)
print(a - b)
