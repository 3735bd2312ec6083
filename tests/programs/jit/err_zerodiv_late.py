# ZeroDivisionError in a hot loop when the divisor reaches 0 at iteration 7000.
total = 0
for i in range(10000):
    d = 7000 - i
    total += 1000000 // d + i % 7
    if i % 1000 == 0 or i > 6997:
        print(i, d, total)
print("unreachable", total)
