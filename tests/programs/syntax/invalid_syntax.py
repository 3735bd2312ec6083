# Doubled operator that is not valid Python.
print("never printed")
a = 1
b = 2
c = a + b
print(c)
d = c * * 2
print(d)
e = d - 1
print(e)
