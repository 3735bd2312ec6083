# Exceptions raised and caught inside hot loops: the JIT must leave compiled code
# and the interpreter must find the handler.
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return 0

def run(n):
    s = 0
    for i in range(n):
        s += safe_div(i * 7, i % 11)
    return s
print(run(20000))

def lookup(n):
    d = {}
    for i in range(50):
        d[i] = i * i
    hits = misses = 0
    for i in range(n):
        try:
            hits += d[i % 80]
        except KeyError:
            misses += 1
    return hits, misses
print(lookup(30000))

def late_fail(n):
    total = 0
    i = 0
    while i < n:
        try:
            if i == n - 3:
                raise RuntimeError("late")
            total += i
        except RuntimeError as e:
            total = -total
            print("caught", e, "at", i)
        finally:
            i += 1
    return total
print(late_fail(5000))

def overflow_in_try(n):
    x = 1
    for i in range(n):
        try:
            x = x * 3
            if x > 10 ** 30:
                raise OverflowError("big")
        except OverflowError:
            x = 1
    return x
print(overflow_in_try(1000))
