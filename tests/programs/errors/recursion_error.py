# Unbounded recursion hits the recursion limit.
def countdown(n):
    if n % 100 == 0:
        print("depth", n)
    return countdown(n + 1)
def finite(n):
    if n == 0:
        return 0
    return 1 + finite(n - 1)
print("finite", finite(100))
print("start")
countdown(1)
