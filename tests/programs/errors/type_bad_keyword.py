# Unexpected keyword argument.
def greet(name, punct="!"):
    return "hi " + name + punct
print(greet("ann"))
print(greet("bob", punct="?"))
print(greet(name="dee"))
print(greet(punct=".", name="eve"))
names = ["fay", "gus"]
for n in names:
    print(greet(n, "..."))
print(greet("cy", excl="!!"))
