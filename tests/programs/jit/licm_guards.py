# Loop-invariant guards hoisted into a trace's preamble (tracer/src/opt/licm.rs):
# each one fails at trace entry on a later call, and the interpreter must then run
# the iteration itself with the same result.
import math


def invariant_sum(a, b, n):
    # a + b is computed once per entry; with big operands it overflows i64 there.
    total = 0
    k = 0
    while k < n:
        total += (a + b + k) % 7
        k += 1
    return total


print(invariant_sum(1, 2, 3000))
print(invariant_sum(2**62, 2**62, 3000))        # a + b overflows: exit at entry
print(invariant_sum(2**62, 2**62 - 1, 3000))    # a + b fits; + k overflows in the body
print(invariant_sum(-(2**62), -(2**62), 3000))  # exactly i64::MIN: fits
print(invariant_sum(5, 6, 3000))


def stepped(n, step):
    # The range loop's `step > 0` test is invariant; a negative step fails it.
    s = 0
    start, stop = (0, n) if step > 0 else (n, 0)
    for i in range(start, stop, step):
        s += i
    return s


for st in (1, 3, -1, -2, 5, 1):
    print("step", st, stepped(2000, st))


def divided(n, d):
    # Mod and FloorDiv by an invariant divisor: 0 and negatives fail their guard.
    t = 0
    for i in range(n):
        t += i % d + i // d
    return t


print(divided(3000, 7))
try:
    print(divided(3000, 0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(divided(3000, -3))
print(divided(3000, 7))


def scaled(n, x, y):
    # Float division and sqrt of invariant values.
    acc = 0.0
    for i in range(n):
        acc += i * (x / y) + math.sqrt(x)
    return acc


print(scaled(2000, 3.0, 2.0))
try:
    print(scaled(2000, 3.0, 0.0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(scaled(2000, -1.0, 2.0))
except ValueError as e:
    print("ValueError:", e)
print(scaled(2000, 4.0, 8.0))


def grid(rows):
    # i * j is invariant in the inner loop; the middle loop changes j between
    # entries (a side trace that writes a slot the preamble read), and rows holds
    # values whose product overflows i64.
    total = 0
    for i in rows:
        for j in rows:
            k = 0
            while k < 40:
                if (i * j + k) % 3 == 0:
                    total += 1
                else:
                    total -= k
                k += 1
    return total


print(grid([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
print(grid([1, 2, 2**40, 3, 2**31, 7]))
