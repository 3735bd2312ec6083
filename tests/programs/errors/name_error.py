# Using an undefined name inside a function.
a = 1
b = 2
print(a + b)
def compute():
    return a * b + c
def wrapper():
    print("in wrapper")
    return compute()
print("before call")
print(wrapper())
