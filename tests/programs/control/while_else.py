# while loops with else, break and continue.
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("n", n)
else:
    print("loop finished normally, n =", n)
m = 10
while m > 0:
    if m == 4:
        print("breaking at", m)
        break
    m -= 3
else:
    print("not printed")
k = 0
while k < 0:
    print("never")
else:
    print("else runs even if body never ran")
def find_factor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return None
    return d
for n in [2, 9, 13, 91, 97, 1001, 7919]:
    print(n, find_factor(n))
i = 0
total = 0
while True:
    i += 1
    if i % 2:
        continue
    total += i
    if i >= 20:
        break
print(i, total)
