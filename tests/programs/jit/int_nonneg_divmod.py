# // and % of values that cannot be negative by positive constants (bounds turns
# them into unsigned UDiv/URem), next to values that can be negative.


def squares(n):
    total = 0
    i = -n
    while i < n:
        total += i * i % 7 + i * i // 5
        i += 1
    return total


def masked(n):
    t = 0
    for i in range(-n, n):
        t += (i & 255) // 3 + (i & 1023) % 10 + i % 7 + i // 4
    return t


def remainders(n, d):
    # A remainder divided again; the divisor d is not a constant.
    t = 0
    for i in range(n):
        r = i % 97
        t += r // 4 + r % 3 + i % d
    return t


def big(n):
    # Squares near the top of the i64 range: some overflow into big ints.
    t = 0
    for i in range(3037000400, 3037000400 + n):
        t += i * i % 1000003
    return t


print(squares(3000))
print(masked(3000))
print(remainders(3000, 11))
print(remainders(3000, -11))
print(big(200))



def near_the_top(n, start):
    # Adding a value that cannot be negative (x & 255, a remainder) checks
    # overflow with one compare; here it fails inside compiled code and the
    # interpreter goes on with big ints.
    t = start
    for i in range(n):
        t += i & 255
        t += (i & 1023) % 7
    return t


def near_the_bottom(n, start):
    # The same for a subtraction going past i64::MIN.
    u = start
    for i in range(n):
        u -= i & 1023
    return u


print(near_the_top(3000, 2**63 - 200000))
print(near_the_top(3000, 2**63 - 2000))
print(near_the_bottom(3000, -(2**63) + 200000))
print(near_the_bottom(3000, -(2**63) + 2000))
