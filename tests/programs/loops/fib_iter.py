# Iterative Fibonacci into big ints, plus a float version.
a, b = 0, 1
for i in range(300):
    a, b = b, a + b
    if i % 50 == 0:
        print(i, a)
print(a)
print(len(str(a)), a % 1000000007)
fa, fb = 0.0, 1.0
for i in range(80):
    fa, fb = fb, fa + fb
print(fa, fb / fa)
n = 0
x, y = 0, 1
while x < 10 ** 100:
    x, y = y, x + y
    n += 1
print("first fib over 10**100 is F(%d)" % n, len(str(x)))
evens = 0
x, y = 1, 2
while x < 4000000:
    if x % 2 == 0:
        evens += x
    x, y = y, x + y
print(evens)
