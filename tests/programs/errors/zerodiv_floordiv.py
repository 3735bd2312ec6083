# Floor division by zero inside a function.
def halve_until(n, d):
    while n > 1:
        print("n =", n, "d =", d)
        n = n // d
        d = d - 1
    return n
print(halve_until(10, 2))
print(halve_until(100, 5))
print(halve_until(1000, 3))
print("unreachable")
