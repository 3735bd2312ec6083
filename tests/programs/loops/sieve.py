# Sieve of Eratosthenes with a list of booleans.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            m = p * p
            while m <= limit:
                is_prime[m] = False
                m += p
        p += 1
    primes = []
    for i in range(limit + 1):
        if is_prime[i]:
            primes.append(i)
    return primes
ps = sieve(30000)
print(len(ps), ps[:20], ps[-5:], sum(ps))
twins = 0
for i in range(len(ps) - 1):
    if ps[i + 1] - ps[i] == 2:
        twins += 1
print("twin pairs", twins)
gaps = {}
for i in range(len(ps) - 1):
    g = ps[i + 1] - ps[i]
    gaps[g] = gaps.get(g, 0) + 1
print(sorted(gaps.items())[:8], max(gaps))
