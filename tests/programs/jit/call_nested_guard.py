# Type changes inside the innermost of two and three levels of calls.
D = 3

def inner(x):
    return x * 3 - x // D

def middle(x):
    return inner(x) + inner(x + 1)

def outer(x):
    return middle(x) - middle(x - 1)

# Three levels: the global divisor used by inner() changes type mid-loop.
t = 0
for i in range(9000):
    if i == 3000:
        D = 2.5
    elif i == 6000:
        D = 2**70
    elif i == 7500:
        D = -4
    r = outer(i)
    t += r
    if i % 1000 == 0 or i in (2999, 3000, 5999, 6000, 7499, 7500):
        print(i, r, t)
print("three", t)

# Two levels: the argument that reaches the innermost call changes type.
def leaf(v, w):
    return v + w if v < w else v - w

def node(v):
    return leaf(v, 100) * 2

u = 0
for i in range(8000):
    if i < 2500:
        a = i % 300
    elif i < 5000:
        a = (i % 300) * 1.25
    else:
        a = (i % 300) + 2**63
    u += node(a)
    if i % 1000 == 0 or i in (2499, 2500, 4999, 5000):
        print(i, a, node(a), u)
print("two", u)
