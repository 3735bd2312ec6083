# Trial-division primality and prime factorization.
def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True
def factor(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
count = 0
for n in range(5000):
    if is_prime(n):
        count += 1
print("primes below 20000:", count)
for n in [1, 2, 12, 97, 360, 1001, 65536, 999983, 600851475143, 2 ** 32 + 1]:
    print(n, factor(n), is_prime(n))
