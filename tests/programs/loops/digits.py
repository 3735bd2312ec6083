# Digit manipulation: digit sums, palindromes, Armstrong numbers.
def digit_sum(n):
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s
def reverse_num(n):
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return r
print(digit_sum(2 ** 1000), digit_sum(12345), reverse_num(12345), reverse_num(1200))
pals = 0
for n in range(1, 5000):
    if n == reverse_num(n):
        pals += 1
print("palindromes", pals)
arm = []
for n in range(1, 10000):
    k = len(str(n))
    s = 0
    m = n
    while m:
        s += (m % 10) ** k
        m //= 10
    if s == n:
        arm.append(n)
print("armstrong", arm)
n = 196
for i in range(30):
    n = n + reverse_num(n)
print("lychrel-ish", n)
