# Globals rebound to values of a different type (and functions) mid-loop.
factor = 2

def apply(x):
    return x * factor

acc = 0
for i in range(9000):
    if i == 1:
        factor = 2.0
    elif i == 2:
        factor = 2
    elif i == 3000:
        factor = 1.5
    elif i == 6000:
        factor = 2**64
    elif i == 8000:
        factor = "ab"
    r = apply(i % 10)
    acc += len(r) if isinstance(r, str) else r
    if i % 1000 == 0 or i in (1, 2, 2999, 3000, 5999, 6000, 7999, 8000):
        print(i, repr(factor), repr(r), acc)
print("acc", acc)

# A global holding a function, rebound to another function mid-loop.
def add(a, b):
    return a + b

def mul(a, b):
    return a * b

def sub(a, b=1):
    return a - b

op = add
v = 1
for i in range(7000):
    if i == 2500:
        op = mul
    elif i == 2520:
        op = sub
    elif i == 5000:
        op = add
    v = op(v, i % 7 + 1) % 1000000007
    if i % 1000 == 0 or 2499 <= i <= 2501 or i == 2520:
        print(i, op(3, 4), v)
print("v", v)

# A global list rebound to a tuple and back.
data = [1, 2, 3]
def first_plus_last():
    return data[0] + data[-1]
s = 0
for i in range(5000):
    if i % 1000 == 500:
        data = (i, 0, i * 2) if isinstance(data, list) else [i, 1, 7]
    s += first_plus_last()
print("data", s, data)
