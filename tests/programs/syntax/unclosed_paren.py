# An unclosed parenthesis.
print("never printed")
a = 1
b = 2
def add(x, y):
    return x + y
result = add(a, (b * 3)
print(result)
c = 4
d = 5
