# An accumulator crossing 2**63 (and -2**63) after thousands of iterations,
# going on as a big int, then coming back into the int64 range.
LIMIT = 2**63
acc = LIMIT - 5000
big = 0
for i in range(10000):
    acc += 1
    if acc >= LIMIT:
        big += 1
    if i % 1000 == 0 or 4997 <= i <= 5001:
        print(i, acc, acc - LIMIT, acc % 1000003, acc >> 60, acc & 0xFFFF)
print("up", acc, big)
for i in range(10000):
    acc -= 1
    if i % 2000 == 0 or 4998 <= i <= 5001:
        print(i, acc, acc < LIMIT, acc // 3)
print("down", acc, acc == LIMIT - 5000)

# Large steps: crossing after ~3000 iterations, then far beyond, then back.
step = 2**50 + 12345
acc = LIMIT - 3000 * step - 7
for i in range(8000):
    acc += step
    if i % 1000 == 0 or 2998 <= i <= 3000:
        print(i, acc, acc > LIMIT - 1)
for i in range(8000):
    acc -= step
print("back", acc, acc == LIMIT - 3000 * step - 7)

# The negative side: -2**63 still fits, -2**63 - 1 does not.
acc = -LIMIT + 3000
for i in range(6000):
    acc -= 1
    if i % 1000 == 0 or 2998 <= i <= 3001:
        print(i, acc, acc + LIMIT, acc % 1000, -acc > LIMIT - 1)
for i in range(6000):
    acc += 1
print("neg back", acc, acc == -LIMIT + 3000)

# Crossing on the very first iteration.
acc = LIMIT - 1
for i in range(3000):
    acc += i
print("first", acc, acc - LIMIT)
