# Euclid's gcd in a loop; lcm of ranges; coprime counting.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def lcm(a, b):
    return a // gcd(a, b) * b
print(gcd(48, 18), gcd(17, 31), gcd(0, 5), gcd(2 ** 100, 6 ** 50), gcd(-12, 18))
l = 1
for i in range(1, 51):
    l = lcm(l, i)
    if i % 10 == 0:
        print(i, l)
coprime = 0
for a in range(1, 121):
    for b in range(1, 121):
        if gcd(a, b) == 1:
            coprime += 1
print("coprime pairs", coprime, coprime / 14400)
def phi(n):
    count = 0
    for k in range(1, n + 1):
        if gcd(n, k) == 1:
            count += 1
    return count
print("phi:", phi(1), phi(10), phi(36), phi(97), phi(1000))
