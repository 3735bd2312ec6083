# Returning multiple values, early returns and implicit None.
def minmax(seq):
    lo = seq[0]
    hi = seq[0]
    for x in seq:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi
print(minmax([3, 1, 4, 1, 5, 9, 2, 6]))
lo, hi = minmax("hello")
print(lo, hi)
def sign(x):
    if x > 0:
        return 1
    if x < 0:
        return -1
    return 0
print(sign(5), sign(-2.5), sign(0))
def noreturn(x):
    x = x + 1
print(noreturn(1))
def stats(nums):
    n = len(nums)
    total = sum(nums)
    mean = total / n
    var = 0
    for x in nums:
        var += (x - mean) ** 2
    return n, total, mean, var / n
print(stats([2, 4, 4, 4, 5, 5, 7, 9]))
n, t, m, v = stats([1, 2, 3, 4])
print(n, t, m, v)
def first_neg(seq):
    for i, x in enumerate(seq):
        if x < 0:
            return i, x
    return None
print(first_neg([1, 2, -3, -4]), first_neg([1, 2]))
