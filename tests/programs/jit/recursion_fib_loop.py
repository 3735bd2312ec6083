# Recursive fib called from a hot loop; its argument type changes later.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

total = 0
for i in range(1500):
    n = i % 12
    if i >= 1000:
        n = n * 1.0
    f = fib(n)
    total += f
    if i % 100 == 0 or i in (999, 1000, 1001):
        print(i, n, f, total)
print("total", total)

# Mutual recursion in a loop.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

evens = 0
for i in range(400):
    if is_even(i % 97):
        evens += 1
print("evens", evens)

# Ackermann-like small recursion with default arguments.
def count(n, acc=0):
    if n <= 0:
        return acc
    return count(n - 3, acc + n)

c = 0
for i in range(2000):
    c += count(i % 150)
    if i % 400 == 0:
        print(i, c)
print("count", c)
