# Assigning to a literal in an if condition.
print("never printed")
x = 5
y = 10
if x > 3:
    print("x is big")
while y > 0:
    y -= 3
if 1 = x:
    print("one")
print(y)
