def inner(x):
    return 100 // x

def outer(n):
    acc = 0
    for i in range(n):
        try:
            acc += inner(i - 500)
        except ZeroDivisionError:
            acc += 1000
    return acc
print(outer(2000))

def err_in_handler():
    try:
        1/0
    except ZeroDivisionError:
        raise ValueError("during")
try:
    err_in_handler()
except ValueError as e:
    print("ctx", repr(e.__context__))

class_like = 0
def deep(n):
    if n == 0:
        raise KeyError(n)
    return deep(n - 1)
for j in range(100):
    try:
        deep(j % 5)
    except KeyError as e:
        class_like += e.args[0] + 1
print(class_like)

def f():
    try:
        1/0
    except ZeroDivisionError as e:
        raise ValueError("x") from e
f()
