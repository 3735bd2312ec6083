# Big factorials computed iteratively and recursively.
def fact_iter(n):
    r = 1
    i = 2
    while i <= n:
        r = r * i
        i = i + 1
    return r

def fact_rec(n):
    if n <= 1:
        return 1
    return n * fact_rec(n - 1)

for n in [0, 1, 5, 10, 20, 21, 25, 30]:
    print(n, fact_iter(n), fact_iter(n) == fact_rec(n))
f50 = fact_iter(50)
print(f50)
print(len(str(f50)), f50 % 1000000007)
f100 = fact_rec(100)
print(f100)
zeros = 0
while f100 % 10 == 0:
    f100 = f100 // 10
    zeros = zeros + 1
print("trailing zeros", zeros)
print(fact_iter(30) // fact_iter(28), fact_iter(52) // (fact_iter(5) * fact_iter(47)))
