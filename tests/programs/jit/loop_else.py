# for/else and while/else inside hot loops.
primes = 0
last = 0
for n in range(2, 6000):
    for d in range(2, n):
        if d * d > n:
            primes += 1
            last = n
            break
        if n % d == 0:
            break
    else:
        primes += 1
        last = n
    if n % 1000 == 0:
        print(n, primes, last)
print("primes", primes, last)

# while/else: the else runs when the loop ends without break.
elses = 0
breaks = 0
for n in range(3000):
    k = n
    while k > 0:
        if k % 10 == 7:
            breaks += 1
            break
        k //= 10
    else:
        elses += 1
    if n % 500 == 0:
        print(n, elses, breaks)
print("while-else", elses, breaks)

# for/else over an empty range (else runs at once) and a one-element range.
count = 0
for i in range(4000):
    for j in range(i % 3 - 1):
        count += 10
        if j == 0 and i % 2:
            break
    else:
        count += 1
print("empty", count)

# while/else where the else clause changes the loop variable's type.
x = 0
for i in range(2000):
    while x < i:
        x += 3
        if x % 1000 == 0:
            break
    else:
        x = x + 0.5 if i % 400 == 0 else int(x)
print("typed", x)
