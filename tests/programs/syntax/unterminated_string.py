# An unterminated string literal.
print("never printed")
name = "tvm"
version = 1
def greet(who):
    return "hello " + who
print(greet(name))
message = "unterminated
print(message)
print(version)
