# Side traces hot enough to be compiled into their loop's function (after
# `sideinline` calls), and then every way out of them: a type change, an int
# overflow and a branch flip inside the inlined side trace, an exception raised
# in it, and a side trace that changes a value the loop's preamble loaded
# (it must go back through the preamble).


def branches(n):
    total = 0
    odd = 0
    step = 1
    for i in range(n):
        if i % 2 == 0:
            total += i * step          # side path: inlined after enough calls
            if i > 3 * n // 4:
                total += 0.5           # type change inside the inlined side trace
        else:
            odd += 1
        if i == n // 2:
            step = 2**62               # overflow inside the inlined side trace
    return total, odd


def invariant_change(n):
    scale = 3
    acc = 0
    k = 0
    while k < n:
        if k % 3 == 0:
            scale = scale + 1 if k % 2 == 0 else scale - 1   # side path writes a loop invariant
        acc += scale
        k += 1
    return acc, scale


def nested_exits(n):
    hits = []
    total = 0
    for i in range(n):
        if i % 4 != 0:
            if i % 1000 == 999:
                hits.append(i)         # rare exit from the inlined side trace
            total += i & 7
        else:
            total -= 1
    return total, hits


def raising(n):
    caught = 0
    total = 0
    for i in range(n):
        try:
            if i % 2:
                total += 100 // (n - 1 - i)    # ZeroDivisionError on the last odd i
            else:
                total += 1
        except ZeroDivisionError:
            caught += 1
    return total, caught


def flip(n):
    a = 0
    b = 0
    for i in range(n):
        if i % 2:
            if i < n // 2:
                a += 1                 # taken in the first half only
            else:
                b += 1
        else:
            a -= 1
    return a, b


print(branches(20000))
print(invariant_change(9000))
print(nested_exits(12000))
print(raising(6000))
print(flip(16000))
