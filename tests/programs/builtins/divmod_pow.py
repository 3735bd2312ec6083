# divmod and pow builtins with two and three arguments.
for a in [13, -13, 0, 2 ** 65 + 3]:
    for b in [4, -4, 7]:
        print(a, b, divmod(a, b), pow(a, 2), pow(a, 3, abs(b)) if b != 0 else None)
print(divmod(13.5, 4), divmod(-13.5, 4), divmod(1e300, 7.0), divmod(5, 0.5))
print(pow(2, 10), pow(2, -2), pow(-2, 5), pow(2.5, 2), pow(0, 0), pow(10, 20), pow(9, 0.5))
print(pow(3, 200, 1000000007), pow(123, 456, 789), pow(-7, 3, 10), pow(7, 3, -10), pow(0, 5, 3))
print(pow(2, 0, 1), pow(5, 3, 1), pow(10 ** 20, 10 ** 20, 10 ** 9 + 9))
x = 1
for i in range(10):
    x = pow(x * 7 + 3, 2, 1009)
    print(i, x)
